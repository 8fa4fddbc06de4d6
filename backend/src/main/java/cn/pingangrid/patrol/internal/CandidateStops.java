package cn.pingangrid.patrol.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.border.BorderSegments;
import cn.pingangrid.border.BorderSegments.BorderLine;
import cn.pingangrid.border.SegmentKind;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.dispute.WatchedDispute;
import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.site.Sites;
import cn.pingangrid.patrol.HotspotStops;

/**
 * The candidate stops of a village for a shift's date, read through the other modules' public APIs: 平安创建
 * sites whose inspection falls due by the end of that ISO week (overdue ones too); checkpoints where roads cross
 * the sensitive zone of the town and county border; open sensitive or overdue disputes; hot spots. Weights and
 * dwell come from {@link PatrolProperties}.
 */
@Component
class CandidateStops {

    /** A checkpoint this close to another village's boundary may be taken by either village's officer. */
    static final double SHARED_WITHIN_M = 200;

    private final Areas areas;
    private final Sites sites;
    private final DisputeLocations disputes;
    private final BorderSegments borders;
    private final HotspotStops hotspots;
    private final PatrolRoads roads;
    private final PatrolProperties properties;

    CandidateStops(Areas areas, Sites sites, DisputeLocations disputes, BorderSegments borders,
            ObjectProvider<HotspotStops> hotspots, PatrolRoads roads, PatrolProperties properties) {
        this.areas = areas;
        this.sites = sites;
        this.disputes = disputes;
        this.borders = borders;
        this.hotspots = hotspots.getIfAvailable(() -> HotspotStops.NONE);
        this.roads = roads;
        this.properties = properties;
    }

    /** Every candidate in the caller's area (the town office: the town), each with the villages that may take it. */
    List<Stop> forTown(LocalDate date) {
        List<VillageRef> villages = areas.villages();
        List<Sites.SiteDue> due = sitesDue(date);
        List<WatchedDispute> watched = disputes.openSensitiveOrOverdue();
        List<Stop> stops = new ArrayList<>();
        for (VillageRef village : villages) {
            stops.addAll(ownStops(village, date, due, watched));
        }
        stops.addAll(checkpoints(villages, null));
        return stops;
    }

    /**
     * The candidates of one village the caller sees: its own, plus the border checkpoints it shares. A checkpoint's
     * other owners are the neighbouring villages the caller sees (the town office: all; an officer: only their own).
     */
    List<Stop> forVillage(String villageCode, LocalDate date) {
        List<VillageRef> villages = areas.villages();
        VillageRef village = villages.stream().filter(v -> v.code().equals(villageCode)).findFirst().orElseThrow();
        List<Stop> stops = new ArrayList<>(ownStops(village, date, sitesDue(date),
                disputes.openSensitiveOrOverdue()));
        stops.addAll(checkpoints(villages, villageCode));
        return stops;
    }

