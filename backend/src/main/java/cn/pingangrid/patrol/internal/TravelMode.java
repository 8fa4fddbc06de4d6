package cn.pingangrid.patrol.internal;

import java.util.Locale;

import cn.pingangrid.system.InvalidInputException;

/** How the officer moves during a shift; speeds per road class come from {@link PatrolProperties}. */
public enum TravelMode {
    WALK("步行"),
    EBIKE("电动车"),
    CAR("汽车");

    private final String label;

    TravelMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static TravelMode parse(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "缺少出行方式，可用 WALK（步行）、EBIKE（电动车）、CAR（汽车）");
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "未知的出行方式「" + code + "」，可用 WALK（步行）、EBIKE（电动车）、CAR（汽车）");
        }
    }
}
