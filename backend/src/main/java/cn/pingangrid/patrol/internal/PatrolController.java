package cn.pingangrid.patrol.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.area.Areas;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.system.Coded;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.system.RoleNotAllowedException;

/**
 * Patrol plans. An auxiliary police officer plans for their own village; the town office for any village and for
 * the whole town at once. Plans are read in the reader's area (a grid manager: the routes through their grids).
 * Every plan made is audited.
 */
@RestController
@RequestMapping(path = "/api/patrol", produces = "application/json")
class PatrolController {

    static final int MIN_SHIFT_MINUTES = 30;
    static final int MAX_SHIFT_MINUTES = 12 * 60;

    /** A shift to plan: {@code date} (yyyy-MM-dd), {@code start} (HH:mm), minutes, mode, base, village, seed. */
    record ShiftRequest(String date, @Size(max = 8) String start, Integer lengthMinutes, @Size(max = 8) String mode,
            @Size(max = 8) String base, @Size(max = 12) String village, Long seed) {
    }

    private final PatrolPlanning planning;
    private final PatrolPlans plans;
    private final Areas areas;
    private final AuditTrail audit;

    PatrolController(PatrolPlanning planning, PatrolPlans plans, Areas areas, AuditTrail audit) {
        this.planning = planning;
        this.plans = plans;
        this.areas = areas;
        this.audit = audit;
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView plan(@Valid @RequestBody ShiftRequest request) {
        CurrentUser user = CurrentUser.current();
        if (!user.hasAny(Role.AUX_POLICE, Role.TOWN_OFFICE)) {
            throw new RoleNotAllowedException("只有辅警（本村）和综治办可以规划巡逻路线");
        }
        String village = request.village();
        if (village == null || village.isBlank()) {
            if (user.has(Role.TOWN_OFFICE) || user.area().villages().size() != 1) {
                throw new InvalidInputException("village", "请选择要规划的村（社区）");
            }
            village = user.area().villages().iterator().next();
        }
        // the codes are public: a foreign village is the officer's 403 below, an unknown one a 400
        if (!areas.names().villages().containsKey(village)) {
            throw new InvalidInputException("village", "没有代码为「" + village + "」的村（社区）");
        }
        if (!user.has(Role.TOWN_OFFICE) && !user.area().villages().contains(village)) {
            throw new RoleNotAllowedException("辅警只能为本村规划巡逻路线");
        }
        Shift shift = shift(request);
        PlanView plan = planning.planVillage(village, shift, request.seed(), user.username());
        audit.record("PATROL_PLAN", "patrol_plan", String.valueOf(plan.id()), village + " " + plan.start() + " "
                + shift.lengthMinutes() + "min " + shift.mode() + " seed=" + plan.seed() + " stops="
                + plan.stops().size());
        return plan;
    }

    @PostMapping("/town-plans")
    @ResponseStatus(HttpStatus.CREATED)
    PatrolPlanning.TownPlan planTown(@Valid @RequestBody ShiftRequest request) {
        CurrentUser user = CurrentUser.current();
        if (!user.has(Role.TOWN_OFFICE)) {
            throw new RoleNotAllowedException("只有综治办可以为全镇规划巡逻");
        }
        Shift shift = shift(request);
        PatrolPlanning.TownPlan town = planning.planTown(shift, request.seed(), user.username());
        audit.record("PATROL_TOWN_PLAN", "patrol_plan", town.batch(), shift.date() + " " + shift.start() + " "
                + town.plans().size() + " plans, ids " + town.plans().stream().map(p -> String.valueOf(p.id()))
                        .reduce((a, b) -> a + "," + b).orElse(""));
        return town;
    }

    @GetMapping("/plans")
    List<PlanView> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String village) {
        return plans.list(date("from", from, false), date("to", to, false), village).stream()
                .map(planning::read).toList();
    }

    @GetMapping("/plans/{id}")
    PlanView one(@PathVariable long id) {
        return planning.read(find(id));
    }

    @GetMapping(path = "/plans/{id}/gpx", produces = "application/gpx+xml")
    ResponseEntity<String> gpx(@PathVariable long id) {
        PlanView plan = planning.read(find(id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("patrol-" + plan.villageCode() + "-" + plan.date() + "-" + id + ".gpx").build()
                        .toString())
                .header(HttpHeaders.CONTENT_TYPE, "application/gpx+xml;charset=UTF-8")
                .body(RouteGpx.write(plan));
    }

    PatrolPlan find(long id) {
        return plans.find(id)
                .orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的巡逻计划"));
    }

    static Shift shift(ShiftRequest r) {
        LocalDate date = date("date", r.date(), true);
        if (r.start() == null || r.start().isBlank()) {
            throw new InvalidInputException("start", "缺少开始时间（HH:mm）");
        }
        LocalTime start;
        try {
            start = LocalTime.parse(r.start().trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("start", "开始时间应为 HH:mm，例如 08:30");
        }
        if (r.lengthMinutes() == null || r.lengthMinutes() < MIN_SHIFT_MINUTES
                || r.lengthMinutes() > MAX_SHIFT_MINUTES) {
            throw new InvalidInputException("lengthMinutes", "班次时长须在 " + MIN_SHIFT_MINUTES + " 到 "
                    + MAX_SHIFT_MINUTES + " 分钟之间");
        }
        TravelMode mode = Coded.parse(TravelMode.class, "mode", r.mode());
        Shift.Base base = r.base() == null || r.base().isBlank() ? Shift.Base.VILLAGE
                : Coded.parse(Shift.Base.class, "base", r.base());
        return new Shift(date, start, r.lengthMinutes(), mode, base);
    }

    static LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "缺少日期（yyyy-MM-dd）");
            }
            return null;
        }
        return cn.pingangrid.system.Dates.parse(field, value);
    }
}
