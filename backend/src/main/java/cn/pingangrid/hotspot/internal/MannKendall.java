package cn.pingangrid.hotspot.internal;

/**
 * The Mann–Kendall trend test of a series in time order: S = Σ(i<j) sign(xj − xi), its variance under no trend
 * corrected for ties, Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over groups of t tied values, the
 * continuity-corrected Z = (S − sign S) / √Var(S), and a two-sided p. A constant series has no trend: Z = 0, p = 1.
 */
final class MannKendall {

    record Trend(int s, double variance, double z, double p) {

        boolean significant(double alpha) {
            return p < alpha;
        }
    }

    private MannKendall() {
    }

    static Trend test(double[] series) {
        int n = series.length;
        int s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(series[j], series[i]) > 0 ? 1 : series[j] == series[i] ? 0 : -1;
            }
        }
        double ties = 0;
        boolean[] counted = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (counted[i]) {
                continue;
            }
            int t = 0;
            for (int j = i; j < n; j++) {
                if (series[j] == series[i]) {
                    counted[j] = true;
                    t++;
                }
            }
            ties += (double) t * (t - 1) * (2 * t + 5);
        }
        double variance = ((double) n * (n - 1) * (2 * n + 5) - ties) / 18;
        if (variance <= 0 || s == 0) {
            return new Trend(s, Math.max(0, variance), 0, 1);
        }
        double z = (s - Math.signum(s)) / Math.sqrt(variance);
        return new Trend(s, variance, z, GetisOrdGiStar.twoSidedP(z));
    }
}
