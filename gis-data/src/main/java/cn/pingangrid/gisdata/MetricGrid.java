package cn.pingangrid.gisdata;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The metric frame all topology is built in: EPSG:4546 metres, with shared boundaries (town, villages, grids,
 * neighbours, roads) snapped to a 1 m grid. Snap-rounded linework keeps every vertex at least half a metre from
 * any edge it is not on, so the later ~1 cm rounding of degrees cannot make edges cross.
 */
final class MetricGrid {

    static final int SRID = 4546;
    /** Vertices of shared boundaries and roads lie on whole metres. */
    static final PrecisionModel ONE_METRE = new PrecisionModel(1.0);
    /** Floating precision: free-standing shapes (buildings, the river) keep their exact vertices. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private MetricGrid() {
    }

    static Coordinate snap(double x, double y) {
        return new Coordinate(ONE_METRE.makePrecise(x), ONE_METRE.makePrecise(y));
    }

    /**
     * A key equal for two lines on the 1 m grid exactly when they have the same vertices, in either direction.
     */
    static String lineKey(Coordinate[] pts) {
        Coordinate first = pts[0];
        Coordinate last = pts[pts.length - 1];
        boolean forward = first.compareTo(last) < 0
                || (first.equals2D(last) && pts.length > 2 && pts[1].compareTo(pts[pts.length - 2]) <= 0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pts.length; i++) {
            Coordinate c = pts[forward ? i : pts.length - 1 - i];
            sb.append((long) c.x).append(',').append((long) c.y).append(';');
        }
        return sb.toString();
    }
}
