package cn.pingangrid.border;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.AreaScope;

/**
 * Border segments, cut to the caller's area in the query: a segment is visible when one of the villages along it
 * is visible to the caller.
 */
@Repository
@Transactional(readOnly = true)
public class BorderSegments {

    private final EntityManager em;

    BorderSegments(EntityManager em) {
        this.em = em;
    }

    List<BorderSegment> list(SegmentKind kind, AreaScope scope) {
        StringBuilder jpql = new StringBuilder("select s from BorderSegment s where 1 = 1");
        if (kind != null) {
            jpql.append(" and s.kind = :kind");
        }
        if (!scope.wholeTown()) {
            jpql.append(" and exists (select 1 from BorderSegment o join o.villageCodes v where o = s and v in :scope)");
        }
        TypedQuery<BorderSegment> q = em.createQuery(jpql + " order by s.kind, s.id", BorderSegment.class);
        if (kind != null) {
            q.setParameter("kind", kind);
        }
        if (!scope.wholeTown()) {
            q.setParameter("scope", nonEmpty(scope.visibleVillages()));
        }
        return q.getResultList();
    }

    /** A border segment's line and zone, for other modules' plans (patrol checkpoints, border kilometres). */
    public record BorderLine(long id, SegmentKind kind, String name, String neighbourName, boolean countyBorder,
            Set<String> villageCodes, org.locationtech.jts.geom.MultiLineString line,
            org.locationtech.jts.geom.Geometry zone) {
    }

    /** The segments of {@code kind} (null: all) in {@code scope}, as {@link BorderLine}s. */
    public List<BorderLine> lines(SegmentKind kind, AreaScope scope) {
        return list(kind, scope).stream().map(BorderSegment::asLine).toList();
    }

    Optional<BorderSegment> find(long id, AreaScope scope) {
        return list(null, scope).stream().filter(s -> s.getId() == id).findFirst();
    }

    long count() {
        return em.createQuery("select count(s) from BorderSegment s", Long.class).getSingleResult();
    }

    @Transactional
    void saveAll(List<BorderSegment> segments) {
        segments.forEach(em::persist);
    }

    /** Changes the zone width of a visible segment in one transaction. */
    @Transactional
    BorderSegment changeWidth(long id, int meters, java.time.Instant now) {
        BorderSegment segment = em.find(BorderSegment.class, id);
        if (segment == null) {
            throw notFound(id);
        }
        segment.changeZoneWidth(meters, now);
        return segment;
    }

    static cn.pingangrid.system.NotFoundException notFound(long id) {
        return new cn.pingangrid.system.NotFoundException("没有编号为 " + id + " 的边界段");
    }

    private static Set<String> nonEmpty(Set<String> codes) {
        return codes.isEmpty() ? Set.of("-") : codes;
    }
}
