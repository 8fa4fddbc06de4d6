package cn.pingangrid.hazard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.locationtech.jts.geom.Point;
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

import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.TownGeometries;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureCollection;
import cn.pingangrid.geo.InputCrs;
import cn.pingangrid.hazard.internal.HazardTerms.Category;
import cn.pingangrid.hazard.internal.HazardTerms.Level;
import cn.pingangrid.hazard.internal.HazardTerms.Status;
import cn.pingangrid.system.CodeName;
import cn.pingangrid.system.Coded;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.RoleNotAllowedException;
import tools.jackson.databind.JsonNode;

/**
 * The risk hazard list. Everyone reads the hazards of their area; the town office, village cadres and grid
 * managers add, edit and review hazards inside their area.
 */
@RestController
@RequestMapping(path = "/api", produces = { "application/geo+json", "application/json" })
class HazardController {

    static final Set<String> WRITERS = Set.of("ROLE_TOWN_OFFICE", "ROLE_VILLAGE_CADRE", "ROLE_GRID_MANAGER");

    record HazardRequest(@Size(max = 16) String category, @Size(max = 64) String title,
            @Size(max = 500) String description, @Size(max = 16) String level, @Size(max = 64) String owner,
            String reviewDue, JsonNode location, @Size(max = 16) String crs) {
    }

    record ReviewRequest(String reviewedOn, @Size(max = 16) String status,
            String reviewDue) {
    }

    private final Hazards hazards;
    private final TownGeometries townGeometries;
    private final AuditTrail audit;
    private final Clock clock;

    HazardController(Hazards hazards, TownGeometries townGeometries, AuditTrail audit, Clock clock) {
        this.hazards = hazards;
        this.townGeometries = townGeometries;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(path = "/hazard-terms", produces = "application/json")
    Terms terms() {
        return new Terms(Arrays.stream(Category.values()).map(c -> new CodeName(c.name(), c.label())).toList(),
                Arrays.stream(Level.values()).map(c -> new CodeName(c.name(), c.label())).toList(),
                Arrays.stream(Status.values()).map(c -> new CodeName(c.name(), c.label())).toList());
    }

    /** The hazard categories, levels and statuses, each with its Chinese name. */
    record Terms(List<CodeName> categories, List<CodeName> levels, List<CodeName> statuses) {
    }

    @GetMapping("/hazards")
    FeatureCollection list(@RequestParam(required = false) String category,
            @RequestParam(required = false) String level, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue) {
        LocalDate today = LocalDate.now(clock);
        Hazards.Query query = new Hazards.Query(
                category == null ? null : Coded.parse(Category.class, "category", category),
                level == null ? null : Coded.parse(Level.class, "level", level),
                status == null ? null : Coded.parse(Status.class, "status", status), overdue, today);
        return FeatureCollection.of(hazards.list(query).stream().map(h -> h.toFeature(today))
                .toList());
    }

    @GetMapping("/hazards/{id}")
    Feature one(@PathVariable long id) {
        return hazards.find(id).orElseThrow(() -> Hazards.notFound(id))
                .toFeature(LocalDate.now(clock));
    }

    @PostMapping("/hazards")
    @ResponseStatus(HttpStatus.CREATED)
    Feature create(@Valid @RequestBody HazardRequest request) {
        requireWriter();
        Located located = locate(request);
        Hazard hazard = new Hazard(Coded.parse(Category.class, "category", request.category()),
                request.title(), request.description(), Coded.parse(Level.class, "level", request.level()),
                request.owner(), date("reviewDue", request.reviewDue()), located.point(),
                located.villageCode(), located.gridCode(), clock.instant());
        hazards.save(hazard);
        audit.record("HAZARD_CREATE", "hazard", String.valueOf(hazard.getId()), request.title());
        return hazard.toFeature(LocalDate.now(clock));
    }

    @PutMapping("/hazards/{id}")
    Feature update(@PathVariable long id, @Valid @RequestBody HazardRequest request) {
        requireWriter();
        hazards.find(id).orElseThrow(() -> Hazards.notFound(id));
        Category category = Coded.parse(Category.class, "category", request.category());
        Level level = Coded.parse(Level.class, "level", request.level());
        LocalDate reviewDue = date("reviewDue", request.reviewDue());
        Located located = locate(request);
        Hazard hazard = hazards.change(id, h -> {
            h.edit(category, request.title(), request.description(), level, request.owner(), reviewDue,
                    clock.instant());
            h.moveTo(located.point(), located.villageCode(), located.gridCode(), clock.instant());
        });
        audit.record("HAZARD_UPDATE", "hazard", String.valueOf(id), request.title());
        return hazard.toFeature(LocalDate.now(clock));
    }

    /** A review: the status after it and, unless resolved, the next review date. */
    @PostMapping("/hazards/{id}/reviews")
    Feature review(@PathVariable long id, @Valid @RequestBody ReviewRequest request) {
        requireWriter();
        Status status = Coded.parse(Status.class, "status", request.status());
        LocalDate on = date("reviewedOn", request.reviewedOn());
        LocalDate next = date("reviewDue", request.reviewDue());
        LocalDate today = LocalDate.now(clock);
        Hazard hazard = hazards.change(id, h -> h.review(on, status, next, today,
                clock.instant()));
        audit.record("HAZARD_REVIEW", "hazard", String.valueOf(id), status + " " + on);
        return hazard.toFeature(today);
    }

    private record Located(Point point, String villageCode, String gridCode) {
    }

    private Located locate(HazardRequest request) {
        Point point = (Point) townGeometries.read("location", request.location(), InputCrs.parse("crs", request.crs()),
                Set.of("Point"));
        // gridOf sees only the caller's grids: a place elsewhere in the town is outside their area
        GridRef grid = townGeometries.gridOf(point).orElseThrow(() -> new InvalidInputException("location",
                "不在您负责的区域内"));
        return new Located(point, grid.villageCode(), grid.code());
    }

    private static void requireWriter() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getAuthorities().stream()
                .noneMatch(a -> WRITERS.contains(a.getAuthority()))) {
            throw new RoleNotAllowedException("您的角色不能登记或修改风险隐患");
        }
    }

    private static LocalDate date(String field, String text) {
        return cn.pingangrid.system.Dates.parseOptional(field, text);
    }
}
