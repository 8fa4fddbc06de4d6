package cn.pingangrid.sweep.internal;

import cn.pingangrid.system.Coded;

/** 排查的种类. */
public enum SweepKind implements Coded {
    /** 村（社区）每周一次. */
    VILLAGE_WEEKLY("村每周排查"),
    /** 镇每月一次. */
    TOWN_MONTHLY("镇每月排查"),
    /** 特殊敏感时期的专题排查. */
    CAMPAIGN("专题排查");

    private final String label;

    SweepKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
