package cn.pingangrid.area;

import org.locationtech.jts.geom.Polygon;

/** A grid (网格) as other modules see it: its code (village code + 2 digits), name, village and outline. */
public record GridRef(String code, String name, String villageCode, Polygon boundary) {
}
