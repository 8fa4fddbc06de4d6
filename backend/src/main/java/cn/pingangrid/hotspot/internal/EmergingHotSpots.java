package cn.pingangrid.hotspot.internal;

/**
 * Classifies a unit from its monthly bins and z series (see {@link EmergingPattern}). Rules, for hot spots (cold
 * spots mirror them with the signs swapped); "90 %" is at least 0.9 · T of the T steps:
 * <ol>
 * <li>final step hot and hot in ≥ 90 % of steps: intensifying if the Mann–Kendall trend of z is significantly
 * upward (p &lt; {@value #TREND_ALPHA}), diminishing if significantly downward, persistent otherwise;</li>
 * <li>final step hot, cold in some earlier step: oscillating (before new and consecutive: ArcGIS's texts let a
 * unit that was cold and turned hot be both; the swing is what the meeting needs to hear);</li>
 * <li>final step hot, hot exactly once: new;</li>
 * <li>final step hot, all hot steps form one run (≥ 2) ending at the final step: consecutive;</li>
 * <li>final step hot otherwise (on and off, never cold): sporadic;</li>
 * <li>final step not hot but hot in ≥ 90 % of steps: historical;</li>
 * <li>anything else: no pattern.</li>
 * </ol>
 */
final class EmergingHotSpots {

    /** Significance of the Mann–Kendall trend that makes a hot spot intensifying or diminishing. */
    static final double TREND_ALPHA = 0.05;

    private EmergingHotSpots() {
    }

    static EmergingPattern classify(int[] bins, double[] z) {
        EmergingPattern hot = classify(bins, z, 1);
        return hot != EmergingPattern.NO_PATTERN ? hot : classify(bins, z, -1);
    }

    /** {@code sign} 1 looks for hot-spot patterns, −1 for cold-spot ones. */
    private static EmergingPattern classify(int[] bins, double[] z, int sign) {
        int steps = bins.length;
        if (steps == 0) {
            return EmergingPattern.NO_PATTERN;
        }
        boolean hot = sign > 0;
        int significant = 0;
        boolean opposite = false;
        for (int b : bins) {
            if (b * sign >= 1) {
                significant++;
            } else if (b * sign <= -1) {
                opposite = true;
            }
        }
        boolean mostly = significant >= 0.9 * steps;
        boolean finalStep = bins[steps - 1] * sign >= 1;
        if (!finalStep) {
            return mostly ? (hot ? EmergingPattern.HISTORICAL_HOT_SPOT : EmergingPattern.HISTORICAL_COLD_SPOT)
                    : EmergingPattern.NO_PATTERN;
        }
        if (mostly) {
            MannKendall.Trend trend = MannKendall.test(z);
            if (trend.significant(TREND_ALPHA) && trend.z() * sign > 0) {
                return hot ? EmergingPattern.INTENSIFYING_HOT_SPOT : EmergingPattern.INTENSIFYING_COLD_SPOT;
            }
            if (trend.significant(TREND_ALPHA) && trend.z() * sign < 0) {
                return hot ? EmergingPattern.DIMINISHING_HOT_SPOT : EmergingPattern.DIMINISHING_COLD_SPOT;
            }
            return hot ? EmergingPattern.PERSISTENT_HOT_SPOT : EmergingPattern.PERSISTENT_COLD_SPOT;
        }
        if (opposite) {
            return hot ? EmergingPattern.OSCILLATING_HOT_SPOT : EmergingPattern.OSCILLATING_COLD_SPOT;
        }
        if (significant == 1) {
            return hot ? EmergingPattern.NEW_HOT_SPOT : EmergingPattern.NEW_COLD_SPOT;
        }
        int run = 0;
        while (run < steps && bins[steps - 1 - run] * sign >= 1) {
            run++;
        }
        if (run == significant) {
            return hot ? EmergingPattern.CONSECUTIVE_HOT_SPOT : EmergingPattern.CONSECUTIVE_COLD_SPOT;
        }
        return hot ? EmergingPattern.SPORADIC_HOT_SPOT : EmergingPattern.SPORADIC_COLD_SPOT;
    }
}
