package cn.pingangrid.area;

import org.locationtech.jts.geom.Polygon;

/** A village (村) or community (社区) as other modules see it: code, name, {@code village}/{@code community}, outline. */
public record VillageRef(String code, String name, String kind, Polygon boundary) {
}
