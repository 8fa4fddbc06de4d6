package cn.pingangrid.gisdata;

/** Road classes, highest first, with design speed and the half width kept clear of buildings. */
enum RoadClass {
    NATIONAL("national", 60, 9.0),
    PROVINCIAL("provincial", 50, 8.0),
    COUNTY("county", 40, 5.5),
    TOWN("town", 30, 5.0),
    VILLAGE("village", 20, 3.5);

    private final String code;
    private final int speedKmh;
    private final double clearHalfWidthMeters;

    RoadClass(String code, int speedKmh, double clearHalfWidthMeters) {
        this.code = code;
        this.speedKmh = speedKmh;
        this.clearHalfWidthMeters = clearHalfWidthMeters;
    }

    /** The value of the {@code roadClass} property. */
    String code() {
        return code;
    }

    int speedKmh() {
        return speedKmh;
    }

    /** Distance from the centreline within which no building stands (carriageway, shoulder, ditch). */
    double clearHalfWidthMeters() {
        return clearHalfWidthMeters;
    }
}
