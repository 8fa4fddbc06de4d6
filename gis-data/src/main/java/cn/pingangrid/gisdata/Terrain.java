package cn.pingangrid.gisdata;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;

/**
 * A synthetic height field in metres over EPSG:4546 coordinates: fractal value noise for the hills, pressed flat
 * along the river and the stream (valley floors) and raised towards the town's border (watershed ridges).
 * Deterministic: integer hashing and {@link StrictMath} only. Heights inside {@code extent} are precomputed on a
 * 60 m lattice and interpolated (the finest noise octave is 320 m long); elsewhere they are computed exactly.
 */
final class Terrain {

    private static final double[] WAVELENGTHS_M = {5200, 2600, 1300, 650, 320};
    private static final double CELL_M = 60;

    private final long seed;
    private final double originX;
    private final double originY;
    private final RiverCourse river;
    private final TownOutline outline;
    private final double[] outlineRadius = new double[4096];
    private final Coordinate[] stream;
    private final double rasterMinX;
    private final double rasterMinY;
    private final int rasterWidth;
    private final int rasterHeight;
    private final double[] raster;

    Terrain(long seed, TownOutline outline, RiverCourse river, LineString streamLine, Envelope extent) {
        this.seed = seed;
        this.originX = outline.centre().x;
        this.originY = outline.centre().y;
        this.river = river;
        this.outline = outline;
        for (int i = 0; i < outlineRadius.length; i++) {
            outlineRadius[i] = outline.radius(2 * StrictMath.PI * i / outlineRadius.length);
        }
        this.stream = streamLine.getCoordinates();
        Envelope env = extent.copy();
        env.expandBy(2 * CELL_M);
        rasterMinX = StrictMath.floor(env.getMinX() / CELL_M) * CELL_M;
        rasterMinY = StrictMath.floor(env.getMinY() / CELL_M) * CELL_M;
        rasterWidth = (int) StrictMath.ceil((env.getMaxX() - rasterMinX) / CELL_M) + 1;
        rasterHeight = (int) StrictMath.ceil((env.getMaxY() - rasterMinY) / CELL_M) + 1;
        raster = new double[rasterWidth * rasterHeight];
        for (int iy = 0; iy < rasterHeight; iy++) {
            for (int ix = 0; ix < rasterWidth; ix++) {
                raster[iy * rasterWidth + ix] = exactHeight(rasterMinX + ix * CELL_M, rasterMinY + iy * CELL_M);
            }
        }
    }

    /** Height above sea level in metres at an EPSG:4546 position. */
    double heightMeters(double x, double y) {
        double fx = (x - rasterMinX) / CELL_M;
        double fy = (y - rasterMinY) / CELL_M;
        int ix = (int) StrictMath.floor(fx);
        int iy = (int) StrictMath.floor(fy);
        if (ix < 0 || iy < 0 || ix + 1 >= rasterWidth || iy + 1 >= rasterHeight) {
            return exactHeight(x, y);
        }
        double tx = fx - ix;
        double ty = fy - iy;
        int i = iy * rasterWidth + ix;
        double a = raster[i];
        double b = raster[i + 1];
        double c = raster[i + rasterWidth];
        double d = raster[i + rasterWidth + 1];
        return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
    }

    private double exactHeight(double x, double y) {
        double hills = fractalNoise(x - originX, y - originY);
        double valleyRiver = smoothstep(100, 2300, river.distanceToCentreline(x, y));
        double valleyStream = 0.25 + 0.75 * smoothstep(50, 900, streamDistance(x, y));
        double valley = StrictMath.min(valleyRiver, valleyStream);
        double ridge = StrictMath.exp(-StrictMath.abs(edgeDistance(x, y)) / 1800.0);
        return 48 + valley * (50 + 420 * hills + 150 * ridge);
    }

    /** Steepest gradient (rise over run) at a position, by central differences over 20 m. */
    double slope(double x, double y) {
        double d = 20;
        double gx = (heightMeters(x + d, y) - heightMeters(x - d, y)) / (2 * d);
        double gy = (heightMeters(x, y + d) - heightMeters(x, y - d)) / (2 * d);
        return StrictMath.sqrt(gx * gx + gy * gy);
    }

    /** Radial distance to the town outline (positive inside): cheap, and close enough for a ridge profile. */
    private double edgeDistance(double x, double y) {
        Coordinate c = outline.centre();
        double theta = StrictMath.atan2(y - c.y, x - c.x);
        if (theta < 0) {
            theta += 2 * StrictMath.PI;
        }
        double f = theta / (2 * StrictMath.PI) * outlineRadius.length;
        int i = (int) f;
        double t = f - i;
        double r = outlineRadius[i % outlineRadius.length] * (1 - t) + outlineRadius[(i + 1) % outlineRadius.length] * t;
        return r - StrictMath.hypot(x - c.x, y - c.y);
    }

    private double streamDistance(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        Coordinate p = new Coordinate(x, y);
        for (int i = 0; i + 1 < stream.length; i++) {
            best = StrictMath.min(best, org.locationtech.jts.algorithm.Distance.pointToSegment(p, stream[i],
                    stream[i + 1]));
        }
        return best;
    }

    /** Fractal value noise in [0, 1]. */
    double fractalNoise(double x, double y) {
        double sum = 0;
        double norm = 0;
        double amp = 1;
        for (int octave = 0; octave < WAVELENGTHS_M.length; octave++) {
            sum += amp * valueNoise(x / WAVELENGTHS_M[octave], y / WAVELENGTHS_M[octave], octave);
            norm += amp;
            amp *= 0.5;
        }
        return sum / norm;
    }

    private double valueNoise(double x, double y, int octave) {
        double fx = StrictMath.floor(x);
        double fy = StrictMath.floor(y);
        long ix = (long) fx;
        long iy = (long) fy;
        double tx = fade(x - fx);
        double ty = fade(y - fy);
        double a = lattice(ix, iy, octave);
        double b = lattice(ix + 1, iy, octave);
        double c = lattice(ix, iy + 1, octave);
        double d = lattice(ix + 1, iy + 1, octave);
        return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
    }

    private double lattice(long ix, long iy, int octave) {
        long h = seed ^ (ix * 0x9E3779B97F4A7C15L) ^ (iy * 0xC2B2AE3D27D4EB4FL) ^ ((long) octave * 0x165667B19E3779F9L);
        h = mix(h);
        return (h >>> 11) * 0x1.0p-53;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    static double smoothstep(double edge0, double edge1, double v) {
        double t = StrictMath.max(0, StrictMath.min(1, (v - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }
}
