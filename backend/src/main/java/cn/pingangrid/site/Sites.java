package cn.pingangrid.site;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.AreaScope;

/**
 * Sites and their inspections. Every read takes the caller's {@link AreaScope} and applies it in the query: a
 * site is visible when its village is one of the caller's villages or its grid one of the caller's grids.
 */
@Repository
@Transactional(readOnly = true)
public class Sites {

    private final EntityManager em;

    Sites(EntityManager em) {
        this.em = em;
    }

    /** Filters of a site list; null means "any". */
    record Query(Set<SiteKind> kinds, Set<SiteStatus> statuses, String villageCode, Polygon bbox) {
    }

    List<SafetySite> list(Query query, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        scope(where, params, scope);
        if (query.kinds() != null && !query.kinds().isEmpty()) {
            where.append(" and s.kind in :kinds");
            params.put("kinds", query.kinds());
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            where.append(" and s.status in :statuses");
            params.put("statuses", query.statuses());
        }
        if (query.villageCode() != null) {
            where.append(" and s.villageCode = :village");
            params.put("village", query.villageCode());
        }
        if (query.bbox() != null) {
            where.append(" and st_intersects(s.geom, :bbox) = true");
            params.put("bbox", query.bbox());
        }
        TypedQuery<SafetySite> q = em.createQuery("select s from SafetySite s" + where + " order by s.id",
                SafetySite.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** A site whose inspection falls due, for other modules' plans (patrol stops); {@code point} is on the site. */
    public record SiteDue(long id, String kind, String kindName, String name, String status, String statusName,
            String villageCode, String gridCode, org.locationtech.jts.geom.Point point, LocalDate nextInspectionDue,
            String lastInspectionNote) {
    }

    /**
     * The sites in {@code scope} whose next inspection is due on or before {@code by} (so overdue ones too), by due
     * date; each with a point on it (a polygon's interior point) and the note of its latest inspection.
     */
    public List<SiteDue> inspectionsDueBy(LocalDate by, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where s.nextInspectionDue <= :by");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("by", by);
        scope(where, params, scope);
        TypedQuery<SafetySite> q = em.createQuery("select s from SafetySite s" + where
                + " order by s.nextInspectionDue, s.id", SafetySite.class);
        params.forEach(q::setParameter);
        return q.getResultList().stream().map(s -> {
            List<SiteInspection> done = inspections(s.getId());
            org.locationtech.jts.geom.Point point = s.getGeom() instanceof org.locationtech.jts.geom.Point p
                    ? (org.locationtech.jts.geom.Point) p.copy() : s.getGeom().getInteriorPoint();
            point.setSRID(4326);
            return new SiteDue(s.getId(), s.getKind().name(), s.getKind().label(), s.getName(), s.getStatus().name(),
                    s.getStatus().label(), s.getVillageCode(), s.getGridCode(), point, s.getNextInspectionDue(),
                    done.isEmpty() ? null : done.get(0).getNote());
        }).toList();
    }

    /** A site by id if the caller's area holds it. */
    Optional<SafetySite> find(long id, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where s.id = :id");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        scope(where, params, scope);
        TypedQuery<SafetySite> q = em.createQuery("select s from SafetySite s" + where, SafetySite.class);
        params.forEach(q::setParameter);
        return q.getResultStream().findFirst();
    }

    List<SiteInspection> inspections(long siteId) {
        return em.createQuery("select i from SiteInspection i where i.siteId = :id order by i.inspectedOn desc, i.id desc",
                SiteInspection.class).setParameter("id", siteId).getResultList();
    }

    @Transactional
    SafetySite save(SafetySite site) {
        em.persist(site);
        return site;
    }

    @Transactional
    SiteInspection save(SiteInspection inspection) {
        em.persist(inspection);
        return inspection;
    }

    /** Changes a visible site in one transaction; a foreign or unknown id is a 404. */
    @Transactional
    SafetySite change(long id, AreaScope scope, java.util.function.Consumer<SafetySite> change) {
        SafetySite site = find(id, scope).orElseThrow(() -> notFound(id));
        change.accept(site);
        return site;
    }

    /** Records an inspection of a visible site in one transaction. */
    @Transactional
    SiteInspection inspect(long id, AreaScope scope,
            java.util.function.Function<SafetySite, SiteInspection> inspection) {
        SafetySite site = find(id, scope).orElseThrow(() -> notFound(id));
        SiteInspection recorded = inspection.apply(site);
        em.persist(recorded);
        return recorded;
    }

    static cn.pingangrid.system.NotFoundException notFound(long id) {
        return new cn.pingangrid.system.NotFoundException("没有编号为 " + id + " 的平安创建点位");
    }

    long count() {
        return em.createQuery("select count(s) from SafetySite s", Long.class).getSingleResult();
    }

    /** Per village (in the caller's area): site counts by kind and status and the overdue inspections. */
    List<Object[]> countsByVillageKindStatus(String villageCode, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        scope(where, params, scope);
        if (villageCode != null) {
            where.append(" and s.villageCode = :village");
            params.put("village", villageCode);
        }
        TypedQuery<Object[]> q = em.createQuery("select s.villageCode, s.kind, s.status, count(s) from SafetySite s"
                + where + " group by s.villageCode, s.kind, s.status", Object[].class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    List<Object[]> overdueByVillage(String villageCode, LocalDate today, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where s.nextInspectionDue < :today");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", today);
        scope(where, params, scope);
        if (villageCode != null) {
            where.append(" and s.villageCode = :village");
            params.put("village", villageCode);
        }
        TypedQuery<Object[]> q = em.createQuery("select s.villageCode, count(s) from SafetySite s" + where
                + " group by s.villageCode", Object[].class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    private static void scope(StringBuilder where, Map<String, Object> params, AreaScope scope) {
        if (!scope.wholeTown()) {
            where.append(" and (s.villageCode in :scopeVillages or s.gridCode in :scopeGrids)");
            params.put("scopeVillages", nonEmpty(scope.villages()));
            params.put("scopeGrids", nonEmpty(scope.grids()));
        }
    }

    /** {@code in ()} is not valid SQL everywhere; a code that never exists stands for "none". */
    private static Set<String> nonEmpty(Set<String> codes) {
        return codes.isEmpty() ? Set.of("-") : codes;
    }
}
