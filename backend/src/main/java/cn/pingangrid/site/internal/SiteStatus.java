package cn.pingangrid.site.internal;

import java.util.Locale;

import cn.pingangrid.system.InvalidInputException;

/** Where a site stands in its 创建: being built, met the standard, failed it, or being re-checked. */
public enum SiteStatus {
    BUILDING("创建中"),
    MET("已达标"),
    NOT_MET("未达标"),
    UNDER_REVIEW("复查中");

    private final String label;

    SiteStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static SiteStatus parse(String field, String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "未知的创建状态「" + code + "」");
        }
    }
}
