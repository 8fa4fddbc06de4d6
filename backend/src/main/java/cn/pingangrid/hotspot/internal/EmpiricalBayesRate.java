package cn.pingangrid.hotspot.internal;

/**
 * Global empirical-Bayes smoothing of rates (Marshall 1991, as GeoDa's "Empirical Bayes" rate): each area's raw rate
 * {@code ri = di / bi} is pulled towards the overall rate {@code m = Σd / Σb} with the weight
 * {@code wi = A / (A + m / bi)}, where {@code A = s² − m / b̄} (0 if negative), {@code s² = Σ bi (ri − m)² / Σ bi}
 * and {@code b̄} is the mean base. A grid with 3 buildings and 1 dispute keeps little of its raw 33 %; a grid with
 * hundreds keeps most of its own. Areas with no base (0 buildings) have no rate (NaN) and take no part.
 */
final class EmpiricalBayesRate {

    private EmpiricalBayesRate() {
    }

    static double[] smoothed(int[] events, int[] base) {
        int n = events.length;
        double totalEvents = 0;
        double totalBase = 0;
        int areas = 0;
        for (int i = 0; i < n; i++) {
            if (base[i] > 0) {
                totalEvents += events[i];
                totalBase += base[i];
                areas++;
            }
        }
        double[] result = new double[n];
        if (totalBase == 0) {
            java.util.Arrays.fill(result, Double.NaN);
            return result;
        }
        double m = totalEvents / totalBase;
        double meanBase = totalBase / areas;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            if (base[i] > 0) {
                double r = (double) events[i] / base[i];
                spread += base[i] * (r - m) * (r - m);
            }
        }
        double a = Math.max(0, spread / totalBase - m / meanBase);
        for (int i = 0; i < n; i++) {
            if (base[i] <= 0) {
                result[i] = Double.NaN;
                continue;
            }
            double r = (double) events[i] / base[i];
            double denominator = a + m / base[i];
            double w = denominator > 0 ? a / denominator : 0;
            result[i] = w * r + (1 - w) * m;
        }
        return result;
    }
}
