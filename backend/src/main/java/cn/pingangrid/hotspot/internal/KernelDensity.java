package cn.pingangrid.hotspot.internal;

import java.util.Arrays;

/**
 * Kernel density with the quartic (biweight) kernel, as ArcGIS's Kernel Density defines it: a point at distance
 * {@code d < r} from a cell centre adds {@code 3/(π r²) · (1 − d²/r²)²}; each point's kernel integrates to 1, so
 * the surface integrates to the number of points (less what falls outside the raster). Coordinates are planar
 * metres (EPSG:4546); values are points per square metre, {@link Raster#perSquareKilometre} converts.
 */
final class KernelDensity {

    /** √(1/ln 2), the factor on the median distance in ArcGIS's default search radius. */
    static final double SQRT_INV_LN2 = Math.sqrt(1 / Math.log(2));

    private KernelDensity() {
    }

    /**
     * A raster of {@code width} × {@code height} cells of {@code cellMeters}; {@code originX}/{@code originY} is the
     * lower-left corner, row 0 the southernmost row; {@code values[row * width + col]} per square metre.
     */
    record Raster(double originX, double originY, double cellMeters, int width, int height, double radiusMeters,
            double[] values) {

        double value(int col, int row) {
            return values[row * width + col];
        }

        double max() {
            return Arrays.stream(values).max().orElse(0);
        }

        /** The sum of value × cell area: the number of points the raster holds. */
        double integral() {
            return Arrays.stream(values).sum() * cellMeters * cellMeters;
        }

        double[] perSquareKilometre() {
            return Arrays.stream(values).map(v -> v * 1e6).toArray();
        }
    }

