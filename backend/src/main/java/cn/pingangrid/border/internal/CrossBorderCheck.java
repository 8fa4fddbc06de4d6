package cn.pingangrid.border.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import cn.pingangrid.border.SegmentKind;

/**
 * Whether a point (a dispute) lies in a sensitive border zone, and whom it concerns: its own village, both villages
 * of each village-boundary zone it is in, and the neighbouring jurisdiction of each town-border zone it is in. A point on a zone's
 * edge counts as inside.
 */
final class CrossBorderCheck {

    /** A segment's zone as the check needs it. */
    record Zone(long segmentId, SegmentKind kind, String name, String neighbourName, String neighbourCounty,
            Set<String> villageCodes, Geometry zone) {
    }

    /** The answer for one point; {@code crossBorder} false means no zone holds it (and the lists are empty). */
    record Result(boolean crossBorder, Set<String> villageCodes, List<String> neighbours, List<Long> segmentIds,
            List<String> segmentNames) {
    }

    private final List<Zone> zones;
    private final List<PreparedGeometry> prepared = new ArrayList<>();

    CrossBorderCheck(List<Zone> zones) {
        this.zones = List.copyOf(zones);
        this.zones.forEach(z -> prepared.add(PreparedGeometryFactory.prepare(z.zone())));
    }

    Result check(Point point, String ownVillageCode) {
        Set<String> villages = new TreeSet<>();
        Set<String> neighbours = new LinkedHashSet<>();
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            if (prepared.get(i).covers(point)) {
                Zone zone = zones.get(i);
                ids.add(zone.segmentId());
                names.add(zone.name());
                if (zone.kind() == SegmentKind.VILLAGE) {
                    villages.addAll(zone.villageCodes()); // both sides of a village boundary
                } else if (zone.neighbourName() != null) {
                    neighbours.add(zone.neighbourCounty() == null ? zone.neighbourName()
                            : zone.neighbourCounty() + zone.neighbourName());
                }
            }
        }
        if (ids.isEmpty()) {
            return new Result(false, Set.of(), List.of(), List.of(), List.of());
        }
        if (ownVillageCode != null) {
            villages.add(ownVillageCode);
        }
        return new Result(true, villages, List.copyOf(neighbours), ids, names);
    }
}
