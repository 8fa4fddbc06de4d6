package cn.pingangrid.area.internal;

/** The grid, village and (if any) building at a point. */
public record Location(String gridCode, String gridName, String villageCode, String villageName, String villageKind,
        BuildingAt building) {

    public record BuildingAt(String code, String gridCode, String use, int floors) {
    }
}
