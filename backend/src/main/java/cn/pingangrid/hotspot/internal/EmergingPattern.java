package cn.pingangrid.hotspot.internal;

/**
 * The classes of ArcGIS's Emerging Hot Spot Analysis, for one unit's series of monthly bins (hot = FDR bin ≥ 1,
 * cold = FDR bin ≤ −1) and the Mann–Kendall trend of its z series. With T steps and "90 %" meaning at least
 * 0.9 · T steps (the rules, in order, are in {@link EmergingHotSpots#classify}):
 */
enum EmergingPattern {
    NO_PATTERN("无明显模式"),
    /** Hot in the final step, never hot (nor cold) before. */
    NEW_HOT_SPOT("新增热点"),
    /** One uninterrupted run of ≥ 2 hot steps ending at the final step, never hot before the run, < 90 % hot. */
    CONSECUTIVE_HOT_SPOT("连续热点"),
    /** Hot in ≥ 90 % of steps including the final one, clustering intensity rising significantly. */
    INTENSIFYING_HOT_SPOT("加强热点"),
    /** Hot in ≥ 90 % of steps including the final one, no significant trend. */
    PERSISTENT_HOT_SPOT("持续热点"),
    /** Hot in ≥ 90 % of steps including the final one, clustering intensity falling significantly. */
    DIMINISHING_HOT_SPOT("减弱热点"),
    /** Hot in the final step, on and off before, < 90 % hot, never cold. */
    SPORADIC_HOT_SPOT("零星热点"),
    /** Hot in the final step, cold in some earlier step, < 90 % hot. */
    OSCILLATING_HOT_SPOT("振荡热点"),
    /** Not hot in the final step, but hot in ≥ 90 % of steps. */
    HISTORICAL_HOT_SPOT("历史热点"),
    NEW_COLD_SPOT("新增冷点"),
    CONSECUTIVE_COLD_SPOT("连续冷点"),
    INTENSIFYING_COLD_SPOT("加强冷点"),
    PERSISTENT_COLD_SPOT("持续冷点"),
    DIMINISHING_COLD_SPOT("减弱冷点"),
    SPORADIC_COLD_SPOT("零星冷点"),
    OSCILLATING_COLD_SPOT("振荡冷点"),
    HISTORICAL_COLD_SPOT("历史冷点");

    private final String label;

    EmergingPattern(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
