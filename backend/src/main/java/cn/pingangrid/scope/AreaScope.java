package cn.pingangrid.scope;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The part of the town a user may see, carried as authorities of the login so that this package needs nothing
 * from the account module: {@code AREA_TOWN} (everything), {@code AREA_VILLAGE_<code>} (a village with all its
 * grids), {@code AREA_GRID_<code>} (one grid, plus its village's outline and name for context) and
 * {@code REFERRALS_<unit>} (a mediator: the cases referred to their unit).
 *
 * <p>Applied by {@link ScopedQueries} to every query over an {@link AreaBound} entity; nothing else needs to read
 * it. An empty set means "none of these", never a placeholder value.
 */
public record AreaScope(boolean wholeTown, Set<String> villages, Set<String> grids, String referralUnit) {

    public static final String TOWN = "AREA_TOWN";
    public static final String VILLAGE_PREFIX = "AREA_VILLAGE_";
    public static final String GRID_PREFIX = "AREA_GRID_";
    public static final String REFERRALS_PREFIX = "REFERRALS_";

    /** Length of a village code (430922117 + 3 digits); a grid code adds two digits. */
    public static final int VILLAGE_CODE_LENGTH = 12;

    public static final AreaScope NOTHING = new AreaScope(false, Set.of(), Set.of(), null);
    static final AreaScope EVERYTHING = new AreaScope(true, Set.of(), Set.of(), null);

    public AreaScope {
        villages = Set.copyOf(villages);
        grids = Set.copyOf(grids);
        referralUnit = referralUnit == null || referralUnit.isBlank() ? null : referralUnit;
    }

    public static GrantedAuthority townAuthority() {
        return new SimpleGrantedAuthority(TOWN);
    }

    public static GrantedAuthority villageAuthority(String villageCode) {
        return new SimpleGrantedAuthority(VILLAGE_PREFIX + villageCode);
    }

    public static GrantedAuthority gridAuthority(String gridCode) {
        return new SimpleGrantedAuthority(GRID_PREFIX + gridCode);
    }

    public static GrantedAuthority referralsAuthority(String unit) {
        return new SimpleGrantedAuthority(REFERRALS_PREFIX + unit);
    }

    public static AreaScope of(Collection<? extends GrantedAuthority> authorities) {
        boolean town = false;
        Set<String> villages = new TreeSet<>();
        Set<String> grids = new TreeSet<>();
        String unit = null;
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name == null) {
                continue;
            }
            if (TOWN.equals(name)) {
                town = true;
            } else if (name.startsWith(VILLAGE_PREFIX)) {
                villages.add(name.substring(VILLAGE_PREFIX.length()));
            } else if (name.startsWith(GRID_PREFIX)) {
                grids.add(name.substring(GRID_PREFIX.length()));
            } else if (name.startsWith(REFERRALS_PREFIX)) {
                unit = name.substring(REFERRALS_PREFIX.length());
            }
        }
        return town ? EVERYTHING : new AreaScope(false, villages, grids, unit);
    }

    /** Villages shown: the whole ones plus the villages of single grids (outline and name only). */
    public Set<String> visibleVillages() {
        Set<String> visible = new TreeSet<>(villages);
        grids.forEach(grid -> visible.add(villageOf(grid)));
        return visible;
    }

    /** Whether the village is shown at all (for a grid manager: their village's outline and name). */
    public boolean seesVillage(String villageCode) {
        return wholeTown || visibleVillages().contains(villageCode);
    }

    /** Whether the whole village is the user's: its grids, its sweeps, its cases. Context alone is not enough. */
    public boolean coversVillage(String villageCode) {
        return wholeTown || villages.contains(villageCode);
    }

    public boolean coversGrid(String gridCode) {
        return wholeTown || gridCode != null && (grids.contains(gridCode) || villages.contains(villageOf(gridCode)));
    }

    /** Whether a record placed in this village and grid (either may be null) is the user's to read and change. */
    public boolean covers(String villageCode, String gridCode) {
        return wholeTown || gridCode != null && coversGrid(gridCode) || villageCode != null && coversVillage(villageCode);
    }

    public static String villageOf(String gridCode) {
        return gridCode.length() < VILLAGE_CODE_LENGTH ? gridCode : gridCode.substring(0, VILLAGE_CODE_LENGTH);
    }
}
