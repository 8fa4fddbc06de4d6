package cn.pingangrid.patrol.internal;

/** What a candidate stop is; each kind has its own default dwell ({@code pingan.patrol.dwell-minutes}). */
public enum StopKind {
    HOTSPOT("治安热点"),
    SITE("平安创建点位"),
    BORDER("边界卡点"),
    DISPUTE("矛盾纠纷");

    private final String label;

    StopKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
