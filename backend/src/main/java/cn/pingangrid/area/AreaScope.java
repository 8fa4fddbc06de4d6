package cn.pingangrid.area;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The part of the town a user may see, carried as authorities of the login so that this module needs nothing
 * from the account module: {@code AREA_TOWN} (everything), {@code AREA_VILLAGE_<code>} (a village with all its
 * grids) and {@code AREA_GRID_<code>} (one grid, plus its village's outline and name for context).
 * Every query of this module is cut to it in the database.
 */
public record AreaScope(boolean wholeTown, Set<String> villages, Set<String> grids) {

    public static final String TOWN = "AREA_TOWN";
    public static final String VILLAGE_PREFIX = "AREA_VILLAGE_";
    public static final String GRID_PREFIX = "AREA_GRID_";

    public static final AreaScope NOTHING = new AreaScope(false, Set.of(), Set.of());
    public static final AreaScope EVERYTHING = new AreaScope(true, Set.of(), Set.of());

    public AreaScope {
        villages = Set.copyOf(villages);
        grids = Set.copyOf(grids);
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

    public static AreaScope of(Collection<? extends GrantedAuthority> authorities) {
        boolean town = false;
        Set<String> villages = new TreeSet<>();
        Set<String> grids = new TreeSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (TOWN.equals(name)) {
                town = true;
            } else if (name.startsWith(VILLAGE_PREFIX)) {
                villages.add(name.substring(VILLAGE_PREFIX.length()));
            } else if (name.startsWith(GRID_PREFIX)) {
                grids.add(name.substring(GRID_PREFIX.length()));
            }
        }
        return town ? EVERYTHING : new AreaScope(false, villages, grids);
    }

    /** The scope of the user of the current request; nothing for an anonymous caller. */
    public static AreaScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? NOTHING : of(authentication.getAuthorities());
    }

    /** Villages shown: the whole ones plus the villages of single grids (outline and name only). */
    public Set<String> visibleVillages() {
        Set<String> visible = new TreeSet<>(villages);
        grids.forEach(grid -> visible.add(villageOf(grid)));
        return visible;
    }

    public boolean seesVillage(String villageCode) {
        return wholeTown || visibleVillages().contains(villageCode);
    }

    public boolean seesGrid(String gridCode) {
        return wholeTown || grids.contains(gridCode) || villages.contains(villageOf(gridCode));
    }

    private static String villageOf(String gridCode) {
        return gridCode.substring(0, 12);
    }
}
