package cn.pingangrid.site.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.TownGeometries;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.dispute.DisputeLocation;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.geo.BoundingBox;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureCollection;
import cn.pingangrid.geo.InputCrs;
import cn.pingangrid.system.CodeName;
import cn.pingangrid.system.Coded;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.RoleNotAllowedException;
import cn.pingangrid.site.internal.SiteViews.InspectionView;
import cn.pingangrid.site.internal.SiteViews.LinkedDispute;
import cn.pingangrid.site.internal.SiteViews.Scorecard;
import cn.pingangrid.site.internal.SiteViews.ScorecardSite;
import cn.pingangrid.site.internal.SiteViews.ScorecardTally;
import cn.pingangrid.site.internal.SiteViews.Terms;
import tools.jackson.databind.JsonNode;

/**
 * 平安创建 sites: list and detail for everyone in their area; create and edit for the town office; inspections
 * recorded by the town office or, in their own area, village cadres and grid managers.
 */
@RestController
@RequestMapping(path = "/api", produces = { "application/geo+json", "application/json" })
class SiteController {

    static final Set<String> SITE_GEOMETRY_TYPES = Set.of("Point", "Polygon");
    static final Set<String> EDITORS = Set.of("ROLE_TOWN_OFFICE");
    static final Set<String> INSPECTORS = Set.of("ROLE_TOWN_OFFICE", "ROLE_VILLAGE_CADRE", "ROLE_GRID_MANAGER");

    /** A site as sent by the page: geometry as GeoJSON (WGS84 unless {@code crs} says GCJ02), dates as ISO. */
    record SiteRequest(@Size(max = 16) String kind, @Size(max = 64) String name, @Size(max = 16) String status,
            @Size(max = 32) String responsiblePerson, @Size(max = 32) String responsiblePhone, JsonNode geometry,
            @Size(max = 16) String crs, String nextInspectionDue) {
    }

    record InspectionRequest(String inspectedOn, @Size(max = 16) String result,
            @Size(max = 500) String note, String nextInspectionDue) {
    }

    private final SafetySites sites;
    private final Areas areas;
    private final TownGeometries townGeometries;
    private final AuditTrail audit;
    private final Clock clock;
    private final SiteDisputes siteDisputes;

    /** Months to the next inspection when none is given: a product default, the seed sets no cycle. */
    private final int inspectionCycleMonths;

