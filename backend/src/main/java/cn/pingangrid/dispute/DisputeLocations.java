package cn.pingangrid.dispute;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.dispute.internal.Dispute;
import cn.pingangrid.dispute.internal.PersonalDataMask;
import cn.pingangrid.system.Coded;

/**
 * The dispute module's read API for other modules: the disputes inside an area that arose in a period, cut to the
 * caller's scope by {@link ScopedQueries}. The spatial predicate and the scope run in the database (indexed on
 * PostGIS).
 */
@Service
@Transactional(readOnly = true)
public class DisputeLocations {

    private final ScopedQueries queries;

    DisputeLocations(ScopedQueries queries) {
        this.queries = queries;
    }

    /**
     * Disputes whose point intersects {@code area} (SRID 4326) and that entered the register (排查时间, the one
     * period every view uses: map, zones, KPIs, exports) within {@code from}..{@code to} (both inclusive, either may
     * be null), ordered by id. {@code type} and {@code status}
     * are the stable codes (e.g. {@code LAND_FOREST}, {@code MEDIATING}).
     */
    public List<DisputeLocation> within(Geometry area, LocalDate from, LocalDate to) {
        return queries.from(Dispute.class, "d").intersects("d.location", area).between("d.sweptOn", from, to)
                .orderBy("d.id").list().stream().map(DisputeLocations::location).toList();
    }

    /**
     * For each area, the disputes inside it (as {@link #within}). One indexed query over the areas' joint extent,
     * then prepared geometries sort the candidates into areas, instead of one query per area.
     */
    public <K> Map<K, List<DisputeLocation>> withinEach(Map<K, ? extends Geometry> areas, LocalDate from,
            LocalDate to) {
        Map<K, List<DisputeLocation>> result = new LinkedHashMap<>();
        if (areas.isEmpty()) {
            return result;
        }
        Envelope extent = new Envelope();
        areas.values().forEach(area -> extent.expandToInclude(area.getEnvelopeInternal()));
        List<DisputeLocation> candidates = within(Wgs84.FACTORY.toGeometry(extent), from, to);
        areas.forEach((key, area) -> {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
            result.put(key, candidates.stream().filter(d -> prepared.intersects(d.location())).toList());
        });
        return result;
    }

    /** The disputes with these ids that {@code scope} sees (others are simply absent). */
    public List<DisputeLocation> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return queries.from(Dispute.class, "d").in("d.id", java.util.Set.copyOf(ids)).orderBy("d.id").list()
                .stream().map(DisputeLocations::location).toList();
    }

    /**
     * The open disputes the caller sees that are sensitive or overdue, by id, with masked parties: what a patrol
     * should pass by.
     */
    public List<WatchedDispute> openSensitiveOrOverdue() {
        return queries.from(Dispute.class, "d").in("d.status", DisputeStatus.OPEN)
                .where("(d.sensitive = true or d.overdue = true)", Map.of()).orderBy("d.id").list().stream()
                .map(d -> new WatchedDispute(d.getId(), d.getLocation(), d.getVillageCode(), d.getGridCode(),
                        d.getType().label(), d.getSeverity().name(), d.getSeverity().label(), d.getStatus().label(),
                        d.isSensitive(), d.isOverdue(), d.getDeadline(), d.getParties().stream()
                                .map(party -> PersonalDataMask.name(party.getName())
                                        + (party.getPhone() == null || party.getPhone().isBlank() ? ""
                                                : " " + PersonalDataMask.phone(party.getPhone())))
                                .toList()))
                .toList();
    }

    /** One row per dispute registered (排查时间) in {@code from}..{@code to} in {@code scope}: what KPIs count. */
    public List<DisputeOutcome> outcomes(LocalDate from, LocalDate to) {
        return queries.from(Dispute.class, "d").between("d.sweptOn", from, to).select(
                "new cn.pingangrid.dispute.DisputeOutcome(d.id, d.villageCode, d.status, d.level, d.resolvedLevel, "
                        + "d.overdue, d.sweptOn, d.resolvedOn, d.source)", "order by d.id", DisputeOutcome.class);
    }

    private static DisputeLocation location(Dispute d) {
        return new DisputeLocation(d.getId(), d.getLocation(), d.getVillageCode(), d.getGridCode(),
                d.getType().name(), d.getStatus().name(), d.getOccurredOn(), d.getSweptOn());
    }

    /**
     * The disputes registered (排查时间) in {@code from}..{@code to} (inclusive, either may be null) in the caller's
     * scope, with the dispute list's filters (stable codes or null; an unknown code is a 400 naming the parameter),
     * ordered by id: what hotspot analyses and the monthly pack count.
     */
    public List<DisputeSummary> sweptWithin(LocalDate from, LocalDate to, String type, String severity,
            String status, String village) {
        if (village != null && !village.isBlank() && !village.matches("\\d{12}")) {
            throw new cn.pingangrid.system.InvalidInputException("village", "村代码须为 12 位数字");
        }
        return queries.from(Dispute.class, "d").between("d.sweptOn", from, to)
                .equal("d.type", Coded.parseOptional(DisputeType.class, "type", type))
                .equal("d.severity", Coded.parseOptional(Severity.class, "severity", severity))
                .equal("d.status", Coded.parseOptional(DisputeStatus.class, "status", status))
                .equal("d.villageCode", village == null || village.isBlank() ? null : village)
                .orderBy("d.id").list().stream()
                .map(d -> new DisputeSummary(d.getId(), d.getLocation(), d.getVillageCode(), d.getGridCode(),
                        d.getType().name(), d.getSeverity().name(), d.getStatus().name(), d.getSweptOn(),
                        d.isSensitive(), d.isOverdue(), d.getResponsibleUnit(), d.getResponsiblePerson(),
                        d.getDeadline()))
                .toList();
    }
}
