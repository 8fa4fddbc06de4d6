package cn.pingangrid.border;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.ScopedQueries;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Geometry;

/**
 * Border segments through {@link ScopedQueries}: a segment is listed when one of the villages along it is visible to
 * the caller. Every zone, with the villages and neighbour it concerns, is public ({@link #allZones}).
 */
@Repository
@Transactional(readOnly = true)
public class BorderSegments {

    private final ScopedQueries queries;

    BorderSegments(ScopedQueries queries) {
        this.queries = queries;
    }

    List<BorderSegment> list(SegmentKind kind) {
        return queries.from(BorderSegment.class, "s").equal("s.kind", kind).orderBy("s.kind, s.id").list();
    }

    /** A border segment's line and zone, for other modules' plans (patrol checkpoints, border kilometres). */
    public record BorderLine(long id, SegmentKind kind, String name, String neighbourName, boolean countyBorder,
            Set<String> villageCodes, org.locationtech.jts.geom.MultiLineString line,
            org.locationtech.jts.geom.Geometry zone) {
    }

    /** The segments of {@code kind} (null: all) the caller sees, as {@link BorderLine}s. */
    public List<BorderLine> lines(SegmentKind kind) {
        return list(kind).stream().map(BorderSegment::asLine).toList();
    }

    Optional<BorderSegment> find(long id) {
        return queries.find(BorderSegment.class, id);
    }

    /** Every zone of the town, for deciding whether a point is cross-border (whoever asks, the zones are the same). */
    List<CrossBorderCheck.Zone> allZones() {
        Map<Long, Set<String>> villages = new HashMap<>();
        for (Object[] row : queries.publicElements(BorderSegment.class, "villageCodes")) {
            villages.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((String) row[1]);
        }
        return queries.publicColumns(BorderSegment.class, "id", "kind", "name", "neighbourName", "neighbourCounty",
                "zone").stream().map(r -> new CrossBorderCheck.Zone((Long) r[0], (SegmentKind) r[1], (String) r[2],
                        (String) r[3], (String) r[4], villages.getOrDefault((Long) r[0], Set.of()), (Geometry) r[5]))
                .toList();
    }

    /**
     * The sensitive zones of every segment of {@code kind}, whoever asks (the zones are public, see
     * {@link #allZones}): what a walked track's border kilometres are measured in.
     */
    public List<Geometry> zones(SegmentKind kind) {
        return allZones().stream().filter(z -> z.kind() == kind).map(CrossBorderCheck.Zone::zone).toList();
    }

    long count() {
        return queries.from(BorderSegment.class, "s").count();
    }

    @Transactional
    void saveAll(List<BorderSegment> segments) {
        queries.addAll(segments);
    }

    /** Changes the zone width of a segment the caller sees, in one transaction. */
    @Transactional
    BorderSegment changeWidth(long id, int meters, java.time.Instant now) {
        BorderSegment segment = find(id).orElseThrow(() -> notFound(id));
        segment.changeZoneWidth(meters, now);
        return segment;
    }

    static cn.pingangrid.system.NotFoundException notFound(long id) {
        return new cn.pingangrid.system.NotFoundException("没有编号为 " + id + " 的边界段");
    }
}
