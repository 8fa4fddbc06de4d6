package cn.pingangrid.patrol;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Where the hot spots are, for patrol stops: Gi* hot units (95 % and above) and density peaks inside an area. The
 * hotspot module implements it; until it is wired, {@link #NONE} (no hot spots) is used.
 */
public interface HotspotStops {

    /** No hot spots: the default while no implementation is in the application. */
    HotspotStops NONE = (area, week) -> List.of();

    /**
     * A hot spot: a point to stand at, its weight (README: 5 for a Gi* unit at 99 %, 4 at 95 %, 2 for a density
     * peak), a label for the route sheet, and the hot unit's polygon (null for a peak) for minutes-in-unit coverage.
     */
    record HotspotStop(String id, Point point, double weight, String label, Geometry unit) {
    }

    /** The hot spots inside {@code area} (lng/lat) for the ISO week holding {@code week}. */
    List<HotspotStop> stopsIn(Geometry area, LocalDate week);
}
