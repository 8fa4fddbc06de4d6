package cn.pingangrid.patrol.internal;

import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A candidate stop: a stable key (e.g. {@code SITE-12}), kind, name, point (lng/lat), weight, dwell, the villages
 * whose officers may take it (one, or two for a checkpoint on a shared stretch), what to check there, and the hot
 * unit's polygon for a hot spot (else null).
 */
record Stop(String key, StopKind kind, String name, Point point, double weight, int dwellSeconds,
        Set<String> villageCodes, List<String> checks, Geometry unit) {
}
