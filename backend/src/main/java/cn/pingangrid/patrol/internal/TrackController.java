package cn.pingangrid.patrol.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.border.BorderSegments;
import cn.pingangrid.border.SegmentKind;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.system.RoleNotAllowedException;
import tools.jackson.databind.ObjectMapper;

/**
 * Walked tracks and coverage. The officer uploads the GPX of a shift of their village (the town office for any);
 * a refused file stores nothing (and the refusal is audited). The town office and leaders read the weekly table.
 */
@RestController
@RequestMapping(path = "/api/patrol", produces = "application/json")
class TrackController {

    /** One village's week: plans, stops planned and visited, border kilometres, hot-spot minutes. */
    record VillageWeek(String villageCode, String villageName, int plans, int tracks, int stopsPlanned,
            int stopsVisited, double visitRate, double borderKm, int hotspotMinutes, int hotspotMinutesPlanned,
            Double longestHotspotGapHours) {
    }

    record WeekTable(String week, String from, String to, List<VillageWeek> villages) {
    }

    record Upload(long trackId, long planId, TrackCoverage.Result coverage) {
    }

    private final PatrolController plansApi;
    private final PatrolPlanning planning;
    private final PatrolPlans plans;
    private final Areas areas;
    private final BorderSegments borders;
    private final PatrolProperties properties;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    TrackController(PatrolController plansApi, PatrolPlanning planning, PatrolPlans plans, Areas areas,
            BorderSegments borders, PatrolProperties properties, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.plansApi = plansApi;
        this.planning = planning;
        this.plans = plans;
        this.areas = areas;
        this.borders = borders;
        this.properties = properties;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/plans/{id}/tracks")
    @ResponseStatus(HttpStatus.CREATED)
    Upload upload(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        CurrentUser user = CurrentUser.current();
        if (!user.hasAny(Role.AUX_POLICE, Role.TOWN_OFFICE)) {
            throw new RoleNotAllowedException("只有辅警（本村）和综治办可以上传巡逻轨迹");
        }
        PatrolPlan plan = plansApi.find(id);
        if (!user.has(Role.TOWN_OFFICE) && !user.area().villages().contains(plan.getVillageCode())) {
            throw new RoleNotAllowedException("辅警只能上传本村的巡逻轨迹");
        }
        if (file.getSize() > properties.maxTrackSize().toBytes()) {
            audit.record("PATROL_TRACK_REFUSED", "patrol_plan", String.valueOf(id), "TOO_LARGE " + file.getSize());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "轨迹文件不能超过 " + properties.maxTrackSize().toMegabytes() + " MB");
            problem.setTitle("文件过大");
            problem.setProperty("fault", "TOO_LARGE");
            throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "请选择 GPX 文件");
        }
        Geometry town = areas.townBoundary().orElseThrow();
        WalkedTrack track;
        try {
            track = WalkedTrack.read(file.getBytes(), town, clock.instant());
        } catch (ErrorResponseException refused) {
            audit.record("PATROL_TRACK_REFUSED", "patrol_plan", String.valueOf(id),
                    String.valueOf(refused.getBody().getProperties() == null ? ""
                            : refused.getBody().getProperties().get("fault")));
            throw refused;
        }
        PlanView view = planning.read(plan);
        TrackCoverage.Result coverage = TrackCoverage.of(view, track, borderZones(), properties.visitRadiusM(),
                properties.visitMinDwellMinutes());
        PatrolTrack saved = plans.save(new PatrolTrack(id, plan.getVillageCode(), user.username(), clock.instant(),
                track.start(), track.end(), track.pointCount(), track.lngLat(), json.writeValueAsString(coverage)));
        audit.record("PATROL_TRACK_UPLOAD", "patrol_track", String.valueOf(saved.getId()), "plan " + id + ", "
                + track.pointCount() + " points, " + coverage.visited() + "/" + coverage.planned() + " stops");
        return new Upload(saved.getId(), id, coverage);
    }

    @GetMapping("/plans/{id}/tracks")
    List<Upload> tracks(@PathVariable long id) {
        plansApi.find(id);
        return plans.tracks(id).stream().map(t -> new Upload(t.getId(), id,
                json.readValue(t.getCoverage(), TrackCoverage.Result.class))).toList();
    }

    /** The weekly coverage table per village ({@code week} as 2026-W05; this week by default). */
    @GetMapping("/coverage")
    WeekTable week(@RequestParam(required = false) String week) {
        CurrentUser user = CurrentUser.current();
        if (!user.hasAny(Role.TOWN_OFFICE, Role.LEADER)) {
            throw new RoleNotAllowedException("巡逻覆盖周表仅供综治办和领导小组查看");
        }
        LocalDate monday;
        try {
            monday = week == null || week.isBlank()
                    ? LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    : cn.pingangrid.system.Dates.isoWeek("week", week);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("week", "周应写作 2026-W05");
        }
        cn.pingangrid.system.Dates.within("week", monday);
        LocalDate sunday = monday.plusDays(6);
        Map<String, List<PlanView>> plansByVillage = new TreeMap<>();
        for (PatrolPlan p : plans.list(monday, sunday, null)) {
            plansByVillage.computeIfAbsent(p.getVillageCode(), k -> new ArrayList<>()).add(planning.read(p));
        }
        Map<String, List<TrackCoverage.Result>> tracksByVillage = new TreeMap<>();
        for (PatrolTrack t : plans.tracksBetween(monday, sunday)) {
            tracksByVillage.computeIfAbsent(t.getVillageCode(), k -> new ArrayList<>())
                    .add(json.readValue(t.getCoverage(), TrackCoverage.Result.class));
        }
        List<VillageWeek> rows = new ArrayList<>();
        for (VillageRef v : areas.villages()) {
            List<PlanView> ps = plansByVillage.getOrDefault(v.code(), List.of());
            List<TrackCoverage.Result> ts = tracksByVillage.getOrDefault(v.code(), List.of());
            int planned = ts.stream().mapToInt(TrackCoverage.Result::planned).sum();
            int visited = ts.stream().mapToInt(TrackCoverage.Result::visited).sum();
            rows.add(new VillageWeek(v.code(), v.name(), ps.size(), ts.size(), planned, visited,
                    planned == 0 ? 0 : Math.round(1000.0 * visited / planned) / 1000.0,
                    Math.round(ts.stream().mapToDouble(TrackCoverage.Result::borderKm).sum() * 100) / 100.0,
                    ts.stream().mapToInt(TrackCoverage.Result::hotspotMinutes).sum(),
                    ts.stream().mapToInt(TrackCoverage.Result::hotspotMinutesPlanned).sum(),
                    longestHotspotGap(ts, monday, sunday)));
        }
        String label = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new WeekTable(label, monday.toString(), sunday.toString(), rows);
    }

    /**
     * The longest time, in hours, any hot spot of the village went without a visit over the week (from Monday 00:00
     * to Sunday 24:00, counting only visits recorded by tracks); null when the village had no hot-spot stops.
     */
    static Double longestHotspotGap(List<TrackCoverage.Result> tracks, LocalDate monday, LocalDate sunday) {
        Map<String, List<java.time.Instant>> visits = new TreeMap<>();
        for (TrackCoverage.Result t : tracks) {
            for (TrackCoverage.StopVisit s : t.stops()) {
                if ("HOTSPOT".equals(s.kind())) {
                    List<java.time.Instant> at = visits.computeIfAbsent(s.key(), k -> new ArrayList<>());
                    if (s.visited() && s.firstAt() != null) {
                        at.add(java.time.Instant.parse(s.firstAt()));
                    }
                }
            }
        }
        if (visits.isEmpty()) {
            return null;
        }
        java.time.Instant from = monday.atStartOfDay(RouteGpx.ZONE).toInstant();
        java.time.Instant to = sunday.plusDays(1).atStartOfDay(RouteGpx.ZONE).toInstant();
        double longest = 0;
        for (List<java.time.Instant> at : visits.values()) {
            List<java.time.Instant> sorted = new ArrayList<>(at);
            sorted.sort(null);
            java.time.Instant previous = from;
            for (java.time.Instant t : sorted) {
                longest = Math.max(longest, java.time.Duration.between(previous, t).toMinutes() / 60.0);
                previous = t;
            }
            longest = Math.max(longest, java.time.Duration.between(previous, to).toMinutes() / 60.0);
        }
        return Math.round(longest * 10) / 10.0;
    }

    private Geometry borderZones() {
        List<Geometry> zones = borders.zones(SegmentKind.TOWN); // public: the same for every uploader
        return zones.isEmpty() ? Wgs84.FACTORY.createGeometryCollection()
                : org.locationtech.jts.operation.union.UnaryUnionOp.union(zones);
    }
}
