package cn.pingangrid.dispute;

import java.util.EnumSet;
import java.util.Set;

import cn.pingangrid.system.Coded;

/** 状态: 登记 → 受理 → 调处中 → 已化解 / 未化解 → 上报镇 → 移交 → 办结 → 回访. */
public enum DisputeStatus implements Coded {
    REGISTERED("登记"),
    ACCEPTED("受理"),
    MEDIATING("调处中"),
    RESOLVED("已化解"),
    UNRESOLVED("未化解"),
    ESCALATED("上报镇"),
    REFERRED("移交"),
    CLOSED("办结"),
    FOLLOWED_UP("已回访");

    /** Resolved and after: the case has an outcome, no deadline runs. */
    public static final Set<DisputeStatus> CONCLUDED = EnumSet.of(RESOLVED, CLOSED, FOLLOWED_UP);
    /** Every status with the case still in hand (not yet 化解/办结/回访). */
    public static final Set<DisputeStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(CONCLUDED));

    private final String label;

    DisputeStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean open() {
        return !CONCLUDED.contains(this);
    }
}
