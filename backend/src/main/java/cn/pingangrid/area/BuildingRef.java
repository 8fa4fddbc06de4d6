package cn.pingangrid.area;

import org.locationtech.jts.geom.Polygon;

/** A building (楼栋) as other modules see it: its 19-digit code, grid, use, floors and footprint. */
public record BuildingRef(String code, String gridCode, String use, int floors, Polygon footprint) {
}
