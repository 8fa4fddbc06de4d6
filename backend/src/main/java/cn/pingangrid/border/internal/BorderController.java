package cn.pingangrid.border.internal;

import java.time.Clock;
import java.util.List;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.locationtech.jts.geom.Point;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Objects;
import cn.pingangrid.area.AreaNames;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureCollection;
import cn.pingangrid.geo.InputCrs;
import cn.pingangrid.system.CodeName;
import cn.pingangrid.system.Coded;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.system.RoleNotAllowedException;
import cn.pingangrid.border.SegmentKind;

/** Border segments and their sensitive zones; the town office sets a zone's width; the cross-border check. */
@RestController
@RequestMapping(path = "/api", produces = { "application/geo+json", "application/json" })
class BorderController {

    /** What the town office changes on a segment: whether it is sensitive, its zone width; either or both. */
    record ZoneChange(Boolean sensitive,
            @Min(BorderSegment.MIN_WIDTH_M) @Max(BorderSegment.MAX_WIDTH_M) Integer zoneWidthM) {
    }

    private final Segments segments;
    private final Areas areas;
    private final AuditTrail audit;
    private final Clock clock;
    private final CrossBorderDisputes crossBorder;

    BorderController(Segments segments, Areas areas, AuditTrail audit, Clock clock,
            CrossBorderDisputes crossBorder) {
        this.crossBorder = crossBorder;
        this.segments = segments;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    /** The segments as lines: the town border by neighbour ({@code kind=TOWN}) and village boundaries (VILLAGE). */
    @GetMapping("/border-segments")
    FeatureCollection segments(@RequestParam(required = false) String kind) {
        return FeatureCollection.of(segments.list(kind(kind)).stream()
                .map(BorderSegment::toLineFeature).toList());
    }

    /**
     * The sensitive zones (the town border's, and the village boundaries the town office marked): a polygon per
     * segment, the area within its width of the line, with
     * {@code disputeCount}: the disputes the caller sees inside it that arose in {@code from}..{@code to}.
     */
    @GetMapping("/border-zones")
    FeatureCollection zones(@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        List<BorderSegment> visible = segments.list(kind(kind)).stream().filter(BorderSegment::isSensitive).toList();
        Map<Long, Integer> counts = crossBorder.countsByZone(visible, date("from", from), date("to", to));
        return FeatureCollection.of(visible.stream().map(s -> {
            Feature zone = s.toZoneFeature();
            zone.properties().put("disputeCount", counts.get(s.getId()));
            return zone;
        }).toList());
    }

    /**
     * The cross-border disputes (inside a zone) the caller sees, each with the villages it concerns and the
     * neighbouring jurisdictions; with {@code village}, those concerning that village (on either side).
     */
    @GetMapping(path = "/cross-border-disputes", produces = "application/json")
    List<CrossBorderDispute> crossBorderDisputes(@RequestParam(required = false) String village,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return crossBorder.list(village == null || village.isBlank() ? null : village.strip(), date("from", from),
                date("to", to)).stream().map(f -> {
                    CrossBorderAnswer a = answer(f.result(), f.dispute().villageCode());
                    return new CrossBorderDispute(a.villageCode(), a.crossBorder(), a.villages(), a.neighbours(),
                            a.segments(), a.segmentNames(), f.dispute().id(), f.dispute().type(),
                            f.dispute().status(), String.valueOf(f.dispute().occurredOn()),
                            String.valueOf(f.dispute().sweptOn()), f.dispute().location().getX(),
                            f.dispute().location().getY());
                }).toList();
    }

    @PatchMapping("/border-segments/{id}")
    Feature change(@PathVariable long id, @Valid @RequestBody ZoneChange request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals("ROLE_TOWN_OFFICE"))) {
            throw new RoleNotAllowedException("只有综治办可以划定敏感边界区域");
        }
        segments.find(id).orElseThrow(() -> Segments.notFound(id));
        if (request.zoneWidthM() == null && request.sensitive() == null) {
            throw new InvalidInputException("zoneWidthM", "缺少敏感区宽度（米）或是否敏感");
        }
        BorderSegment segment = segments.change(id, request.sensitive(), request.zoneWidthM(), clock.instant());
        audit.record("BORDER_ZONE_CHANGE", "border-segment", String.valueOf(id),
                (segment.isSensitive() ? "敏感" : "不敏感") + "，" + segment.getZoneWidthM() + " m");
        return segment.toZoneFeature();
    }

    /**
     * Whether a point lies in a sensitive border zone, and whom it concerns (its own village, both villages of a
     * village boundary, the neighbouring jurisdiction of the town border). A point outside the caller's area is 404.
     */
    @GetMapping(path = "/border-check", produces = "application/json")
    CrossBorderAnswer check(@RequestParam double lng, @RequestParam double lat,
            @RequestParam(required = false) String crs) {
        Point point = InputCrs.parse("crs", crs).toStoredPoint(lng, lat);
        GridRef grid = areas.gridAt(point).orElseThrow(() -> new NotFoundException("该点不在您负责的区域内"));
        CrossBorderCheck.Result result = new CrossBorderCheck(segments.sensitiveZonesAt(point)).check(point,
                grid.villageCode());
        return answer(result, grid.villageCode());
    }

    /** Whether a point is cross-border and whom it concerns: its village, the villages and neighbours named. */
    record CrossBorderAnswer(String villageCode, boolean crossBorder, List<CodeName> villages,
            List<String> neighbours, List<Long> segments, List<String> segmentNames) {
    }

    /** A cross-border dispute: the same answer for its place, and the dispute's id, codes, dates and position. */
    record CrossBorderDispute(String villageCode, boolean crossBorder, List<CodeName> villages,
            List<String> neighbours, List<Long> segments, List<String> segmentNames, long id, String type,
            String status, String occurredOn, String sweptOn, double lng, double lat) {
    }

    private CrossBorderAnswer answer(CrossBorderCheck.Result result, String villageCode) {
        AreaNames names = areas.names();
        return new CrossBorderAnswer(villageCode, result.crossBorder(), result.villageCodes().stream()
                .map(code -> new CodeName(code, Objects.requireNonNullElse(names.villageName(code), code))).toList(),
                result.neighbours(), result.segmentIds(), result.segmentNames());
    }

    private static java.time.LocalDate date(String field, String text) {
        return cn.pingangrid.system.Dates.parseOptional(field, text);
    }

    private static SegmentKind kind(String kind) {
        return Coded.parseOptional(SegmentKind.class, "kind", kind);
    }
}