    /**
     * ArcGIS's default search radius (the spatial variant of Silverman's rule of thumb):
     * {@code 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2}, with SD the standard distance from the mean centre and Dm the
     * median distance from it. Zero when fewer than two distinct points (the caller must then choose one).
     */
    static double defaultRadiusMeters(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sumSquares = 0;
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sumSquares += dx * dx + dy * dy;
            distances[i] = Math.sqrt(dx * dx + dy * dy);
        }
        double standardDistance = Math.sqrt(sumSquares / n);
        Arrays.sort(distances);
        double median = n % 2 == 1 ? distances[n / 2] : (distances[n / 2 - 1] + distances[n / 2]) / 2;
        return 0.9 * Math.min(standardDistance, SQRT_INV_LN2 * median) * Math.pow(n, -0.2);
    }

    /** Columns per block of the row polynomials: keeps the polynomial's variable small, so no precision is lost. */
    static final int BLOCK = 32;

    /**
     * The density at every cell centre, as {@link #estimateDirect} (to 1e-8 of the maximum) but faster: along a row, a point's
     * kernel is a polynomial of degree 4 in the column index u — with q(u) = (r² − dy² − dx(u)²)/r², which is
     * quadratic in u, the value is 3/(π r²) · q(u)² — on the columns its disc covers. Each point adds its five
     * coefficients where its chord starts and takes them off after it ends (per block of {@value #BLOCK} columns,
     * in block-local u); a running sum along the row then evaluates every cell once. Cost: n · (rows of a disc)
     * updates plus one polynomial per cell, instead of n · (cells of a disc) kernel evaluations.
     */
    static Raster estimate(double[] x, double[] y, double originX, double originY, double cellMeters, int width,
            int height, double radiusMeters) {
        if (!(radiusMeters > 0) || !(cellMeters > 0)) {
            throw new IllegalArgumentException("radius and cell must be positive");
        }
        int blocks = (width + BLOCK - 1) / BLOCK;
        // coefficient differences, per row and block: [((row * blocks + block) * (BLOCK + 1) + t) * 5 + k]
        double[] diff = new double[height * blocks * (BLOCK + 1) * 5];
        double r2 = radiusMeters * radiusMeters;
        double c2 = cellMeters * cellMeters;
        double scale = 3 / (Math.PI * r2);
        int reach = (int) Math.ceil(radiusMeters / cellMeters);
        for (int i : inCellOrder(x, y, originX, originY, cellMeters, width)) {
            double fx = (x[i] - originX) / cellMeters - 0.5;
            double fy = (y[i] - originY) / cellMeters - 0.5;
            int row0 = (int) Math.floor(fy);
            int rowMin = Math.max(0, row0 - reach);
            int rowMax = Math.min(height - 1, row0 + reach + 1);
            for (int row = rowMin; row <= rowMax; row++) {
                double dy = (row - fy) * cellMeters;
                double restY = r2 - dy * dy;
                if (restY <= 0) {
                    continue;
                }
                double half = Math.sqrt(restY) / cellMeters; // the chord's half-width in columns
                int u0 = Math.max(0, (int) Math.floor(fx - half) + 1);
                int u1 = Math.min(width - 1, (int) Math.ceil(fx + half) - 1);
                if (u0 > u1) {
                    continue;
                }
                for (int block = u0 / BLOCK; block <= u1 / BLOCK; block++) {
                    int start = block * BLOCK;
                    int from = Math.max(u0, start) - start;
                    int to = Math.min(u1, start + BLOCK - 1) - start;
                    // q(t) = a + b t + c t² with t = u − start, f = fx − start: q = (restY − c2 (t − f)²)/r²
                    double f = fx - start;
                    double a = (restY - c2 * f * f) / r2;
                    double b = 2 * c2 * f / r2;
                    double c = -c2 / r2;
                    int base = ((row * blocks + block) * (BLOCK + 1)) * 5;
                    add(diff, base + from * 5, scale, a, b, c, 1);
                    add(diff, base + (to + 1) * 5, scale, a, b, c, -1);
                }
            }
        }
        double[] values = new double[width * height];
        double[] sum = new double[5];
        for (int row = 0; row < height; row++) {
            for (int block = 0; block < blocks; block++) {
                java.util.Arrays.fill(sum, 0);
                int base = ((row * blocks + block) * (BLOCK + 1)) * 5;
                int start = block * BLOCK;
                int end = Math.min(width, start + BLOCK);
                for (int t = 0; t < end - start; t++) {
                    for (int k = 0; k < 5; k++) {
                        sum[k] += diff[base + t * 5 + k];
                    }
                    double v = sum[0] + t * (sum[1] + t * (sum[2] + t * (sum[3] + t * sum[4])));
                    values[row * width + start + t] = v > 0 ? v : 0; // rounding may leave −1e-18 in empty cells
                }
            }
        }
        return new Raster(originX, originY, cellMeters, width, height, radiusMeters, values);
    }

    /**
     * The point indices sorted by the cell they fall in (row, then column): successive points then update the same
     * rows of coefficients, which stay in the processor's cache — on 100,000 points a factor of several.
     */
    static int[] inCellOrder(double[] x, double[] y, double originX, double originY, double cellMeters, int width) {
        long[] keys = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            long row = (long) Math.floor((y[i] - originY) / cellMeters);
            long col = (long) Math.floor((x[i] - originX) / cellMeters);
            // cells off the raster sort too (clamped); the index rides in the low 32 bits
            long cell = Math.max(0, Math.min(Integer.MAX_VALUE, row * width + Math.max(-1, Math.min(width, col)) + 1));
            keys[i] = (cell << 32) | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[x.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** scale · (a + b t + c t²)² expanded in powers of t, added (sign 1) or taken off (−1) at {@code at}. */
    private static void add(double[] diff, int at, double scale, double a, double b, double c, int sign) {
        double s = sign * scale;
        diff[at] += s * a * a;
        diff[at + 1] += s * 2 * a * b;
        diff[at + 2] += s * (b * b + 2 * a * c);
        diff[at + 3] += s * 2 * b * c;
        diff[at + 4] += s * c * c;
    }

    /**
     * The density at every cell centre, one kernel evaluation per point and cell within {@code radiusMeters}: the
     * plain definition, kept as the reference {@link #estimate} is tested against.
     */
    static Raster estimateDirect(double[] x, double[] y, double originX, double originY, double cellMeters, int width,
            int height, double radiusMeters) {
        if (!(radiusMeters > 0) || !(cellMeters > 0)) {
            throw new IllegalArgumentException("radius and cell must be positive");
        }
        double[] values = new double[width * height];
        double r2 = radiusMeters * radiusMeters;
        double scale = 3 / (Math.PI * r2);
        int reach = (int) Math.ceil(radiusMeters / cellMeters);
        double[] dy2 = new double[2 * reach + 1];
        for (int i = 0; i < x.length; i++) {
            // cell (col,row) has its centre at origin + (col + 0.5) · cell
            double fx = (x[i] - originX) / cellMeters - 0.5;
            double fy = (y[i] - originY) / cellMeters - 0.5;
            int col0 = (int) Math.floor(fx);
            int row0 = (int) Math.floor(fy);
            int rowMin = Math.max(0, row0 - reach);
            int rowMax = Math.min(height - 1, row0 + reach + 1);
            int colMin = Math.max(0, col0 - reach);
            int colMax = Math.min(width - 1, col0 + reach + 1);
            if (rowMin > rowMax || colMin > colMax) {
                continue;
            }
            for (int row = rowMin; row <= rowMax; row++) {
                double dy = (row - fy) * cellMeters;
                double ry = r2 - dy * dy;
                if (ry <= 0) {
                    continue;
                }
                int base = row * width;
                for (int col = colMin; col <= colMax; col++) {
                    double dx = (col - fx) * cellMeters;
                    double rest = ry - dx * dx; // r² − d²
                    if (rest > 0) {
                        double t = rest / r2; // 1 − d²/r²
                        values[base + col] += scale * t * t;
                    }
                }
            }
        }
        return new Raster(originX, originY, cellMeters, width, height, radiusMeters, values);
    }
}
