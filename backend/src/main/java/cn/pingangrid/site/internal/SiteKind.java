package cn.pingangrid.site.internal;

import cn.pingangrid.system.Coded;

/** The ten kinds of 平安创建 sites (seed plan §六(二)4), with stable codes. */
public enum SiteKind implements Coded {
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

    @Override
    public String label() {
        return label;
    }
}
