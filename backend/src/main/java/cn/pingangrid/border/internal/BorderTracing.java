package cn.pingangrid.border.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.linemerge.LineMerger;

import cn.pingangrid.geo.Wgs84;

/**
 * Splits boundaries into shared edges. An edge of one outline belongs to another polygon when the edge's midpoint
 * lies on that polygon's boundary (within {@link #TOLERANCE_DEGREES}); consecutive edges of the same owner are
 * merged into lines. Works on coverages whose neighbours share vertices or lie on each other's edges, as the town's
 * villages and neighbours do; an edge shared with nobody is dropped (no neighbour recorded there).
 */
final class BorderTracing {

    /** About 1 mm: shared edges of a coverage lie on each other exactly, up to rounding. */
    static final double TOLERANCE_DEGREES = 1e-8;

    /** A named polygon on the other side of a boundary. */
    record Side(String key, Polygon polygon) {
    }

    /** The part of {@code outline}'s boundary shared with one side, and the keys of the polygons along it. */
    record Shared(String key, MultiLineString line, Set<String> along) {
    }

    private BorderTracing() {
    }

    /**
     * The boundary of {@code outline} split by the {@code sides} sharing it, in the order they are met; each part
     * lists the {@code along} polygons (e.g. the town's villages) whose boundaries carry it.
     */
    static List<Shared> splitBySide(Polygon outline, List<Side> sides, List<Side> along) {
        Map<String, List<LineString>> edges = new LinkedHashMap<>();
        Map<String, Set<String>> alongKeys = new LinkedHashMap<>();
        Coordinate[] ring = outline.getExteriorRing().getCoordinates();
        for (int i = 0; i + 1 < ring.length; i++) {
            LineSegment edge = new LineSegment(ring[i], ring[i + 1]);
            Side side = owner(edge, sides);
            if (side == null) {
                continue;
            }
            edges.computeIfAbsent(side.key(), k -> new ArrayList<>()).add(edge.toGeometry(Wgs84.FACTORY));
            Side carrier = owner(edge, along);
            Set<String> keys = alongKeys.computeIfAbsent(side.key(), k -> new LinkedHashSet<>());
            if (carrier != null) {
                keys.add(carrier.key());
            }
        }
        List<Shared> shared = new ArrayList<>();
        edges.forEach((key, lines) -> shared.add(new Shared(key, merge(lines), alongKeys.get(key))));
        return shared;
    }

    /** Every pair of polygons that share part of their boundaries, with the shared line; keys a < b. */
    static List<Shared> sharedEdges(List<Side> polygons) {
        List<Shared> shared = new ArrayList<>();
        for (int i = 0; i < polygons.size(); i++) {
            for (int j = i + 1; j < polygons.size(); j++) {
                Side a = polygons.get(i);
                Side b = polygons.get(j);
                Envelope near = new Envelope(a.polygon().getEnvelopeInternal());
                near.expandBy(TOLERANCE_DEGREES);
                if (!near.intersects(b.polygon().getEnvelopeInternal())) {
                    continue;
                }
                List<LineString> lines = new ArrayList<>();
                Coordinate[] ring = a.polygon().getExteriorRing().getCoordinates();
                for (int k = 0; k + 1 < ring.length; k++) {
                    LineSegment edge = new LineSegment(ring[k], ring[k + 1]);
                    if (onBoundary(edge, b.polygon())) {
                        lines.add(edge.toGeometry(Wgs84.FACTORY));
                    }
                }
                if (!lines.isEmpty()) {
                    String first = a.key().compareTo(b.key()) <= 0 ? a.key() : b.key();
                    String second = Objects.equals(first, a.key()) ? b.key() : a.key();
                    shared.add(new Shared(first + "|" + second, merge(lines), new LinkedHashSet<>(List.of(first,
                            second))));
                }
            }
        }
        return shared;
    }

    private static Side owner(LineSegment edge, List<Side> sides) {
        for (Side side : sides) {
            if (onBoundary(edge, side.polygon())) {
                return side;
            }
        }
        return null;
    }

    private static boolean onBoundary(LineSegment edge, Polygon polygon) {
        Coordinate mid = edge.midPoint();
        Envelope box = polygon.getEnvelopeInternal();
        if (!box.covers(mid.x, mid.y) && box.distance(new Envelope(mid)) > TOLERANCE_DEGREES) {
            return false;
        }
        return polygon.getExteriorRing().distance(Wgs84.FACTORY.createPoint(mid)) <= TOLERANCE_DEGREES;
    }

    /** Joins edges into as few lines as possible; always a MultiLineString (SRID 4326). */
    static MultiLineString merge(Collection<LineString> lines) {
        LineMerger merger = new LineMerger();
        merger.add(lines);
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        MultiLineString multi = Wgs84.FACTORY.createMultiLineString(merged.toArray(LineString[]::new));
        multi.setSRID(Wgs84.SRID);
        return multi;
    }
}