    /** The sites in the caller's area whose inspection falls due by the end of the date's ISO week. */
    private List<Sites.SiteDue> sitesDue(LocalDate date) {
        return sites.inspectionsDueBy(date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
    }

    /**
     * The village's own stops among the sites due and the watched disputes read for the caller's area (read once,
     * so the town-wide plan does not query per village).
     */
    private List<Stop> ownStops(VillageRef village, LocalDate date, List<Sites.SiteDue> due,
            List<WatchedDispute> watched) {
        Set<String> own = Set.of(village.code());
        List<Stop> stops = new ArrayList<>();
        for (Sites.SiteDue site : due) {
            if (!village.code().equals(site.villageCode())) {
                continue;
            }
            boolean overdue = site.nextInspectionDue().isBefore(date);
            double weight = properties.weight(overdue ? "site-overdue" : "site-due")
                    + ("NOT_MET".equals(site.status()) ? properties.weight("site-not-met") : 0);
            List<String> checks = new ArrayList<>();
            checks.add("平安创建「" + site.name() + "」（" + site.kindName() + "）：当前" + site.statusName() + "，"
                    + (overdue ? "检查已逾期（应于 " + site.nextInspectionDue() + "）"
                            : "本周应检查（" + site.nextInspectionDue() + "）"));
            if ("NOT_MET".equals(site.status())) {
                checks.add("未达标：核实整改情况");
            }
            if (site.lastInspectionNote() != null && !site.lastInspectionNote().isBlank()) {
                checks.add("上次检查记录：" + site.lastInspectionNote());
            }
            stops.add(new Stop("SITE-" + site.id(), StopKind.SITE, site.name(), site.point(), weight,
                    properties.dwellSeconds(StopKind.SITE), own, checks, null));
        }
        for (WatchedDispute d : watched) {
            if (!village.code().equals(d.villageCode())) {
                continue;
            }
            double weight = Math.max(d.sensitive() ? properties.weight("dispute-sensitive") : 0,
                    d.overdue() ? properties.weight("dispute-overdue") : 0)
                    + ("MAJOR".equals(d.severity()) ? properties.weight("dispute-major") : 0);
            List<String> checks = new ArrayList<>();
            checks.add("矛盾纠纷 #" + d.id() + "（" + d.typeName() + "，" + d.severityName() + "，" + d.statusName() + "）"
                    + (d.sensitive() ? "，敏感" : "") + (d.overdue() ? "，已逾期" : ""));
            if (!d.maskedParties().isEmpty()) {
                checks.add("当事人：" + String.join("、", d.maskedParties()));
            }
            checks.add("走访当事人，了解有无激化苗头，及时报告");
            stops.add(new Stop("DISPUTE-" + d.id(), StopKind.DISPUTE, d.typeName() + "纠纷 #" + d.id(),
                    d.location(), weight, properties.dwellSeconds(StopKind.DISPUTE), own, checks, null));
        }
        for (HotspotStops.HotspotStop h : hotspots.stopsIn(village.boundary(), date)) {
            stops.add(new Stop("HOTSPOT-" + h.id(), StopKind.HOTSPOT, h.label(), h.point(), h.weight(),
                    properties.dwellSeconds(StopKind.HOTSPOT), own,
                    List.of("治安热点「" + h.label() + "」：驻留巡查，见警于民"), h.unit()));
        }
        return stops;
    }

    /**
     * Checkpoints on the town border's sensitive zones: on every road edge inside a zone, the point nearest the
     * border line (a crossing where the road crosses), thinned to one per {@code checkpoint-spacing-m}. Each goes to
     * the village it lies in, and to a neighbouring village within {@value #SHARED_WITHIN_M} m.
     */
    List<Stop> checkpoints(List<VillageRef> villages, String onlyVillage) {
        RoadNetwork network = roads.network();
        Map<String, Geometry> metricVillages = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        villages.forEach(v -> {
            metricVillages.put(v.code(), MetricProjection.toMetric(v.boundary()));
            names.put(v.code(), v.name());
        });
        List<Stop> stops = new ArrayList<>();
        for (BorderLine border : borders.lines(SegmentKind.TOWN)) {
            if (onlyVillage != null && !border.villageCodes().contains(onlyVillage)) {
                continue;
            }
            Geometry line = MetricProjection.toMetric(border.line());
            PreparedGeometry zone = PreparedGeometryFactory.prepare(MetricProjection.toMetric(border.zone()));
            List<Coordinate> picked = new ArrayList<>();
            // per road edge inside the zone: its point nearest the border line, nearest lines first
            List<Coordinate[]> nearest = new ArrayList<>();
            List<Double> distance = new ArrayList<>();
            List<RoadNetwork.Edge> inZone = network.edges().stream().filter(e -> zone.intersects(e.line()))
                    .sorted(Comparator.comparingLong(RoadNetwork.Edge::id)).toList();
            for (RoadNetwork.Edge edge : inZone) {
                Coordinate[] pair = DistanceOp.nearestPoints(edge.line(), line);
                nearest.add(pair);
                distance.add(pair[0].distance(pair[1]));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < inZone.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(distance::get));
            for (int i : order) {
                Coordinate c = nearest.get(i)[0];
                if (picked.stream().noneMatch(p -> p.distance(c) < properties.checkpointSpacingM())) {
                    picked.add(c);
                }
            }
            for (Coordinate c : picked) {
                Point metric = RoadNetwork.METRIC.createPoint(c);
                Set<String> owners = new TreeSet<>();
                metricVillages.forEach((code, boundary) -> {
                    if (boundary.distance(metric) <= SHARED_WITHIN_M) {
                        owners.add(code);
                    }
                });
                owners.retainAll(border.villageCodes().isEmpty() ? owners : border.villageCodes());
                if (owners.isEmpty() || (onlyVillage != null && !owners.contains(onlyVillage))) {
                    continue;
                }
                Point lngLat = (Point) MetricProjection.toLngLat(metric);
                lngLat = Wgs84.point(lngLat.getX(), lngLat.getY());
                String where = border.countyBorder() ? "县界" : "镇界";
                String key = "BORDER-" + border.id() + "-" + Math.round(c.x) + "-" + Math.round(c.y);
                List<String> checks = List.of("边界卡点（" + where + "，与" + border.neighbourName() + "交界）："
                        + "查看过往人员车辆、界桩和山林地界，了解跨界纠纷苗头");
                String ownerNames = owners.stream().map(names::get).reduce((a, b) -> a + "、" + b).orElse("");
                stops.add(new Stop(key, StopKind.BORDER, border.neighbourName() + "边界卡点（" + ownerNames + "）",
                        lngLat, properties.weight(border.countyBorder() ? "border-county" : "border-town"),
                        properties.dwellSeconds(StopKind.BORDER), owners, checks, null));
            }
        }
        return stops;
    }
}
