package cn.pingangrid.hotspot.internal;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import cn.pingangrid.geo.MetricProjection;

/**
 * Regular hexagons of a given side (pointy top) tiling the plane from a fixed origin, in EPSG:4546 metres. Centres
 * of neighbouring hexagons are {@code √3 · side} apart; rows are {@code 1.5 · side} apart, odd rows shifted by half
 * a spacing. The same side and origin always give the same hexagons, so month after month the units line up.
 */
final class HexagonTessellation {

    private static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel(), MetricProjection.SRID);

    record Hexagon(int col, int row, double centreX, double centreY, Polygon polygon) {
    }

    private HexagonTessellation() {
    }

    static double spacingMeters(double sideMeters) {
        return Math.sqrt(3) * sideMeters;
    }

    static double areaSquareMeters(double sideMeters) {
        return 1.5 * Math.sqrt(3) * sideMeters * sideMeters;
    }

    /** Every hexagon whose envelope meets {@code extent}, ordered by row then column. */
    static List<Hexagon> covering(Envelope extent, double sideMeters) {
        double dx = spacingMeters(sideMeters);
        double dy = 1.5 * sideMeters;
        int rowMin = (int) Math.floor((extent.getMinY() - sideMeters) / dy);
        int rowMax = (int) Math.ceil((extent.getMaxY() + sideMeters) / dy);
        int colMin = (int) Math.floor((extent.getMinX() - dx) / dx);
        int colMax = (int) Math.ceil((extent.getMaxX() + dx) / dx);
        List<Hexagon> hexagons = new ArrayList<>();
        for (int row = rowMin; row <= rowMax; row++) {
            double cy = row * dy;
            if (cy + sideMeters < extent.getMinY() || cy - sideMeters > extent.getMaxY()) {
                continue;
            }
            for (int col = colMin; col <= colMax; col++) {
                double cx = col * dx + (Math.floorMod(row, 2) == 1 ? dx / 2 : 0);
                if (cx + dx / 2 < extent.getMinX() || cx - dx / 2 > extent.getMaxX()) {
                    continue;
                }
                hexagons.add(new Hexagon(col, row, cx, cy, hexagon(cx, cy, sideMeters)));
            }
        }
        return hexagons;
    }

    static Polygon hexagon(double cx, double cy, double side) {
        Coordinate[] ring = new Coordinate[7];
        for (int k = 0; k < 6; k++) {
            double angle = Math.toRadians(90 + 60 * k); // pointy top: a vertex straight up
            ring[k] = new Coordinate(cx + side * Math.cos(angle), cy + side * Math.sin(angle));
        }
        ring[6] = ring[0].copy();
        return METRIC.createPolygon(ring);
    }
}
