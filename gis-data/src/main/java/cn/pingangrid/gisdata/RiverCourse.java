package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.VariableBuffer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The 资江 (Zi River) as a meandering centreline {@code y = f(x)} running west to east through the town centre's
 * south side, a polygon of varying width around it, and a tributary (沂溪) joining it from the south.
 * Because the centreline is a function of easting it cannot cross itself, and every point is unambiguously north
 * or south of it ({@link #side}).
 */
final class RiverCourse {

    private static final double[] WAVELENGTH_M = {9000, 4300, 1900};
    private static final double[] AMPLITUDE_M = {800, 400, 160};

    private final double originX;
    private final double[] amplitude = new double[3];
    private final double[] phase = new double[3];
    private final double widthPhase;
    private double shift;

    /** A river whose centreline passes {@code southOfCentreM} metres south of {@code centre}. */
    RiverCourse(Coordinate centre, double southOfCentreM, Random random) {
        originX = centre.x;
        for (int i = 0; i < 3; i++) {
            amplitude[i] = AMPLITUDE_M[i] * (0.8 + 0.4 * random.nextDouble());
            phase[i] = random.nextDouble() * 2 * StrictMath.PI;
        }
        widthPhase = random.nextDouble() * 2 * StrictMath.PI;
        shift = centre.y - southOfCentreM - wave(centre.x);
    }

    /**
     * Moves the river north or south so that {@code northShare} of {@code area} lies north of it (bisection on
     * the shift; the share is monotonic in it).
     */
    void balance(Polygon area, double northShare) {
        Envelope env = area.getEnvelopeInternal();
        double lo = env.getMinY() - shift - 3000;
        double hi = env.getMaxY() - shift + 3000;
        double base = shift;
        for (int i = 0; i < 40; i++) {
            double mid = 0.5 * (lo + hi);
            shift = base + mid;
            double share = northOf(area, env).getArea() / area.getArea();
            if (share > northShare) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        shift = MetricGrid.ONE_METRE.makePrecise(base + 0.5 * (lo + hi));
    }

    private Geometry northOf(Polygon area, Envelope env) {
        LineString line = centreline(env.getMinX() - 10, env.getMaxX() + 10, 50);
        Coordinate[] c = line.getCoordinates();
        Coordinate[] ring = new Coordinate[c.length + 3];
        System.arraycopy(c, 0, ring, 0, c.length);
        double top = env.getMaxY() + 10_000;
        ring[c.length] = new Coordinate(c[c.length - 1].x, top);
        ring[c.length + 1] = new Coordinate(c[0].x, top);
        ring[c.length + 2] = c[0].copy();
        return area.intersection(MetricGrid.FACTORY.createPolygon(ring));
    }

    private double wave(double x) {
        double y = 0;
        for (int i = 0; i < 3; i++) {
            y += amplitude[i] * StrictMath.sin(2 * StrictMath.PI * (x - originX) / WAVELENGTH_M[i] + phase[i]);
        }
        return y;
    }

    /** Northing of the centreline at easting {@code x}. */
    double centreY(double x) {
        return shift + wave(x);
    }

    private double derivative(double x) {
        double d = 0;
        for (int i = 0; i < 3; i++) {
            double k = 2 * StrictMath.PI / WAVELENGTH_M[i];
            d += amplitude[i] * k * StrictMath.cos(k * (x - originX) + phase[i]);
        }
        return d;
    }

    /** Approximate distance to the centreline in metres (first order in the centreline's slope). */
    double distanceToCentreline(double x, double y) {
        double slope = derivative(x);
        return StrictMath.abs(y - centreY(x)) / StrictMath.sqrt(1 + slope * slope);
    }

    /** +1 north of the centreline, -1 south of it. */
    int side(double x, double y) {
        return y > centreY(x) ? 1 : -1;
    }

    /** Half the river's width in metres at easting {@code x}: 85-135 m, so the river is 170-270 m wide. */
    double halfWidth(double x) {
        return 110 + 25 * StrictMath.sin(2 * StrictMath.PI * (x - originX) / 6500 + widthPhase);
    }

    /** The centreline between two eastings, a vertex every {@code stepM} metres, on the 1 m grid. */
    LineString centreline(double xFrom, double xTo, double stepM) {
        int n = (int) StrictMath.ceil((xTo - xFrom) / stepM);
        Coordinate[] pts = new Coordinate[n + 1];
        for (int i = 0; i <= n; i++) {
            double x = xFrom + (xTo - xFrom) * i / n;
            pts[i] = MetricGrid.snap(x, centreY(x));
        }
        return MetricGrid.FACTORY.createLineString(pts);
    }

    /** The water surface between two eastings, clipped to {@code extent}, simplified to 2 m and on the 1 m grid. */
    Polygon polygon(double xFrom, double xTo, Geometry extent) {
        LineString line = centreline(xFrom, xTo, 60);
        double[] half = new double[line.getNumPoints()];
        for (int i = 0; i < half.length; i++) {
            half[i] = halfWidth(line.getCoordinateN(i).x);
        }
        Geometry water = new VariableBuffer(line, half).getResult();
        water = TopologyPreservingSimplifier.simplify(water, 2.0);
        water = GeometryPrecisionReducer.reduce(water.intersection(extent), MetricGrid.ONE_METRE);
        Polygon polygon = largestPolygon(water);
        polygon.normalize();
        return polygon;
    }

    /**
     * A tributary from {@code source} north to the centreline at easting {@code mouthX}: gently meandering, a
     * vertex every 30 m, on the 1 m grid.
     */
    LineString tributary(Coordinate source, double mouthX, Random random) {
        Coordinate mouth = new Coordinate(mouthX, centreY(mouthX));
        double dx = mouth.x - source.x;
        double dy = mouth.y - source.y;
        double length = StrictMath.hypot(dx, dy);
        double nx = -dy / length;
        double ny = dx / length;
        double[] a = new double[5];
        for (int k = 1; k < a.length; k++) {
            a[k] = length * 0.045 / k * random.nextGaussian();
        }
        int n = (int) StrictMath.ceil(length / 30);
        List<Coordinate> pts = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double off = 0;
            for (int k = 1; k < a.length; k++) {
                off += a[k] * StrictMath.sin(k * StrictMath.PI * t);
            }
            Coordinate c = MetricGrid.snap(source.x + dx * t + nx * off, source.y + dy * t + ny * off);
            if (pts.isEmpty() || !pts.get(pts.size() - 1).equals2D(c)) {
                pts.add(c);
            }
        }
        return MetricGrid.FACTORY.createLineString(pts.toArray(Coordinate[]::new));
    }

    static Polygon largestPolygon(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no polygon in " + g.getGeometryType());
        }
        return best;
    }
}
