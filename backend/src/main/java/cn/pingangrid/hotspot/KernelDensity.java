package cn.pingangrid.hotspot;

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

    /**
     * The density at every cell centre. Each point visits only the cells within {@code radiusMeters}: the cost is
     * n · (r/cell)² kernel evaluations, independent of the raster's size.
     */
    static Raster estimate(double[] x, double[] y, double originX, double originY, double cellMeters, int width,
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
