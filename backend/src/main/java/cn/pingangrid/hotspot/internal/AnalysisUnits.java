package cn.pingangrid.hotspot.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import cn.pingangrid.area.GridRef;
import cn.pingangrid.geo.MetricProjection;

/**
 * The units an analysis counts disputes in — the grids of the caller's area, or the regular hexagons meeting it —
 * each with its EPSG:4546 centre; every unit of the area is present, those with no disputes too.
 */
final class AnalysisUnits {

    /** The largest number of units one analysis may have (a 20 m hexagon over the whole town would be 160,000). */
    static final int MAX_UNITS = 20_000;

    record Unit(String id, String name, Geometry lngLat, double x, double y) {
    }

    private final String kind;
    private final double sideMeters;
    private final List<Unit> units;
    private final Map<String, Integer> index = new HashMap<>();

    private AnalysisUnits(String kind, double sideMeters, List<Unit> units) {
        this.kind = kind;
        this.sideMeters = sideMeters;
        this.units = units;
        for (int i = 0; i < units.size(); i++) {
            index.put(units.get(i).id(), i);
        }
    }

    static AnalysisUnits ofGrids(List<GridRef> grids) {
        List<Unit> units = new ArrayList<>();
        for (GridRef grid : grids) {
            Point centre = MetricProjection.toMetric(grid.boundary()).getCentroid();
            units.add(new Unit(grid.code(), grid.name(), grid.boundary(), centre.getX(), centre.getY()));
        }
        return new AnalysisUnits("grid", 0, units);
    }

    /** The hexagons of {@code sideMeters} meeting {@code metricArea}; null when there would be too many. */
    static AnalysisUnits ofHexagons(Geometry metricArea, double sideMeters) {
        Envelope extent = metricArea.getEnvelopeInternal();
        double estimate = extent.getArea() / HexagonTessellation.areaSquareMeters(sideMeters);
        if (estimate > MAX_UNITS * 2.0) {
            return null;
        }
        PreparedGeometry area = PreparedGeometryFactory.prepare(metricArea);
        List<Unit> units = new ArrayList<>();
        for (HexagonTessellation.Hexagon h : HexagonTessellation.covering(extent, sideMeters)) {
            if (area.intersects(h.polygon())) {
                units.add(new Unit(h.col() + "_" + h.row(), null, null, h.centreX(), h.centreY()));
            }
        }
        if (units.size() > MAX_UNITS) {
            return null;
        }
        return new AnalysisUnits("hex", sideMeters, units);
    }

    String kind() {
        return kind;
    }

    double sideMeters() {
        return sideMeters;
    }

    List<Unit> units() {
        return units;
    }

    int size() {
        return units.size();
    }

    double[] x() {
        return units.stream().mapToDouble(Unit::x).toArray();
    }

    double[] y() {
        return units.stream().mapToDouble(Unit::y).toArray();
    }

    Integer indexOf(String id) {
        return index.get(id);
    }

    /** The unit's outline in longitude/latitude (hexagons are made on demand). */
    Geometry outline(int i) {
        Unit u = units.get(i);
        if (u.lngLat() != null) {
            return u.lngLat();
        }
        return MetricProjection.toLngLat(HexagonTessellation.hexagon(u.x(), u.y(), sideMeters));
    }

    /** The unit holding a dispute: its grid, or the hexagon whose centre is nearest its metric point; else −1. */
    int locate(String gridCode, double metricX, double metricY) {
        if (kind.equals("grid")) {
            Integer i = gridCode == null ? null : index.get(gridCode);
            return i == null ? -1 : i;
        }
        String id = hexagonAt(metricX, metricY, sideMeters);
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The id of the hexagon containing a metric point: the nearest centre (a hexagon is its centre's Voronoi cell). */
    static String hexagonAt(double x, double y, double side) {
        double dx = HexagonTessellation.spacingMeters(side);
        double dy = 1.5 * side;
        int row0 = (int) Math.round(y / dy);
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int row = row0 - 1; row <= row0 + 1; row++) {
            double shift = Math.floorMod(row, 2) == 1 ? dx / 2 : 0;
            int col0 = (int) Math.round((x - shift) / dx);
            for (int col = col0 - 1; col <= col0 + 1; col++) {
                double cx = col * dx + shift;
                double cy = row * dy;
                double d = (cx - x) * (cx - x) + (cy - y) * (cy - y);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = col + "_" + row;
                }
            }
        }
        return best;
    }

    static Coordinate metric(Point lngLat) {
        return MetricProjection.toMetric(lngLat).getCoordinate();
    }
}
