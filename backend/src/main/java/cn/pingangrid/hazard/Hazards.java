package cn.pingangrid.hazard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.AreaScope;
import cn.pingangrid.hazard.HazardTerms.Category;
import cn.pingangrid.hazard.HazardTerms.Level;
import cn.pingangrid.hazard.HazardTerms.Status;
import cn.pingangrid.system.NotFoundException;

/** The hazard list, cut to the caller's area in every query (by village, or by grid for a grid manager). */
@Repository
@Transactional(readOnly = true)
public class Hazards {

    private final EntityManager em;

    Hazards(EntityManager em) {
        this.em = em;
    }

    record Query(Category category, Level level, Status status, Boolean overdue, LocalDate today) {
    }

    List<Hazard> list(Query query, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        scope(where, params, scope);
        add(where, params, "h.category = :category", "category", query.category());
        add(where, params, "h.level = :level", "level", query.level());
        add(where, params, "h.status = :status", "status", query.status());
        if (Boolean.TRUE.equals(query.overdue())) {
            where.append(" and h.status <> :resolved and h.reviewDue < :today");
            params.put("resolved", Status.RESOLVED);
            params.put("today", query.today());
        }
        TypedQuery<Hazard> q = em.createQuery("select h from Hazard h" + where + " order by h.reviewDue, h.id",
                Hazard.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    Optional<Hazard> find(long id, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where h.id = :id");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        scope(where, params, scope);
        TypedQuery<Hazard> q = em.createQuery("select h from Hazard h" + where, Hazard.class);
        params.forEach(q::setParameter);
        return q.getResultStream().findFirst();
    }

    long count() {
        return em.createQuery("select count(h) from Hazard h", Long.class).getSingleResult();
    }

    @Transactional
    Hazard save(Hazard hazard) {
        em.persist(hazard);
        return hazard;
    }

    @Transactional
    Hazard change(long id, AreaScope scope, Consumer<Hazard> change) {
        Hazard hazard = find(id, scope).orElseThrow(() -> notFound(id));
        change.accept(hazard);
        return hazard;
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("没有编号为 " + id + " 的风险隐患");
    }

    private static void add(StringBuilder where, Map<String, Object> params, String condition, String name,
            Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    private static void scope(StringBuilder where, Map<String, Object> params, AreaScope scope) {
        if (!scope.wholeTown()) {
            where.append(" and (h.villageCode in :scopeVillages or h.gridCode in :scopeGrids)");
            params.put("scopeVillages", nonEmpty(scope.villages()));
            params.put("scopeGrids", nonEmpty(scope.grids()));
        }
    }

    private static Set<String> nonEmpty(Set<String> codes) {
        return codes.isEmpty() ? Set.of("-") : codes;
    }
}
