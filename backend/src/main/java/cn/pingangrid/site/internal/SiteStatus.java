package cn.pingangrid.site.internal;

import cn.pingangrid.system.Coded;

/** Where a site stands in its 创建: being built, met the standard, failed it, or being re-checked. */
public enum SiteStatus implements Coded {
    BUILDING("创建中"),
    MET("已达标"),
    NOT_MET("未达标"),
    UNDER_REVIEW("复查中");

    private final String label;

    SiteStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
