package cn.pingangrid.dispute;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Repository;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;

/** The register. Every read for a request is cut to the caller's scope in the query. */
@Repository
class Disputes {

    /** Radius of the duplicate hint. */
    static final double DUPLICATE_RADIUS_METERS = 200;

    private final EntityManager em;

    Disputes(EntityManager em) {
        this.em = em;
    }

    Dispute add(Dispute dispute) {
        em.persist(dispute);
        return dispute;
    }

    /** The dispute a user stored under an idempotency key, if they did. */
    Optional<Long> storedUnder(String username, String key) {
        List<?> ids = em.createNativeQuery("select dispute_id from dispute_idempotency"
                + " where username = :username and idempotency_key = :key")
                .setParameter("username", username).setParameter("key", key).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /**
     * Files {@code dispute} under the user's key, at once: the primary key (username, key) makes a concurrent
     * request with the same key wait for this transaction and then fail, so one record is stored.
     */
    void claim(String username, String key, Dispute dispute, java.time.Instant at) {
        em.flush();
        em.createNativeQuery("insert into dispute_idempotency (username, idempotency_key, dispute_id, village_code,"
                + " grid_code, created_at) values (:username, :key, :id, :village, :grid, :at)")
                .setParameter("username", username).setParameter("key", key).setParameter("id", dispute.getId())
                .setParameter("village", dispute.getVillageCode()).setParameter("grid", dispute.getGridCode())
                .setParameter("at", java.sql.Timestamp.from(at)).executeUpdate();
    }

    /** Replaces the dispute's photo (one per dispute). */
    void savePhoto(Dispute dispute, String contentType, byte[] bytes, String username, java.time.Instant at) {
        em.createNativeQuery("delete from dispute_photo where dispute_id = :id").setParameter("id", dispute.getId())
                .executeUpdate();
        em.createNativeQuery("insert into dispute_photo (dispute_id, village_code, grid_code, content_type, bytes,"
                + " created_by, created_at) values (:id, :village, :grid, :type, :bytes, :by, :at)")
                .setParameter("id", dispute.getId()).setParameter("village", dispute.getVillageCode())
                .setParameter("grid", dispute.getGridCode()).setParameter("type", contentType)
                .setParameter("bytes", bytes).setParameter("by", username)
                .setParameter("at", java.sql.Timestamp.from(at)).executeUpdate();
    }

    /** The photo of a dispute the caller may read (found through {@link #find}): content type and bytes. */
    Optional<Object[]> photo(long disputeId) {
        List<?> rows = em.createNativeQuery("select content_type, bytes from dispute_photo where dispute_id = :id")
                .setParameter("id", disputeId).getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r);
    }

    boolean hasPhoto(long disputeId) {
        return !em.createNativeQuery("select 1 from dispute_photo where dispute_id = :id")
                .setParameter("id", disputeId).getResultList().isEmpty();
    }

    Optional<Dispute> find(long id, CurrentUser user) {
        return DisputeFilter.scopedTo(user).equal("d.id", id).list(em, 1).stream().findFirst();
    }

    List<Dispute> list(DisputeFilter filter, int limit) {
        return filter.list(em, limit);
    }

    /** Per {@code path} ({@code d.gridCode} or {@code d.villageCode}): code, count, open count, overdue count. */
    List<Object[]> countsBy(DisputeFilter filter, String path) {
        return filter.query(em, "select " + path + ", count(d), "
                + "sum(case when d.status in :concluded then 0 else 1 end), "
                + "sum(case when d.overdue = true then 1 else 0 end)", "group by " + path + " order by " + path,
                Object[].class).setParameter("concluded", DisputeStatus.CONCLUDED).getResultList();
    }

    /**
     * 重复提示: open disputes of {@code type} within {@value #DUPLICATE_RADIUS_METERS} m of {@code point} that arose
     * on or after {@code since}, nearest first. A box around the point is the indexed filter in the database; the
     * exact distance is measured in EPSG:4546 metres.
     */
    List<Nearby> openNearby(Point point, DisputeType type, LocalDate since, CurrentUser user, Long excludeId) {
        double dLat = DUPLICATE_RADIUS_METERS / 111_000.0 * 1.2;
        double dLng = dLat / Math.cos(Math.toRadians(point.getY()));
        Envelope box = new Envelope(point.getX() - dLng, point.getX() + dLng, point.getY() - dLat,
                point.getY() + dLat);
        DisputeFilter filter = DisputeFilter.scopedTo(user).intersects(Wgs84.FACTORY.toGeometry(box))
                .equal("d.type", type).between("d.occurredOn", since, null)
                .in("d.status", java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(DisputeStatus.CONCLUDED)));
        Point metric = (Point) MetricProjection.toMetric(point);
        return filter.list(em, 50).stream().filter(d -> excludeId == null || !excludeId.equals(d.getId()))
                .map(d -> new Nearby(d, MetricProjection.toMetric(d.getLocation()).distance(metric)))
                .filter(n -> n.distanceMeters() <= DUPLICATE_RADIUS_METERS)
                .sorted(java.util.Comparator.comparingDouble(Nearby::distanceMeters)).toList();
    }

    record Nearby(Dispute dispute, double distanceMeters) {
    }

    /** Open, not yet marked overdue, deadline before {@code today}: the overdue job's work (all of the town). */
    List<Dispute> pastDeadline(LocalDate today) {
        return DisputeFilter.unscoped().equal("d.overdue", false)
                .in("d.status", java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(DisputeStatus.CONCLUDED)))
                .where("d.deadline < :today", java.util.Map.of("today", today)).list(em, Integer.MAX_VALUE);
    }

    void flushAndClear() {
        em.flush();
        em.clear();
    }

    EntityManager entityManager() {
        return em;
    }

    long count() {
        return em.createQuery("select count(d) from Dispute d", Long.class).getSingleResult();
    }
}
