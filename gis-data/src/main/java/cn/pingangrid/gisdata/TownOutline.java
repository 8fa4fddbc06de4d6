package cn.pingangrid.gisdata;

import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The town's outline as a polar curve around its centre: an east-west ellipse (the river valley runs that way)
 * roughened by a spectrum of harmonics, large ones for the overall shape and many small ones for the zig-zag of
 * a border that follows ridges. A polar curve is star-shaped around the centre, so it never crosses itself and
 * a ray from the centre meets it once; {@link NeighbourRing} relies on that.
 */
final class TownOutline {

    private static final int HARMONICS = 110;

    private final Coordinate centre;
    private final double semiAxisX;
    private final double semiAxisY;
    private final double[] amplitude = new double[HARMONICS + 1];
    private final double[] phase = new double[HARMONICS + 1];
    private double scale = 1.0;

    private TownOutline(Coordinate centre, double semiAxisX, double semiAxisY) {
        this.centre = centre;
        this.semiAxisX = semiAxisX;
        this.semiAxisY = semiAxisY;
    }

    /** An outline of about {@code areaM2} (exact before snapping) drawn from {@code random}. */
    static TownOutline create(Coordinate centreMetric, double areaM2, Random random) {
        double aspect = 1.45;
        double b = StrictMath.sqrt(areaM2 / (StrictMath.PI * aspect));
        TownOutline outline = new TownOutline(centreMetric, b * aspect, b);
        for (int k = 2; k <= HARMONICS; k++) {
            double amp = k <= 5 ? 0.07 / StrictMath.sqrt(k) : 0.022 * StrictMath.pow(k / 6.0, -1.0);
            outline.amplitude[k] = amp * random.nextGaussian();
            outline.phase[k] = random.nextDouble() * 2 * StrictMath.PI;
        }
        double area = outline.area(2048);
        outline.scale = StrictMath.sqrt(areaM2 / area);
        return outline;
    }

    Coordinate centre() {
        return centre;
    }

    /** Distance from the centre to the outline at {@code theta} radians counter-clockwise from east. */
    double radius(double theta) {
        double c = StrictMath.cos(theta);
        double s = StrictMath.sin(theta);
        double ellipse = semiAxisX * semiAxisY
                / StrictMath.sqrt(semiAxisY * semiAxisY * c * c + semiAxisX * semiAxisX * s * s);
        double log = 0;
        for (int k = 2; k <= HARMONICS; k++) {
            log += amplitude[k] * StrictMath.cos(k * theta + phase[k]);
        }
        return scale * ellipse * StrictMath.exp(log);
    }

    /** The smooth part of the radius (ellipse and the lowest harmonics only): for the outer ring. */
    double smoothRadius(double theta) {
        double c = StrictMath.cos(theta);
        double s = StrictMath.sin(theta);
        double ellipse = semiAxisX * semiAxisY
                / StrictMath.sqrt(semiAxisY * semiAxisY * c * c + semiAxisX * semiAxisX * s * s);
        double log = 0;
        for (int k = 2; k <= 5; k++) {
            log += amplitude[k] * StrictMath.cos(k * theta + phase[k]);
        }
        return scale * ellipse * StrictMath.exp(log);
    }

    /** The outline as a polygon with {@code vertices} vertices on the 1 m grid. */
    Polygon polygon(int vertices) {
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double theta = 2 * StrictMath.PI * i / vertices;
            double r = radius(theta);
            ring[i] = MetricGrid.snap(centre.x + r * StrictMath.cos(theta), centre.y + r * StrictMath.sin(theta));
        }
        ring[vertices] = ring[0].copy();
        return MetricGrid.FACTORY.createPolygon(ring);
    }

    private double area(int samples) {
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            double r = radius(2 * StrictMath.PI * i / samples);
            sum += r * r;
        }
        return 0.5 * sum * (2 * StrictMath.PI / samples);
    }
}
