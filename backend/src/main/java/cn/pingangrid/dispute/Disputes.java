package cn.pingangrid.dispute;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Repository;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.scope.ScopedQuery;

/** The register. Every read is cut to the caller's scope in the query by {@link ScopedQueries}. */
@Repository
class Disputes {

    /** Radius of the duplicate hint. */
    static final double DUPLICATE_RADIUS_METERS = 200;

    private final ScopedQueries queries;

    Disputes(ScopedQueries queries) {
        this.queries = queries;
    }

    Dispute add(Dispute dispute) {
        return queries.add(dispute);
    }

    /** A query over the disputes the caller sees (alias {@code d}), to narrow further. */
    ScopedQuery<Dispute> query() {
        return queries.from(Dispute.class, "d");
    }

    Optional<Dispute> find(long id) {
        return queries.find(Dispute.class, id);
    }

    List<Dispute> list(ScopedQuery<Dispute> query, int limit) {
        return query.orderBy("d.sweptOn desc, d.id desc").list(limit);
    }

    /** Per {@code path} ({@code d.gridCode} or {@code d.villageCode}): code, count, open count, overdue count. */
    List<Object[]> countsBy(ScopedQuery<Dispute> query, String path) {
        return query.select(path + ", count(d), sum(case when d.status in :concluded then 0 else 1 end), "
                + "sum(case when d.overdue = true then 1 else 0 end)", "group by " + path + " order by " + path,
                Object[].class, Map.of("concluded", DisputeStatus.CONCLUDED));
    }

    /**
     * 重复提示: open disputes of {@code type} within {@value #DUPLICATE_RADIUS_METERS} m of {@code point} that arose
     * on or after {@code since}, nearest first. A box around the point is the indexed filter in the database; the
     * exact distance is measured in EPSG:4546 metres.
     */
    List<Nearby> openNearby(Point point, DisputeType type, LocalDate since, Long excludeId) {
        double dLat = DUPLICATE_RADIUS_METERS / 111_000.0 * 1.2;
        double dLng = dLat / Math.cos(Math.toRadians(point.getY()));
        Envelope box = new Envelope(point.getX() - dLng, point.getX() + dLng, point.getY() - dLat,
                point.getY() + dLat);
        ScopedQuery<Dispute> query = query().intersects("d.location", Wgs84.FACTORY.toGeometry(box))
                .equal("d.type", type).between("d.occurredOn", since, null).in("d.status", DisputeStatus.OPEN);
        Point metric = (Point) MetricProjection.toMetric(point);
        return list(query, 50).stream().filter(d -> excludeId == null || !excludeId.equals(d.getId()))
                .map(d -> new Nearby(d, MetricProjection.toMetric(d.getLocation()).distance(metric)))
                .filter(n -> n.distanceMeters() <= DUPLICATE_RADIUS_METERS)
                .sorted(java.util.Comparator.comparingDouble(Nearby::distanceMeters)).toList();
    }

    record Nearby(Dispute dispute, double distanceMeters) {
    }

    /** Open, not yet marked overdue, deadline before {@code today}: the overdue job's work (on its own path). */
    List<Dispute> pastDeadline(LocalDate today) {
        return query().equal("d.overdue", false).in("d.status", DisputeStatus.OPEN)
                .where("d.deadline < :today", Map.of("today", today)).orderBy("d.id").list();
    }

    void flushAndClear() {
        queries.flushAndClear();
    }

    long count() {
        return query().count();
    }
}
