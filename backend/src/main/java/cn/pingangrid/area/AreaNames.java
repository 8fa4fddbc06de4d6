package cn.pingangrid.area;

import java.util.Map;

/**
 * Every village's and grid's code and name: public knowledge (on the town's notice boards), the same for every user,
 * for labelling what a user may see and for checking codes. Geometry and contents stay scoped.
 */
public record AreaNames(Map<String, Village> villages, Map<String, Grid> grids) {

    public record Village(String code, String name, String kind) {
    }

    public record Grid(String code, String name, String villageCode) {
    }

    public AreaNames {
        villages = Map.copyOf(villages);
        grids = Map.copyOf(grids);
    }

    /** The village's name, or null for an unknown code. */
    public String villageName(String code) {
        Village village = code == null ? null : villages.get(code);
        return village == null ? null : village.name();
    }

    public String gridName(String code) {
        Grid grid = code == null ? null : grids.get(code);
        return grid == null ? null : grid.name();
    }
}
