package cn.pingangrid.hotspot.internal;

/**
 * Gi* on a space-time cube of counts {@code [step][unit]} (as ArcGIS's Emerging Hot Spot Analysis computes it per
 * bin): a bin's neighbours are the bins of the spatially neighbouring units (self included) in the same step and in
 * the step before (the neighbourhood in time is one step, here a month); the first step has no step before. Mean and
 * standard deviation are those of all bins of the cube, n = steps × units. The bins after the false discovery rate
 * correction are taken over the whole cube.
 */
final class SpaceTimeGiStar {

    /** {@code z[step][unit]}, {@code p[step][unit]}, {@code fdrBin[step][unit]}. */
    record Cube(double[][] z, double[][] p, int[][] fdrBin) {

        int steps() {
            return z.length;
        }

        double[] zSeries(int unit) {
            double[] series = new double[z.length];
            for (int t = 0; t < z.length; t++) {
                series[t] = z[t][unit];
            }
            return series;
        }

        int[] binSeries(int unit) {
            int[] series = new int[fdrBin.length];
            for (int t = 0; t < fdrBin.length; t++) {
                series[t] = fdrBin[t][unit];
            }
            return series;
        }
    }

    private SpaceTimeGiStar() {
    }

    static Cube compute(double[][] counts, int[][] neighbours) {
        int steps = counts.length;
        int units = neighbours.length;
        int n = steps * units;
        double sum = 0;
        double sumSquares = 0;
        for (double[] step : counts) {
            for (double c : step) {
                sum += c;
                sumSquares += c * c;
            }
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        double[][] z = new double[steps][units];
        double[][] p = new double[steps][units];
        double[] flatZ = new double[n];
        double[] flatP = new double[n];
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < units; u++) {
                double local = 0;
                int weights = 0;
                for (int dt = Math.max(0, t - 1); dt <= t; dt++) {
                    for (int j : neighbours[u]) {
                        local += counts[dt][j];
                        weights++;
                    }
                }
                z[t][u] = GetisOrdGiStar.zScore(local, weights, n, mean, s);
                p[t][u] = GetisOrdGiStar.twoSidedP(z[t][u]);
                flatZ[t * units + u] = z[t][u];
                flatP[t * units + u] = p[t][u];
            }
        }
        int[] flatBins = FalseDiscoveryRate.bins(flatZ, flatP);
        int[][] bins = new int[steps][units];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(flatBins, t * units, bins[t], 0, units);
        }
        return new Cube(z, p, bins);
    }
}
