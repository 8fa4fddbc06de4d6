package cn.pingangrid.dispute;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.locationtech.jts.geom.Geometry;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.area.AreaScope;

/**
 * A JPQL query over disputes (alias {@code d}) with optional conditions, each bound as a parameter. The caller's
 * scope is always one of them: grid, village or town area, or, for a mediator, the cases referred to their unit.
 */
final class DisputeFilter {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int next;

    static DisputeFilter scopedTo(CurrentUser user) {
        DisputeFilter filter = new DisputeFilter();
        filter.scope(user.area(), user.has(cn.pingangrid.account.Role.MEDIATOR) ? user.unit() : null);
        return filter;
    }

    static DisputeFilter scopedTo(AreaScope area) {
        DisputeFilter filter = new DisputeFilter();
        filter.scope(area, null);
        return filter;
    }

    /** Everything: for the system's own jobs (overdue marking), never for a request. */
    static DisputeFilter unscoped() {
        return new DisputeFilter();
    }

    private void scope(AreaScope area, String referralUnit) {
        if (area.wholeTown()) {
            return;
        }
        where("(d.villageCode in :scopeVillages or d.gridCode in :scopeGrids or d.referralUnit = :scopeUnit)",
                Map.of("scopeVillages", nonEmpty(area.villages()), "scopeGrids", nonEmpty(area.grids()),
                        "scopeUnit", referralUnit == null || referralUnit.isBlank() ? "-" : referralUnit));
    }

    DisputeFilter equal(String path, Object value) {
        if (value != null) {
            String name = "p" + next++;
            where(path + " = :" + name, Map.of(name, value));
        }
        return this;
    }

    DisputeFilter in(String path, Set<?> values) {
        if (values != null && !values.isEmpty()) {
            String name = "p" + next++;
            where(path + " in :" + name, Map.of(name, values));
        }
        return this;
    }

    DisputeFilter between(String path, LocalDate from, LocalDate to) {
        if (from != null) {
            String name = "p" + next++;
            where(path + " >= :" + name, Map.of(name, from));
        }
        if (to != null) {
            String name = "p" + next++;
            where(path + " <= :" + name, Map.of(name, to));
        }
        return this;
    }

    DisputeFilter intersects(Geometry geometry) {
        if (geometry != null) {
            String name = "p" + next++;
            where("st_intersects(d.location, :" + name + ") = true", Map.of(name, geometry));
        }
        return this;
    }

    DisputeFilter where(String condition, Map<String, Object> values) {
        where.append(where.isEmpty() ? " where " : " and ").append(condition);
        parameters.putAll(values);
        return this;
    }

    <T> TypedQuery<T> query(EntityManager em, String select, String tail, Class<T> type) {
        TypedQuery<T> query = em.createQuery(select + " from Dispute d" + where + " " + tail, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    List<Dispute> list(EntityManager em, int limit) {
        return query(em, "select d", "order by d.sweptOn desc, d.id desc", Dispute.class).setMaxResults(limit)
                .getResultList();
    }

    /** {@code in ()} is not valid SQL everywhere; a code that never exists stands for "none". */
    private static Set<String> nonEmpty(Set<String> codes) {
        return codes.isEmpty() ? Set.of("-") : codes;
    }
}
