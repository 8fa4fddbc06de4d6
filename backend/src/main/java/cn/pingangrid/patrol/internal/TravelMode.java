package cn.pingangrid.patrol.internal;

import cn.pingangrid.system.Coded;

/** How the officer moves during a shift; speeds per road class come from {@link PatrolProperties}. */
public enum TravelMode implements Coded {
    WALK("步行"),
    EBIKE("电动车"),
    CAR("汽车");

    private final String label;

    TravelMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
