package cn.pingangrid.dispute.internal;

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
import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.dispute.DisputeType;

/** The register. Every read is cut to the caller's scope in the query by {@link ScopedQueries}. */
@Repository
class Disputes {

    /** Radius of the duplicate hint. */
    static final double DUPLICATE_RADIUS_METERS = 200;
    /** How many of the nearest candidates the duplicate hint shows at most. */
    static final int DUPLICATE_CANDIDATES = 50;
    private static final double METRES_PER_DEGREE_LAT = 111_000.0;

    private final ScopedQueries queries;

    Disputes(ScopedQueries queries) {
        this.queries = queries;
    }

    Dispute add(Dispute dispute) {
        return queries.add(dispute);
    }

    /** The dispute this user stored under an idempotency key, if they did (and may read it now). */
    Optional<Long> storedUnder(String username, String key) {
        return queries.from(DisputeIdempotency.class, "k").where("k.id.username = :username and k.id.key = :key",
                Map.of("username", username, "key", key)).first().map(DisputeIdempotency::disputeId);
    }

    /**
     * Files {@code dispute} under the user's key, at once: the primary key (username, key) makes a concurrent
     * request with the same key wait for this transaction and then fail (translated to a DataAccessException by
     * this repository), so one record is stored.
     */
    void claim(String username, String key, Dispute dispute, java.time.Instant at) {
        queries.add(new DisputeIdempotency(username, key, dispute, at));
        queries.flush();
    }

    /** Replaces the dispute's photo (one per dispute). */
    void savePhoto(Dispute dispute, String contentType, byte[] bytes, String username, java.time.Instant at) {
        queries.find(DisputePhoto.class, dispute.getId()).ifPresent(old -> {
            queries.remove(old);
            queries.flush();
        });
        queries.add(new DisputePhoto(dispute, contentType, bytes, username, at));
    }

    /** The photo of a dispute the caller may read. */
    Optional<DisputePhoto> photo(long disputeId) {
        return queries.find(DisputePhoto.class, disputeId);
    }

    boolean hasPhoto(long disputeId) {
        return queries.from(DisputePhoto.class, "ph").where("ph.disputeId = :id", Map.of("id", disputeId)).count() > 0;
    }

    /** A query over the disputes the caller sees (alias {@code d}), to narrow further. */
    ScopedQuery<Dispute> query() {
        return queries.from(Dispute.class, "d");
    }

    Optional<Dispute> find(long id) {
        return queries.find(Dispute.class, id);
    }

    /** The map's points, newest first, as a projection: no entity is loaded. */
    List<DisputePoint> points(ScopedQuery<Dispute> query, int limit) {
        return query.orderBy("d.sweptOn desc, d.id desc").page(0, limit).select(DisputePoint.SELECT, "",
                DisputePoint.class);
    }

    /**
     * Per {@code path} ({@code d.gridCode} or {@code d.villageCode}): code, count, open count, overdue count.
     * {@code count(*)}, not {@code count(d)} (the id): only the columns of V152's covering indexes are read.
     */
    List<Object[]> countsBy(ScopedQuery<Dispute> query, String path) {
        return query.select(path + ", count(*), sum(case when d.status in :concluded then 0 else 1 end), "
                + "sum(case when d.overdue = true then 1 else 0 end)", "group by " + path + " order by " + path,
                Object[].class, Map.of("concluded", DisputeStatus.CONCLUDED));
    }

    /**
     * 重复提示: open disputes of {@code type} within {@value #DUPLICATE_RADIUS_METERS} m of {@code point} that arose
     * on or after {@code since}, nearest first. A box around the point is the indexed filter; the database orders
     * the candidates by distance (degrees scaled to metres at the point's latitude, exact enough to rank within a
     * few hundred metres) and returns the nearest {@value #DUPLICATE_CANDIDATES}; the exact distance is then
     * measured in EPSG:4546 metres.
     */
    List<Nearby> openNearby(Point point, DisputeType type, LocalDate since, Long excludeId) {
        double dLat = DUPLICATE_RADIUS_METERS / METRES_PER_DEGREE_LAT * 1.2;
        double lngScale = Math.cos(Math.toRadians(point.getY()));
        double dLng = dLat / lngScale;
        Envelope box = new Envelope(point.getX() - dLng, point.getX() + dLng, point.getY() - dLat,
                point.getY() + dLat);
        ScopedQuery<Dispute> query = query().intersects("d.location", Wgs84.FACTORY.toGeometry(box))
                .equal("d.type", type).between("d.occurredOn", since, null).in("d.status", DisputeStatus.OPEN);
        if (excludeId != null) {
            query.where("d.id <> :excluded", Map.of("excluded", excludeId));
        }
        String x = "cast(st_x(d.location) as Double)";
        String y = "cast(st_y(d.location) as Double)";
        query.orderBy("(" + x + " - :nx) * (" + x + " - :nx) * :kx + (" + y + " - :ny) * (" + y + " - :ny), d.id",
                Map.of("nx", point.getX(), "ny", point.getY(), "kx", lngScale * lngScale));
        Point metric = (Point) MetricProjection.toMetric(point);
        return query.list(DUPLICATE_CANDIDATES).stream()
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
