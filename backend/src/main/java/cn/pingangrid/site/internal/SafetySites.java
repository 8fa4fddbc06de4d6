package cn.pingangrid.site.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.site.Sites;

/**
 * The safety sites and their inspections, through {@link ScopedQueries}: a site is visible when its village is one of the
 * caller's villages or its grid one of the caller's grids; an inspection when its site is.
 */
@Repository
@Transactional(readOnly = true)
public class SafetySites {

    private final ScopedQueries queries;

    SafetySites(ScopedQueries queries) {
        this.queries = queries;
    }

    /** Filters of a site list; null means "any". */
    record Query(Set<SiteKind> kinds, Set<SiteStatus> statuses, String villageCode, Polygon bbox) {
    }

    List<SafetySite> list(Query query) {
        return queries.from(SafetySite.class, "s").in("s.kind", query.kinds()).in("s.status", query.statuses())
                .equal("s.villageCode", query.villageCode()).intersects("s.geom", query.bbox()).orderBy("s.id")
                .list();
    }

    /**
     * The sites the caller sees whose next inspection is due on or before {@code by} (so overdue ones too), by due
     * date; each with a point on it (a polygon's interior point) and the note of its latest inspection.
     */
    public List<Sites.SiteDue> inspectionsDueBy(LocalDate by) {
        return queries.from(SafetySite.class, "s").between("s.nextInspectionDue", null, by)
                .orderBy("s.nextInspectionDue, s.id").list().stream().map(this::due).toList();
    }

    private Sites.SiteDue due(SafetySite s) {
        List<SiteInspection> done = inspections(s.getId());
        org.locationtech.jts.geom.Point point = s.getGeom() instanceof org.locationtech.jts.geom.Point p
                ? (org.locationtech.jts.geom.Point) p.copy() : s.getGeom().getInteriorPoint();
        point.setSRID(4326);
        return new Sites.SiteDue(s.getId(), s.getKind().name(), s.getKind().label(), s.getName(), s.getStatus().name(),
                s.getStatus().label(), s.getVillageCode(), s.getGridCode(), point, s.getNextInspectionDue(),
                done.isEmpty() ? null : done.get(0).getNote());
    }

    /** A site by id if the caller's area holds it. */
    Optional<SafetySite> find(long id) {
        return queries.find(SafetySite.class, id);
    }

    List<SiteInspection> inspections(long siteId) {
        return queries.from(SiteInspection.class, "i").equal("i.siteId", siteId)
                .orderBy("i.inspectedOn desc, i.id desc").list();
    }

    @Transactional
    SafetySite save(SafetySite site) {
        return queries.add(site);
    }

    @Transactional
    SiteInspection save(SiteInspection inspection) {
        return queries.add(inspection);
    }

    /** Changes a visible site in one transaction; a foreign or unknown id is a 404. */
    @Transactional
    SafetySite change(long id, java.util.function.Consumer<SafetySite> change) {
        SafetySite site = find(id).orElseThrow(() -> notFound(id));
        change.accept(site);
        return site;
    }

    /** Records an inspection of a visible site in one transaction. */
    @Transactional
    SiteInspection inspect(long id, java.util.function.Function<SafetySite, SiteInspection> inspection) {
        SafetySite site = find(id).orElseThrow(() -> notFound(id));
        return queries.add(inspection.apply(site));
    }

    static cn.pingangrid.system.NotFoundException notFound(long id) {
        return new cn.pingangrid.system.NotFoundException("没有编号为 " + id + " 的平安创建点位");
    }

    long count() {
        return queries.from(SafetySite.class, "s").count();
    }

    /** Per village (in the caller's area): site counts by kind and status and the overdue inspections. */
    List<Object[]> countsByVillageKindStatus(String villageCode) {
        return queries.from(SafetySite.class, "s").equal("s.villageCode", villageCode)
                .select("s.villageCode, s.kind, s.status, count(s)", "group by s.villageCode, s.kind, s.status",
                        Object[].class);
    }

    List<Object[]> overdueByVillage(String villageCode, LocalDate today) {
        return queries.from(SafetySite.class, "s").where("s.nextInspectionDue < :today", Map.of("today", today))
                .equal("s.villageCode", villageCode).select("s.villageCode, count(s)", "group by s.villageCode",
                        Object[].class);
    }
}
