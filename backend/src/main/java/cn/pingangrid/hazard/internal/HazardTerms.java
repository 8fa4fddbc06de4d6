package cn.pingangrid.hazard.internal;

import cn.pingangrid.system.Coded;

/** The codes of a hazard's category, level and status, with their Chinese names (parsed by {@link Coded}). */
final class HazardTerms {

    enum Category implements Coded {
        FOREST_LAND("山林土地"), ENTERPRISE("企业"), TRAFFIC("交通"), WATER("水域"), GEOLOGICAL("地质灾害"),
        MASS_INCIDENT("群体性"), OTHER("其他");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    enum Level implements Coded {
        GENERAL("一般"), LARGE("较大"), MAJOR("重大");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    enum Status implements Coded {
        OPEN("待整治"), CONTROLLED("管控中"), RESOLVED("已销号");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private HazardTerms() {
    }
}
