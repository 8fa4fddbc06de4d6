package cn.pingangrid.area;

import java.util.Set;
import java.util.TreeSet;


/**
 * The part of the town a user may see, carried as authorities of the login so that this module needs nothing
 * from the account module: {@code AREA_TOWN} (everything), {@code AREA_VILLAGE_<code>} (a village with all its
 * grids) and {@code AREA_GRID_<code>} (one grid, plus its village's outline and name for context).
 * Every query of this module is cut to it in the database.
 */
public record AreaScope(boolean wholeTown, Set<String> villages, Set<String> grids) {

    public static final AreaScope NOTHING = new AreaScope(false, Set.of(), Set.of());
    public static final AreaScope EVERYTHING = new AreaScope(true, Set.of(), Set.of());

    public AreaScope {
        villages = Set.copyOf(villages);
        grids = Set.copyOf(grids);
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
