package cn.pingangrid.area;

import org.locationtech.jts.geom.LineString;

/**
 * One edge of the imported road network for other modules: end-node ids, class ({@code national},
 * {@code provincial}, {@code county}, {@code town}, {@code village}), name and line (lng/lat, SRID 4326).
 */
public record RoadEdge(long id, long fromNode, long toNode, String roadClass, String name, LineString line) {
}
