package cn.pingangrid.hazard.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.scope.ScopedQuery;
import cn.pingangrid.hazard.internal.HazardTerms.Category;
import cn.pingangrid.hazard.internal.HazardTerms.Level;
import cn.pingangrid.hazard.internal.HazardTerms.Status;
import cn.pingangrid.system.NotFoundException;

/** The hazard list, through {@link ScopedQueries}: cut to the caller's village, or grid for a grid manager. */
@Repository
@Transactional(readOnly = true)
public class Hazards {

    private final ScopedQueries queries;

    Hazards(ScopedQueries queries) {
        this.queries = queries;
    }

    record Query(Category category, Level level, Status status, Boolean overdue, LocalDate today) {
    }

    List<Hazard> list(Query query) {
        ScopedQuery<Hazard> q = queries.from(Hazard.class, "h").equal("h.category", query.category())
                .equal("h.level", query.level()).equal("h.status", query.status());
        if (Boolean.TRUE.equals(query.overdue())) {
            q.where("h.status <> :resolved and h.reviewDue < :today",
                    Map.of("resolved", Status.RESOLVED, "today", query.today()));
        }
        return q.orderBy("h.reviewDue, h.id").list();
    }

    Optional<Hazard> find(long id) {
        return queries.find(Hazard.class, id);
    }

    long count() {
        return queries.from(Hazard.class, "h").count();
    }

    @Transactional
    Hazard save(Hazard hazard) {
        return queries.add(hazard);
    }

    @Transactional
    Hazard change(long id, Consumer<Hazard> change) {
        Hazard hazard = find(id).orElseThrow(() -> notFound(id));
        change.accept(hazard);
        return hazard;
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("没有编号为 " + id + " 的风险隐患");
    }
}
