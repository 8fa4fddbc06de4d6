package cn.pingangrid.border.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.border.BorderSegments;
import cn.pingangrid.border.SegmentKind;
import cn.pingangrid.scope.ScopedQueries;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Border segments through {@link ScopedQueries}: a segment is listed when one of the villages along it is visible to
 * the caller. Every zone, with the villages and neighbour it concerns, is public ({@link #sensitiveZones}).
 */
@Repository
@Transactional(readOnly = true)
public class Segments {

    private final ScopedQueries queries;

    Segments(ScopedQueries queries) {
        this.queries = queries;
    }

    List<BorderSegment> list(SegmentKind kind) {
        return queries.from(BorderSegment.class, "s").equal("s.kind", kind).orderBy("s.kind, s.id").list();
    }

    /** The segments of {@code kind} (null: all) the caller sees, as lines for other modules. */
    public List<BorderSegments.BorderLine> lines(SegmentKind kind) {
        return list(kind).stream().map(BorderSegment::asLine).toList();
    }

    Optional<BorderSegment> find(long id) {
        return queries.find(BorderSegment.class, id);
    }

    /**
     * Every sensitive zone of the town, for deciding whether a point is cross-border (whoever asks, the zones are
     * the same).
     */
    List<CrossBorderCheck.Zone> sensitiveZones() {
        return zones(queries.publicColumns(BorderSegment.class, "id", "kind", "name", "neighbourName",
                "neighbourCounty", "zone", "sensitive"));
    }

    /** The sensitive zones that hold {@code point}: an indexed query in the database, not a loop over segments. */
    List<CrossBorderCheck.Zone> sensitiveZonesAt(Point point) {
        return zones(queries.publicColumnsIntersecting(BorderSegment.class, "zone", point, "id", "kind", "name",
                "neighbourName", "neighbourCounty", "zone", "sensitive"));
    }

    private List<CrossBorderCheck.Zone> zones(List<Object[]> rows) {
        List<Object[]> sensitive = rows.stream().filter(r -> Boolean.TRUE.equals(r[6])).toList();
        if (sensitive.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> villages = new HashMap<>();
        for (Object[] row : queries.publicElements(BorderSegment.class, "villageCodes")) {
            villages.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((String) row[1]);
        }
        return sensitive.stream().map(r -> new CrossBorderCheck.Zone((Long) r[0], (SegmentKind) r[1], (String) r[2],
                (String) r[3], (String) r[4], villages.getOrDefault((Long) r[0], Set.of()), (Geometry) r[5]))
                .toList();
    }

    /**
     * The sensitive zones of every segment of {@code kind}, whoever asks (the zones are public, see
     * {@link #sensitiveZones}): what a walked track's border kilometres are measured in.
     */
    public List<Geometry> zones(SegmentKind kind) {
        return sensitiveZones().stream().filter(z -> z.kind() == kind).map(CrossBorderCheck.Zone::zone).toList();
    }

    long count() {
        return queries.from(BorderSegment.class, "s").count();
    }

    @Transactional
    void saveAll(List<BorderSegment> segments) {
        queries.addAll(segments);
    }

    /** Marks a segment the caller sees sensitive or not and/or changes its zone width, in one transaction. */
    @Transactional
    BorderSegment change(long id, Boolean sensitive, Integer meters, java.time.Instant now) {
        BorderSegment segment = find(id).orElseThrow(() -> notFound(id));
        if (sensitive != null) {
            segment.markSensitive(sensitive, now);
        }
        if (meters != null) {
            segment.changeZoneWidth(meters, now);
        }
        return segment;
    }

    static cn.pingangrid.system.NotFoundException notFound(long id) {
        return new cn.pingangrid.system.NotFoundException("没有编号为 " + id + " 的边界段");
    }
}
