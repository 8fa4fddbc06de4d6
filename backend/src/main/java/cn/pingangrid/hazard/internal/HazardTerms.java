package cn.pingangrid.hazard.internal;

import java.util.Locale;

import cn.pingangrid.system.InvalidInputException;

/** The codes of a hazard's category, level and status, with their Chinese names. */
final class HazardTerms {

    enum Category {
        FOREST_LAND("山林土地"), ENTERPRISE("企业"), TRAFFIC("交通"), WATER("水域"), GEOLOGICAL("地质灾害"),
        MASS_INCIDENT("群体性"), OTHER("其他");

        final String label;

        Category(String label) {
            this.label = label;
        }
    }

    enum Level {
        GENERAL("一般"), LARGE("较大"), MAJOR("重大");

        final String label;

        Level(String label) {
            this.label = label;
        }
    }

    enum Status {
        OPEN("待整治"), CONTROLLED("管控中"), RESOLVED("已销号");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    private HazardTerms() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String code, String what) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "缺少" + what);
        }
        try {
            return Enum.valueOf(type, code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "未知的" + what + "「" + code + "」");
        }
    }
}
