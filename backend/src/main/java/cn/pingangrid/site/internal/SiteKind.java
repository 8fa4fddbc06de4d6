package cn.pingangrid.site.internal;

import java.util.Locale;

import cn.pingangrid.system.InvalidInputException;

/** The ten kinds of 平安创建 sites (seed plan §六(二)4), with stable codes. */
public enum SiteKind {
    VILLAGE("平安村(社区)"),
    ENTERPRISE("平安企业"),
    CAMPUS("平安校园"),
    HOSPITAL("平安医院"),
    TRAFFIC("平安交通"),
    BORDER("平安边界"),
    COMPOUND("平安小区"),
    SCENIC("平安景区"),
    TOWNSHIP("平安乡镇"),
    FAMILY("平安家庭");

    private final String label;

    SiteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static SiteKind parse(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "缺少创建类型");
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "未知的创建类型「" + code + "」");
        }
    }
}
