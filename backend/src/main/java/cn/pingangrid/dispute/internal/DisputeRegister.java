package cn.pingangrid.dispute.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.locationtech.jts.geom.Point;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.area.BuildingRef;
import cn.pingangrid.area.AreaNames;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.geo.InputCrs;
import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.system.RoleNotAllowedException;
import cn.pingangrid.system.Texts;
import cn.pingangrid.system.Coded;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.SensitiveDisputeReported;
import cn.pingangrid.dispute.Severity;

/**
 * Registers disputes and moves them through the workflow, one transaction per request: everything is checked
 * before anything is written, changes are audited, sensitive reports are announced after commit.
 */
@Service
@Transactional
class DisputeRegister {

    /** Roles that register and handle disputes; LEADER is read-only, ADMIN sees none. */
    static final Role[] HANDLING_ROLES = { Role.GRID_MANAGER, Role.VILLAGE_CADRE, Role.AUX_POLICE, Role.TOWN_OFFICE };
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,20}");
    static final int DUPLICATE_DAYS = 90;

    private final Disputes disputes;
    private final Areas areas;
    private final AuditTrail audit;
    private final DisputeDeadlines deadlines;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DisputeRegister(Disputes disputes, Areas areas, AuditTrail audit, DisputeDeadlines deadlines, Clock clock,
            ApplicationEventPublisher events) {
        this.disputes = disputes;
        this.areas = areas;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
        this.events = events;
    }

    record PartyInput(@Size(max = 64) String name, @Size(max = 32) String phone) {
    }

    /**
     * A registration as the API and the spreadsheet import receive it: codes and dates as text. The constraints
     * are the columns' (V5__disputes.sql); the API checks them at the edge, the import row by row.
     */
    record NewDispute(Double lng, Double lat, @Size(max = 16) String crs, @Size(max = 19) String building,
            String sweptOn, String occurredOn, @Size(max = 64) String sweptBy,
            @Size(max = Dispute.MAX_TEXT) String situation, @Size(max = Dispute.MAX_TEXT) String measures,
            @Size(max = 1000) String remarks, @Size(max = 32) String type, @Size(max = 16) String severity,
            @Size(max = 16) String source, @Size(max = 50) List<@NotNull @Valid PartyInput> parties,
            @Min(1) @Max(100_000) Integer peopleInvolved,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amountYuan, Boolean sensitive,
            @Size(max = 64) String responsibleUnit, @Size(max = 64) String responsiblePerson,
            String deadline) {
    }

    record Registered(Dispute dispute, List<Disputes.Nearby> duplicates) {
    }

    /** Where a dispute is: point, grid, village and the building it lies in (null outside buildings). */
    record Placement(Point point, AreaNames.Grid grid, AreaNames.Village village, String buildingCode) {
    }

    /** A workflow step; {@code measure} optionally adds a 化解措施 with it. */
    record Transition(@Size(max = 32) String action, @Size(max = 1000) String note, @Size(max = 16) String channel,
            @Size(max = 64) String unit, @Size(max = 1000) String measure) {
    }

    /** A 化解措施 added on its own, without a workflow step. */
    record NewMeasure(@Size(max = 1000) String measure) {
    }

    record Assignment(@Size(max = 64) String responsibleUnit, @Size(max = 64) String responsiblePerson,
            String deadline, @Size(max = 1000) String note) {
    }

    Registered register(NewDispute request, CurrentUser user) {
        return register(request, user, null);
    }

    /**
     * Registers under an idempotency key (null: none). A concurrent request with the same key makes this fail
     * with a {@link org.springframework.dao.DataAccessException} before anything is audited or announced; the
     * caller then answers the record stored under the key ({@link #storedUnder}).
     */
    Registered register(NewDispute request, CurrentUser user, String idempotencyKey) {
        requireHandler(user);
        Dispute dispute = disputes.add(Dispute.register(validate(request, user), deadlines, user.username(),
                clock.instant(), LocalDate.now(clock)));
        if (idempotencyKey != null) {
            disputes.claim(user.username(), idempotencyKey, dispute, clock.instant());
        }
        audit.record("DISPUTE_REGISTER", "dispute", String.valueOf(dispute.getId()),
                dispute.getType().label() + "，" + dispute.getSeverity().label() + "，网格 " + dispute.getGridCode());
        if (dispute.isSensitive()) {
            events.publishEvent(new SensitiveDisputeReported(dispute.getId()));
        }
        List<Disputes.Nearby> duplicates = disputes.openNearby(dispute.getLocation(), dispute.getType(),
                LocalDate.now(clock).minusDays(DUPLICATE_DAYS), dispute.getId());
        return new Registered(dispute.withDetail(), duplicates);
    }

    /** One problem in an imported sheet: the row number (as Excel shows it), the column and why. */
    record RowError(int row, String column, String reason) {
    }

    /**
     * Imports the rows of a 排查表, all or nothing: every row is checked (placed by coordinates or building code,
     * in the caller's area, codes and dates valid, the 村名 if given matching the place) before any is written.
     * Returns the new disputes' ids, or throws a 400 problem listing every bad row.
     */
    List<Long> importSheet(List<DisputeSheet.Line> lines, CurrentUser user) {
        requireHandler(user);
        if (lines.isEmpty()) {
            throw new InvalidInputException("file", "表中没有数据行");
        }
        if (lines.size() > 5000) {
            throw new InvalidInputException("file", "一次最多导入 5000 行");
        }
        List<Dispute> built = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (DisputeSheet.Line line : lines) {
            NewDispute row = new NewDispute(DisputeSheet.number(line.get("经度")), DisputeSheet.number(line.get("纬度")),
                    null, line.get("楼栋代码"), line.get("排查时间"), null, line.get("排查单位或排查人"),
                    line.get("矛盾情况"), line.get("化解措施"), line.get("备注"), line.get("类型"),
                    line.get("等级") == null ? Severity.ORDINARY.name() : line.get("等级"), DisputeSource.SWEEP.name(),
                    List.of(), null, null, false, null, null, null);
            try {
                Dispute.Registration registration = validate(row, user);
                String villageName = line.get("村名");
                if (villageName != null && !villageName.equals(registration.villageName())) {
                    throw new InvalidInputException("village", "坐标位于" + registration.villageName() + "，与村名「"
                            + villageName + "」不符");
                }
                built.add(Dispute.register(registration, deadlines, user.username(), clock.instant(),
                        LocalDate.now(clock)));
            } catch (InvalidInputException e) {
                String reason = String.valueOf(e.getBody().getDetail());
                reason = reason.substring(reason.indexOf('：') + 1);
                errors.add(new RowError(line.rowNumber(), DisputeSheet.column(e.field()), reason));
            }
        }
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "有 " + errors.size()
                    + " 行无法导入，整个文件未导入：" + errors.stream().limit(5)
                            .map(e -> "第 " + e.row() + " 行" + e.column() + "：" + e.reason())
                            .collect(java.util.stream.Collectors.joining("；")));
            problem.setTitle("导入失败");
            problem.setProperty("invalid-params", errors.stream().map(e -> Map.of("name", "第" + e.row() + "行 "
                    + e.column(), "reason", e.reason())).toList());
            problem.setProperty("rows", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        List<Long> ids = new ArrayList<>();
        for (Dispute d : built) {
            ids.add(disputes.add(d).getId());
        }
        audit.record("DISPUTE_IMPORT", "dispute", null, "导入 " + ids.size() + " 件");
        return ids;
    }

    /** Parses and checks a registration without writing anything (the import checks all rows this way first). */
    Dispute.Registration validate(NewDispute r, CurrentUser user) {
        Placement place = place(r.lng(), r.lat(), r.crs(), r.building(), user);
        LocalDate today = LocalDate.now(clock);
        LocalDate sweptOn = r.sweptOn() == null || r.sweptOn().isBlank() ? today : date("sweptOn", r.sweptOn());
        if (sweptOn.isAfter(today)) {
            throw new InvalidInputException("sweptOn", "排查时间不能晚于今天");
        }
        LocalDate occurredOn = r.occurredOn() == null || r.occurredOn().isBlank() ? sweptOn
                : date("occurredOn", r.occurredOn());
        String situation = text("situation", r.situation(), Dispute.MAX_TEXT, true);
        List<Party> parties = new ArrayList<>();
        List<PartyInput> inputs = r.parties() == null ? List.of() : r.parties();
        if (inputs.size() > 50) {
            throw new InvalidInputException("parties", "当事人不能超过 50 个");
        }
        for (int i = 0; i < inputs.size(); i++) {
            PartyInput p = inputs.get(i);
            String name = text("parties[" + i + "].name", p == null ? null : p.name(), 64, true);
            String phone = text("parties[" + i + "].phone", p.phone(), 32, false);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                throw new InvalidInputException("parties[" + i + "].phone", "电话号码只能包含数字、+、- 和空格");
            }
            parties.add(new Party(name, phone));
        }
        int people = r.peopleInvolved() == null ? Math.max(1, parties.size()) : r.peopleInvolved();
        if (people < 1 || people > 100_000) {
            throw new InvalidInputException("peopleInvolved", "涉及人数须在 1 到 100000 之间");
        }
        if (r.amountYuan() != null && (r.amountYuan().signum() < 0 || r.amountYuan().precision()
                - r.amountYuan().scale() > 12)) {
            throw new InvalidInputException("amountYuan", "涉及金额须为不超过 12 位整数的非负数");
        }
        String sweptBy = text("sweptBy", r.sweptBy(), 64, false);
        return new Dispute.Registration(place.point(), place.village().code(), place.grid().code(),
                place.village().name(), sweptOn, occurredOn, sweptBy == null ? sweptByDefault(user) : sweptBy,
                situation, text("measures", r.measures(), Dispute.MAX_TEXT, false),
                text("remarks", r.remarks(), 1000, false), Coded.parse(DisputeType.class, "type", r.type()),
                Coded.parse(Severity.class, "severity", r.severity()),
                r.source() == null || r.source().isBlank() ? DisputeSource.SWEEP
                        : Coded.parse(DisputeSource.class, "source", r.source()),
                parties, people, r.amountYuan(), Boolean.TRUE.equals(r.sensitive()),
                text("responsibleUnit", r.responsibleUnit(), 64, false),
                text("responsiblePerson", r.responsiblePerson(), 64, false),
                r.deadline() == null || r.deadline().isBlank() ? null : date("deadline", r.deadline()),
                place.buildingCode());
    }

    /** 排查单位或排查人 when none is given: the signed-in person's unit and name, as the sheet is signed. */
    static String sweptByDefault(CurrentUser user) {
        String unit = user.unit() == null || user.unit().isBlank() ? null : user.unit().strip();
        String who = unit == null ? user.displayName() : unit + " " + user.displayName();
        return who.length() > 64 ? who.substring(0, 64) : who;
    }

    /**
     * The stored point, grid and village for a longitude/latitude (in {@code crs}) or, without coordinates, a
     * building code. Outside the town, or outside the caller's area, is a 400 problem naming {@code location}.
     */
    Placement place(Double lng, Double lat, String crs, String buildingCode, CurrentUser user) {
        InputCrs inputCrs = InputCrs.parse("crs", crs);
        Point point;
        if (lng == null && lat == null && buildingCode != null && !buildingCode.isBlank()) {
            String code = buildingCode.strip();
            if (!code.matches("\\d{19}")) {
                throw new InvalidInputException("building", "楼栋代码须为 19 位数字");
            }
            // a building outside the caller's area is as unknown as one that does not exist
            point = areas.building(code).map(b -> b.footprint().getInteriorPoint())
                    .orElseThrow(() -> new InvalidInputException("building", "没有代码为 " + code
                            + " 的楼栋，或不在您负责的区域内"));
            point.setSRID(cn.pingangrid.geo.Wgs84.SRID);
        } else {
            if (lng == null) {
                throw new InvalidInputException("lng", "须给出经度（或楼栋代码）");
            }
            if (lat == null) {
                throw new InvalidInputException("lat", "须给出纬度（或楼栋代码）");
            }
            point = inputCrs.toStoredPoint(lng, lat);
        }
        // the building the point lies in; a building code given with coordinates must be that building
        String buildingAt = areas.buildingCodeAt(point).orElse(null);
        if (lng != null && buildingCode != null && !buildingCode.isBlank()
                && !buildingCode.strip().equals(buildingAt)) {
            throw new InvalidInputException("building", "坐标不在楼栋 " + buildingCode.strip() + " 内");
        }
        GridRef grid = areas.gridAt(point).orElseThrow(() -> new InvalidInputException("location",
                "该点（经度 " + round(point.getX()) + "，纬度 " + round(point.getY()) + "）"
                        + (areas.inTown(point) ? "不在您负责的区域内" : "不在本镇范围内")));
        AreaNames names = areas.names();
        return new Placement(point, names.grids().get(grid.code()), names.villages().get(grid.villageCode()),
                buildingAt);
    }

    /** The dispute this user registered under {@code idempotencyKey}, as they may read it now. */
    @Transactional(readOnly = true)
    java.util.Optional<Dispute> storedUnder(String idempotencyKey, CurrentUser user) {
        return disputes.storedUnder(user.username(), idempotencyKey)
                .flatMap(disputes::find).map(Dispute::withDetail);
    }

    @Transactional(readOnly = true)
    Dispute get(long id, CurrentUser user) {
        return disputes.find(id).orElseThrow(() -> notFound(id)).withDetail();
    }

    Dispute transition(long id, Transition request, CurrentUser user) {
        if (!user.hasAny(HANDLING_ROLES) && !user.has(Role.MEDIATOR)) {
            throw new RoleNotAllowedException("您的角色只能查看纠纷，不能办理");
        }
        Dispute dispute = disputes.find(id).orElseThrow(() -> notFound(id));
        DisputeAction action = Coded.parse(DisputeAction.class, "action", request.action());
        String actor = user.username();
        var now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String note = text("note", request.note(), 1000, false);
        String measure = text("measure", request.measure(), Measure.MAX_TEXT, false);
        switch (action) {
            case ACCEPT -> dispute.accept(actor, note, now);
            case START_MEDIATION -> dispute.startMediation(actor, note, now);
            case RESOLVE -> dispute.resolve(actor, note, now, today);
            case FAIL_TO_RESOLVE -> dispute.failToResolve(actor, note, now);
            case ESCALATE_TO_TOWN -> dispute.escalateToTown(actor, note, now, today, deadlines);
            case REFER -> dispute.refer(Coded.parseOptional(ReferralChannel.class, "channel", request.channel()),
                    request.unit(), actor, note, now, today, deadlines);
            case CLOSE -> dispute.close(actor, note, now);
            case FOLLOW_UP_VISIT -> dispute.recordFollowUpVisit(actor, note, now);
            default -> throw new InvalidInputException("action", "「" + action.label() + "」不是可执行的办理步骤");
        }
        dispute.addMeasure(measure, actor, now);
        audit.record("DISPUTE_" + action.name(), "dispute", String.valueOf(id), dispute.getStatus().label());
        return dispute.withDetail();
    }

    /** Adds a 化解措施 without a workflow step, by whoever may handle the case. */
    Dispute addMeasure(long id, NewMeasure request, CurrentUser user) {
        if (!user.hasAny(HANDLING_ROLES) && !user.has(Role.MEDIATOR)) {
            throw new RoleNotAllowedException("您的角色只能查看纠纷，不能办理");
        }
        Dispute dispute = disputes.find(id).orElseThrow(() -> notFound(id));
        if (request.measure() == null || request.measure().isBlank()) {
            throw new InvalidInputException("measure", "必填");
        }
        dispute.addMeasure(request.measure(), user.username(), clock.instant());
        audit.record("DISPUTE_MEASURE", "dispute", String.valueOf(id), DisputeView.shorten(request.measure(), 40));
        return dispute.withDetail();
    }

    Dispute assign(long id, Assignment request, CurrentUser user) {
        if (!user.has(Role.TOWN_OFFICE)) {
            throw new RoleNotAllowedException("只有综治办可以交办纠纷");
        }
        Dispute dispute = disputes.find(id).orElseThrow(() -> notFound(id));
        LocalDate deadline = request.deadline() == null || request.deadline().isBlank() ? null
                : date("deadline", request.deadline());
        dispute.assign(request.responsibleUnit(), request.responsiblePerson(), deadline, user.username(),
                clock.instant(), LocalDate.now(clock));
        audit.record("DISPUTE_ASSIGN", "dispute", String.valueOf(id), dispute.getResponsibleUnit());
        return dispute.withDetail();
    }

    /** What the town office's map shows for a sensitive report: grid and place, no personal data. */
    record SensitiveReport(long id, String type, String typeLabel, String severity, String severityLabel,
            double lng, double lat, String villageCode, String villageName, String gridCode, String gridName,
            String situation, String occurredOn) {
    }

    /**
     * The {@link SensitiveReport} of a dispute, read in the scope of the signed-in user of this thread (a subscriber,
     * see {@link DisputeEventStream}), empty outside it.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    Optional<SensitiveReport> sensitiveReport(long id) {
        return disputes.find(id).map(this::sensitiveReport);
    }

    private SensitiveReport sensitiveReport(Dispute d) {
        AreaNames names = areas.names();
        return new SensitiveReport(d.getId(), d.getType().name(), d.getType().label(), d.getSeverity().name(),
                d.getSeverity().label(), d.getLocation().getX(), d.getLocation().getY(), d.getVillageCode(),
                names.villageName(d.getVillageCode()), d.getGridCode(), names.gridName(d.getGridCode()),
                DisputeView.shorten(d.getSituation(), 80), d.getOccurredOn().toString());
    }

    static void requireHandler(CurrentUser user) {
        if (!user.hasAny(HANDLING_ROLES)) {
            throw new RoleNotAllowedException("您的角色不能登记纠纷");
        }
    }



    static NotFoundException notFound(long id) {
        return new NotFoundException("没有编号为 " + id + " 的纠纷");
    }

    static LocalDate date(String field, String text) {
        return Dates.parse(field, text);
    }

    static String text(String field, String value, int max, boolean required) {
        return Texts.field(field, value, max, required);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