    SiteController(SafetySites sites, Areas areas, TownGeometries townGeometries, AuditTrail audit, Clock clock,
            SiteDisputes siteDisputes,
            @org.springframework.beans.factory.annotation.Value("${pingan.sites.inspection-cycle-months:3}")
            int inspectionCycleMonths) {
        this.inspectionCycleMonths = inspectionCycleMonths;
        this.siteDisputes = siteDisputes;
        this.sites = sites;
        this.areas = areas;
        this.townGeometries = townGeometries;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(path = "/site-kinds", produces = "application/json")
    Terms kinds() {
        return new Terms(Arrays.stream(SiteKind.values()).map(k -> new CodeName(k.name(), k.label())).toList(),
                Arrays.stream(SiteStatus.values()).map(st -> new CodeName(st.name(), st.label())).toList());
    }

    /** Sites in the caller's area; {@code kind} and {@code status} take comma-separated codes. */
    @GetMapping("/sites")
    FeatureCollection list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) String village, @RequestParam(required = false) String bbox) {
        Set<SiteKind> kinds = parseAll("kind", kind, SiteKind.class);
        Set<SiteStatus> statuses = parseAll("status", status, SiteStatus.class);
        LocalDate today = LocalDate.now(clock);
        return FeatureCollection.of(sites.list(new SafetySites.Query(kinds, statuses, blankToNull(village),
                bbox == null ? null : BoundingBox.parse("bbox", bbox).toPolygon())).stream()
                .map(s -> s.toFeature(today)).toList());
    }

    @GetMapping("/sites/{id}")
    Feature one(@PathVariable long id) {
        SafetySite site = sites.find(id).orElseThrow(() -> SafetySites.notFound(id));
        return detail(site);
    }

    @PostMapping("/sites")
    @ResponseStatus(HttpStatus.CREATED)
    Feature create(@Valid @RequestBody SiteRequest request) {
        requireRole(EDITORS, "只有综治办可以新建平安创建点位");
        Placed placed = place(request);
        SiteKind kind = Coded.parse(SiteKind.class, "kind", request.kind());
        SiteStatus status = request.status() == null ? SiteStatus.BUILDING
                : Coded.parse(SiteStatus.class, "status", request.status());
        SafetySite site = new SafetySite(kind, request.name(), status,
                request.responsiblePerson(), request.responsiblePhone(), placed.geometry(), placed.villageCode(),
                placed.gridCode(), date("nextInspectionDue", request.nextInspectionDue()), clock.instant());
        sites.save(site);
        audit.record("SITE_CREATE", "site", String.valueOf(site.getId()), site.getKind() + " " + site.getName());
        return detail(site);
    }

    @PutMapping("/sites/{id}")
    Feature update(@PathVariable long id, @Valid @RequestBody SiteRequest request) {
        requireRole(EDITORS, "只有综治办可以修改平安创建点位");
        sites.find(id).orElseThrow(() -> SafetySites.notFound(id));
        SiteKind kind = Coded.parse(SiteKind.class, "kind", request.kind());
        SiteStatus status = Coded.parse(SiteStatus.class, "status", request.status());
        Placed placed = place(request);
        SafetySite site = sites.change(id, s -> {
            s.edit(kind, request.name(), status, request.responsiblePerson(), request.responsiblePhone(),
                    clock.instant());
            s.moveTo(placed.geometry(), placed.villageCode(), placed.gridCode(), clock.instant());
        });
        audit.record("SITE_UPDATE", "site", String.valueOf(id), site.getKind() + " " + site.getName());
        return detail(site);
    }

    @PostMapping(path = "/sites/{id}/inspections", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionView inspect(@PathVariable long id, @Valid @RequestBody InspectionRequest request) {
        requireRole(INSPECTORS, "您的角色不能登记平安创建检查");
        LocalDate on = date("inspectedOn", request.inspectedOn());
        SiteStatus result = request.result() == null ? null : Coded.parse(SiteStatus.class, "result", request.result());
        LocalDate nextDue = date("nextInspectionDue", request.nextInspectionDue());
        String inspector = SecurityContextHolder.getContext().getAuthentication().getName();
        SiteInspection inspection = sites.inspect(id, site -> site.recordInspection(on, result,
                request.note(), inspector, nextDue, inspectionCycleMonths, LocalDate.now(clock), clock.instant()));
        audit.record("SITE_INSPECT", "site", String.valueOf(id), result + " " + on);
        return inspection.view();
    }

    /**
     * Per village in the caller's area: site counts by kind, by status and by both, how many sites are past
     * their inspection date, and each site with the disputes linked to it that arose in {@code from}..{@code to}.
     */
    @GetMapping(path = "/site-scorecards", produces = "application/json")
    List<Scorecard> scorecards(@RequestParam(required = false) String village,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        String only = blankToNull(village);
        Map<String, ScorecardTally> cards = new LinkedHashMap<>();
        for (VillageRef v : areas.villages()) {
            if (only == null || only.equals(v.code())) {
                cards.put(v.code(), new ScorecardTally(v.code(), v.name()));
            }
        }
        if (only != null && cards.isEmpty()) {
            throw new cn.pingangrid.system.NotFoundException("没有代码为 " + only + " 的村（社区）");
        }
        for (Object[] row : sites.countsByVillageKindStatus(only)) {
            ScorecardTally card = cards.get((String) row[0]);
            if (card != null) {
                card.count(((SiteKind) row[1]).name(), ((SiteStatus) row[2]).name(), ((Number) row[3]).longValue());
            }
        }
        for (Object[] row : sites.overdueByVillage(only, LocalDate.now(clock))) {
            ScorecardTally card = cards.get((String) row[0]);
            if (card != null) {
                card.overdue(((Number) row[1]).longValue());
            }
        }
        // the disputes linked to each site (inside its polygon, or within 100 m of a point) in the period
        List<SafetySite> listed = sites.list(new SafetySites.Query(null, null, only, null));
        Map<Long, List<DisputeLocation>> linkedBySite = siteDisputes.linkedToEach(listed, fromDate, toDate);
        for (SafetySite site : listed) {
            ScorecardTally card = cards.get(site.getVillageCode());
            if (card != null) {
                List<Long> linked = linkedBySite.get(site.getId()).stream().map(DisputeLocation::id).toList();
                card.site(new ScorecardSite(site.getId(), site.getName(), site.getKind().name(),
                        site.getStatus().name(), linked.size(), linked));
            }
        }
        return cards.values().stream().map(ScorecardTally::card).toList();
    }

    private record Placed(Geometry geometry, String villageCode, String gridCode) {
    }

    /** Validates the geometry (before anything is written) and derives its village and grid. */
    private Placed place(SiteRequest request) {
        Geometry geometry = townGeometries.read("geometry", request.geometry(), InputCrs.parse("crs", request.crs()),
                SITE_GEOMETRY_TYPES);
        // gridOf sees only the caller's grids: a place elsewhere in the town is outside their area
        GridRef grid = townGeometries.gridOf(geometry).orElseThrow(() -> new InvalidInputException("geometry",
                "不在您负责的区域内"));
        return new Placed(geometry, grid.villageCode(), grid.code());
    }

    private Feature detail(SafetySite site) {
        Feature feature = site.toFeature(LocalDate.now(clock));
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        properties.put("villageName", areas.names().villageName(site.getVillageCode()));
        properties.put("inspections", sites.inspections(site.getId()).stream().map(SiteInspection::view).toList());
        properties.put("linkedDisputes", siteDisputes.linkedTo(site, null, null).stream()
                .map(d -> new LinkedDispute(d.id(), d.type(), d.status(), String.valueOf(d.occurredOn()))).toList());
        return new Feature(feature.id(), feature.geometry(), properties);
    }

    static void requireRole(Set<String> roles, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(a -> roles.contains(a.getAuthority()))) {
            throw new RoleNotAllowedException(detail);
        }
    }

    static LocalDate date(String field, String text) {
        return cn.pingangrid.system.Dates.parseOptional(field, text);
    }

    private static <E extends Enum<E> & Coded> Set<E> parseAll(String field, String codes, Class<E> type) {
        if (codes == null || codes.isBlank()) {
            return null;
        }
        Set<E> values = EnumSet.noneOf(type);
        for (String code : codes.split(",")) {
            if (!code.isBlank()) {
                values.add(Coded.parse(type, field, code));
            }
        }
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }


}
