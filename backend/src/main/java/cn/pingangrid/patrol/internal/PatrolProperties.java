package cn.pingangrid.patrol.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code pingan.patrol.*}: speeds by mode and road class, dwell by stop kind, stop weights, the 派出所 point and the
 * coverage thresholds. Every value has a default here (documented in application.yml and docs/decisions).
 */
@ConfigurationProperties("pingan.patrol")
record PatrolProperties(Map<TravelMode, Map<String, Double>> speedKmh, Map<StopKind, Integer> dwellMinutes,
        Map<String, Double> weights, List<Double> policeStation, String policeStationName, Integer visitRadiusM,
        Integer visitMinDwellMinutes, DataSize maxTrackSize, Integer checkpointSpacingM) {

    static final Map<TravelMode, Map<String, Double>> DEFAULT_SPEEDS = defaultSpeeds();
    static final Map<String, Double> DEFAULT_WEIGHTS = defaultWeights();

    PatrolProperties {
        Map<TravelMode, Map<String, Double>> speeds = new EnumMap<>(TravelMode.class);
        for (TravelMode mode : TravelMode.values()) {
            Map<String, Double> merged = new LinkedHashMap<>(DEFAULT_SPEEDS.get(mode));
            if (speedKmh != null && speedKmh.get(mode) != null) {
                merged.putAll(speedKmh.get(mode));
            }
            speeds.put(mode, Map.copyOf(merged));
        }
        speedKmh = speeds;
        Map<StopKind, Integer> dwell = new EnumMap<>(StopKind.class);
        for (StopKind kind : StopKind.values()) {
            dwell.put(kind, 15);
        }
        if (dwellMinutes != null) {
            dwell.putAll(dwellMinutes);
        }
        dwellMinutes = dwell;
        Map<String, Double> w = new LinkedHashMap<>(DEFAULT_WEIGHTS);
        if (weights != null) {
            w.putAll(weights);
        }
        weights = Map.copyOf(w);
        policeStation = policeStation == null || policeStation.size() != 2 ? List.of(111.8522281, 28.46945)
                : List.copyOf(policeStation);
        policeStationName = policeStationName == null ? "大栗港派出所" : policeStationName;
        visitRadiusM = visitRadiusM == null ? 50 : visitRadiusM;
        visitMinDwellMinutes = visitMinDwellMinutes == null ? 5 : visitMinDwellMinutes;
        maxTrackSize = maxTrackSize == null ? DataSize.ofMegabytes(10) : maxTrackSize;
        checkpointSpacingM = checkpointSpacingM == null ? 300 : checkpointSpacingM;
    }

    /** The defaults, for tests and benchmarks that run without Spring. */
    static PatrolProperties defaults() {
        return new PatrolProperties(null, null, null, null, null, null, null, null, null);
    }

    double speedKmh(TravelMode mode, String roadClass) {
        Double kmh = speedKmh.get(mode).get(roadClass);
        return kmh != null ? kmh : speedKmh.get(mode).get("village");
    }

    double weight(String key) {
        return weights.getOrDefault(key, 1.0);
    }

    int dwellSeconds(StopKind kind) {
        return dwellMinutes.get(kind) * 60;
    }

    private static Map<TravelMode, Map<String, Double>> defaultSpeeds() {
        Map<TravelMode, Map<String, Double>> m = new EnumMap<>(TravelMode.class);
        // on foot: 4.5 km/h whatever the road (a patrolling walk, not a commute)
        m.put(TravelMode.WALK, Map.of("national", 4.5, "provincial", 4.5, "county", 4.5, "town", 4.5, "village", 4.5));
        // e-bike: the legal 25 km/h at most (GB 17761-2018), slower on narrow, winding roads
        m.put(TravelMode.EBIKE, Map.of("national", 22.0, "provincial", 22.0, "county", 20.0, "town", 18.0,
                "village", 15.0));
        // car: about 80 % of the design speed of the class (gis-data's RoadClass: 60/50/40/30/20)
        m.put(TravelMode.CAR, Map.of("national", 48.0, "provincial", 40.0, "county", 32.0, "town", 24.0,
                "village", 16.0));
        return Map.copyOf(m);
    }

    private static Map<String, Double> defaultWeights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("hotspot-99", 5.0);          // Gi* hot unit at 99 % confidence
        w.put("hotspot-95", 4.0);          // Gi* hot unit at 95 %
        w.put("hotspot-peak", 2.0);        // kernel density peak
        w.put("dispute-sensitive", 5.0);   // open and flagged sensitive (即时上报)
        w.put("dispute-overdue", 3.0);     // open and past its deadline
        w.put("dispute-major", 1.0);       // added for 重大
        w.put("border-county", 4.0);       // checkpoint on the county border
        w.put("border-town", 3.0);         // checkpoint on another town's border
        w.put("site-overdue", 3.0);        // inspection past due
        w.put("site-due", 2.0);            // inspection due this week
        w.put("site-not-met", 1.0);        // added when the site is 未达标
        return w;
    }
}
