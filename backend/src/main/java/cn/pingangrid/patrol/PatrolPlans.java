package cn.pingangrid.patrol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.AreaScope;
import cn.pingangrid.area.Geography;
import cn.pingangrid.area.Grid;

/**
 * Patrol plans and tracks, cut to the reader's area in the query: the whole town; the plans of their villages; for a
 * grid manager, the plans whose route passes through one of their grids (st_intersects, indexed on PostGIS).
 */
@Repository
@Transactional(readOnly = true)
class PatrolPlans {

    private final EntityManager em;
    private final Geography geography;

    PatrolPlans(EntityManager em, Geography geography) {
        this.em = em;
        this.geography = geography;
    }

    List<PatrolPlan> list(LocalDate from, LocalDate to, String villageCode, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!scope(where, params, scope)) {
            return List.of();
        }
        if (from != null) {
            where.append(" and p.shiftDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and p.shiftDate <= :to");
            params.put("to", to);
        }
        if (villageCode != null) {
            where.append(" and p.villageCode = :village");
            params.put("village", villageCode);
        }
        TypedQuery<PatrolPlan> q = em.createQuery("select p from PatrolPlan p" + where
                + " order by p.shiftDate desc, p.id desc", PatrolPlan.class).setMaxResults(500);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    Optional<PatrolPlan> find(long id, AreaScope scope) {
        StringBuilder where = new StringBuilder(" where p.id = :id");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        if (!scope(where, params, scope)) {
            return Optional.empty();
        }
        TypedQuery<PatrolPlan> q = em.createQuery("select p from PatrolPlan p" + where, PatrolPlan.class);
        params.forEach(q::setParameter);
        return q.getResultStream().findFirst();
    }

    /** Adds the scope to the query; false when the scope sees nothing. */
    private boolean scope(StringBuilder where, Map<String, Object> params, AreaScope scope) {
        if (scope.wholeTown()) {
            return true;
        }
        List<String> conditions = new ArrayList<>();
        if (!scope.villages().isEmpty()) {
            conditions.add("p.villageCode in :scopeVillages");
            params.put("scopeVillages", scope.villages());
        }
        int k = 0;
        for (String gridCode : scope.grids()) {
            Optional<Grid> grid = geography.grid(gridCode);
            if (grid.isPresent()) {
                Geometry boundary = grid.get().getBoundary();
                conditions.add("st_intersects(p.route, :scopeGrid" + k + ") = true");
                params.put("scopeGrid" + k, boundary);
                k++;
            }
        }
        if (conditions.isEmpty()) {
            return false;
        }
        where.append(" and (").append(String.join(" or ", conditions)).append(")");
        return true;
    }

    @Transactional
    PatrolPlan save(PatrolPlan plan) {
        em.persist(plan);
        em.flush();
        return plan;
    }

    @Transactional
    PatrolTrack save(PatrolTrack track) {
        em.persist(track);
        return track;
    }

    List<PatrolTrack> tracks(long planId) {
        return em.createQuery("select t from PatrolTrack t where t.planId = :plan order by t.id", PatrolTrack.class)
                .setParameter("plan", planId).getResultList();
    }

    List<PatrolTrack> tracksBetween(LocalDate from, LocalDate to) {
        return em.createQuery("select t from PatrolTrack t, PatrolPlan p where p.id = t.planId "
                + "and p.shiftDate >= :from and p.shiftDate <= :to order by t.id", PatrolTrack.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }
}
