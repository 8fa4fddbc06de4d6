package cn.pingangrid.hotspot.internal;

import java.util.Arrays;

/**
 * Confidence bins after the Benjamini–Hochberg false discovery rate correction, as ArcGIS's Hot Spot Analysis
 * applies it: for each confidence level α (0.10, 0.05, 0.01), sort the m p-values ascending, find the largest rank
 * k with {@code p(k) ≤ k · α / m}, and call the k smallest significant at that level. A unit's bin is its highest
 * such level (1, 2, 3), signed as its z. Never more significant than the uncorrected bin.
 */
final class FalseDiscoveryRate {

    private static final double[] ALPHAS = { 0.10, 0.05, 0.01 };

    private FalseDiscoveryRate() {
    }

    static int[] bins(double[] z, double[] p) {
        int m = p.length;
        int[] bins = new int[m];
        if (m == 0) {
            return bins;
        }
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int level = 0; level < ALPHAS.length; level++) {
            double cutoff = cutoff(sorted, ALPHAS[level]);
            if (Double.isNaN(cutoff)) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                if (p[i] <= cutoff) {
                    bins[i] = level + 1;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            if (z[i] < 0) {
                bins[i] = -bins[i];
            }
        }
        return bins;
    }

    /** The largest p(k) with p(k) ≤ k·α/m, or NaN when none is. */
    static double cutoff(double[] sortedP, double alpha) {
        int m = sortedP.length;
        for (int k = m; k >= 1; k--) {
            if (sortedP[k - 1] * m <= k * alpha) {
                return sortedP[k - 1];
            }
        }
        return Double.NaN;
    }
}
