package cn.pingangrid.border.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

import cn.pingangrid.border.CrossBorderRows;
import cn.pingangrid.dispute.DisputeLocation;
import cn.pingangrid.dispute.DisputeLocations;

/**
 * Disputes in the sensitive border zones: how many per zone in a period (for shading), and each cross-border
 * dispute with the villages it concerns and the neighbouring jurisdictions named. Only disputes the caller may
 * see are counted or listed.
 */
@Component
public class CrossBorderDisputes {

    /** A dispute in one or more zones, with whom it concerns. */
    record Flagged(DisputeLocation dispute, CrossBorderCheck.Result result) {
    }

    private final DisputeLocations disputes;
    private final Segments segments;

    CrossBorderDisputes(DisputeLocations disputes, Segments segments) {
        this.disputes = disputes;
        this.segments = segments;
    }

    /** Dispute count per segment id, for the (sensitive) segments given. */
    Map<Long, Integer> countsByZone(List<BorderSegment> visible, LocalDate from, LocalDate to) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        disputes.withinEach(zones(visible), from, to).forEach((id, found) -> counts.put(id, found.size()));
        return counts;
    }

    /** The cross-border disputes of a period the caller sees, as the module's API rows. */
    public List<CrossBorderRows.Row> rows(LocalDate from, LocalDate to) {
        return list(null, from, to).stream().map(f -> new CrossBorderRows.Row(f.dispute().id(), f.dispute().type(),
                f.dispute().status(), f.dispute().occurredOn(), f.dispute().villageCode(),
                Set.copyOf(f.result().villageCodes()), List.copyOf(f.result().neighbours()))).toList();
    }

    /**
     * The cross-border disputes the caller sees, optionally only those concerning {@code villageCode} (a dispute in
     * a village-boundary zone concerns both villages).
     */
    List<Flagged> list(String villageCode, LocalDate from, LocalDate to) {
        List<CrossBorderCheck.Zone> all = segments.sensitiveZones();
        CrossBorderCheck check = new CrossBorderCheck(all);
        Map<Long, Geometry> zones = new LinkedHashMap<>();
        all.forEach(zone -> zones.put(zone.segmentId(), zone.zone()));
        Map<Long, DisputeLocation> candidates = new LinkedHashMap<>();
        disputes.withinEach(zones, from, to).values()
                .forEach(found -> found.forEach(d -> candidates.putIfAbsent(d.id(), d)));
        List<Flagged> flagged = new ArrayList<>();
        candidates.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(d -> {
            CrossBorderCheck.Result result = check.check(d.location(), d.villageCode());
            if (result.crossBorder() && (villageCode == null || result.villageCodes().contains(villageCode))) {
                flagged.add(new Flagged(d, result));
            }
        });
        return flagged;
    }

    private static Map<Long, Geometry> zones(List<BorderSegment> segments) {
        Map<Long, Geometry> zones = new LinkedHashMap<>();
        segments.forEach(segment -> zones.put(segment.getId(), segment.getZone()));
        return zones;
    }
}
