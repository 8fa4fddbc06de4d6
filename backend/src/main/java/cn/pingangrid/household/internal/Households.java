package cn.pingangrid.household.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.scope.ScopedQuery;
import cn.pingangrid.system.NotFoundException;

/** Households through {@link ScopedQueries}: a household is visible when its village or grid is the caller's. */
@Repository
@Transactional(readOnly = true)
class Households {

    private final ScopedQueries queries;

    Households(ScopedQueries queries) {
        this.queries = queries;
    }

    /** The filters of a list; null means "any". */
    record Query(String buildingCode, String gridCode, String villageCode) {
    }

    ScopedQuery<Household> query(Query q) {
        return queries.from(Household.class, "h").equal("h.buildingCode", q.buildingCode())
                .equal("h.gridCode", q.gridCode()).equal("h.villageCode", q.villageCode());
    }

    /** Households with a member (now, or in a move) whose ID number has this blind index. */
    ScopedQuery<Household> withIdIndex(ScopedQuery<Household> query, String index) {
        return query.where("(h.id in (select h2.id from Household h2 join h2.members m where m.idNumberIndex = :ix)"
                + " or h.id in (select h3.id from Household h3 join h3.moves v where v.person.idNumberIndex = :ix))",
                Map.of("ix", index));
    }

    Optional<Household> find(long id) {
        return queries.find(Household.class, id);
    }

    Household get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("没有编号为 " + id + " 的户档案（或不在您负责的区域）");
    }

    /** Per building: households and members, in the caller's area. */
    List<Object[]> countsByBuilding(Query q) {
        return query(q).select("h.buildingCode, count(h), sum(h.memberCount)", "group by h.buildingCode "
                + "order by h.buildingCode", Object[].class);
    }

    long count() {
        return queries.from(Household.class, "h").count();
    }

    @Transactional
    Household add(Household household) {
        return queries.add(household);
    }

    @Transactional
    void addAll(List<Household> households) {
        queries.addAll(households);
        queries.flush();
    }

    /** One batch of households after {@code afterId}, by id (for the key rotation, on its unscoped path). */
    List<Household> batchAfter(long afterId, int size) {
        return queries.from(Household.class, "h").where("h.id > :after", Map.of("after", afterId))
                .orderBy("h.id").list(size);
    }

    void flushAndClear() {
        queries.flushAndClear();
    }
}
