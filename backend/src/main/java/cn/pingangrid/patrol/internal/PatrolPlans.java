package cn.pingangrid.patrol.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.scope.ScopedQuery;

/**
 * Patrol plans and tracks through {@link ScopedQueries}. A plan belongs to its village ({@code @AreaBound}); what the
 * annotation cannot say is the grid manager's rule — the plans whose route passes through one of their grids — so
 * every read of plans here narrows the grid manager's context (their grid's village) with st_intersects on the
 * route (indexed on PostGIS). Tracks are placed by their plan.
 */
@Repository
@Transactional(readOnly = true)
class PatrolPlans {

    /** At most this many plans per list (as before the scope moved into {@link ScopedQueries}). */
    static final int LIST_LIMIT = 500;

    private final ScopedQueries queries;
    private final Areas areas;

    PatrolPlans(ScopedQueries queries, Areas areas) {
        this.queries = queries;
        this.areas = areas;
    }

    List<PatrolPlan> list(LocalDate from, LocalDate to, String villageCode) {
        return plans().between("p.shiftDate", from, to).equal("p.villageCode", villageCode)
                .orderBy("p.shiftDate desc, p.id desc").list(LIST_LIMIT);
    }

    Optional<PatrolPlan> find(long id) {
        return plans().equal("p.id", id).first();
    }

    /**
     * The plans the caller may read: the scope's rows (for a grid manager, their grid's village as context),
     * narrowed for a grid manager to routes through their grids. Whole villages and the town are not narrowed.
     */
    private ScopedQuery<PatrolPlan> plans() {
        ScopedQuery<PatrolPlan> q = queries.from(PatrolPlan.class, "p");
        AreaScope scope = queries.scope();
        if (scope.wholeTown()) {
            return q;
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!scope.villages().isEmpty()) {
            any.add("p.villageCode in :ownVillages");
            params.put("ownVillages", scope.villages());
        }
        int k = 0;
        for (String gridCode : scope.grids()) {
            if (scope.coversVillage(AreaScope.villageOf(gridCode))) {
                continue; // the whole village is theirs anyway
            }
            Optional<GridRef> grid = areas.grid(gridCode);
            if (grid.isPresent()) {
                any.add("st_intersects(p.route, :ownGrid" + k + ") = true");
                params.put("ownGrid" + k, grid.get().boundary());
                k++;
            }
        }
        return q.where(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")", params);
    }

    @Transactional
    PatrolPlan save(PatrolPlan plan) {
        queries.add(plan);
        queries.flush();
        return plan;
    }

    @Transactional
    PatrolTrack save(PatrolTrack track) {
        return queries.add(track);
    }

    /** The tracks of a plan (the caller has read the plan through {@link #find} first). */
    List<PatrolTrack> tracks(long planId) {
        return queries.from(PatrolTrack.class, "t").equal("t.planId", planId).orderBy("t.id").list();
    }

    List<PatrolTrack> tracksBetween(LocalDate from, LocalDate to) {
        return queries.from(PatrolTrack.class, "t").where("t.planId in (select p.id from PatrolPlan p where "
                + "p.shiftDate >= :from and p.shiftDate <= :to)", Map.of("from", from, "to", to)).orderBy("t.id")
                .list();
    }
}
