package cn.pingangrid.dispute.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import org.locationtech.jts.geom.Point;

import cn.pingangrid.system.InvalidInputException;

import static cn.pingangrid.dispute.DisputeStatus.ACCEPTED;
import static cn.pingangrid.dispute.DisputeStatus.CLOSED;
import static cn.pingangrid.dispute.DisputeStatus.ESCALATED;
import static cn.pingangrid.dispute.DisputeStatus.FOLLOWED_UP;
import static cn.pingangrid.dispute.DisputeStatus.MEDIATING;
import static cn.pingangrid.dispute.DisputeStatus.REFERRED;
import static cn.pingangrid.dispute.DisputeStatus.REGISTERED;
import static cn.pingangrid.dispute.DisputeStatus.RESOLVED;
import static cn.pingangrid.dispute.DisputeStatus.UNRESOLVED;
import cn.pingangrid.scope.AreaBound;
import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.HandlingLevel;
import cn.pingangrid.dispute.Severity;

/**
 * 矛盾纠纷: one row of the register (attachment 2's columns) with its place, classification, parties and the
 * graded workflow. Every state change is a method here that checks the current status, throws
 * {@link IllegalTransitionException} when the step is not allowed, and appends a timeline entry.
 *
 * <pre>
 * REGISTERED ─accept→ ACCEPTED ─startMediation→ MEDIATING ─resolve→ RESOLVED ─close→ CLOSED ─followUp→ FOLLOWED_UP
 *                                                  └─failToResolve→ UNRESOLVED ─escalateToTown→ ESCALATED ─startMediation→ …
 *            (REGISTERED, ACCEPTED, MEDIATING, UNRESOLVED at village level) ─escalateToTown→ ESCALATED
 *            (MEDIATING, UNRESOLVED, ESCALATED) ─refer→ REFERRED ─resolve / failToResolve→ …
 * </pre>
 */
@Entity
@AreaBound(village = "villageCode", grid = "gridCode", referralUnit = "referralUnit")
public class Dispute {

    static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Point location;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "grid_code")
    private String gridCode;
    @Column(name = "swept_on")
    private LocalDate sweptOn;
    @Column(name = "occurred_on")
    private LocalDate occurredOn;
    @Column(name = "swept_by")
    private String sweptBy;
    private String situation;
    private String measures;
    private String remarks;
    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_type")
    private DisputeType type;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Enumerated(EnumType.STRING)
    private DisputeSource source;
    @Enumerated(EnumType.STRING)
    private DisputeStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "handling_level")
    private HandlingLevel level;
    @Column(name = "people_involved")
    private int peopleInvolved;
    @Column(name = "amount_yuan", precision = 14, scale = 2)
    private BigDecimal amountYuan;
    private boolean sensitive;
    @Column(name = "responsible_unit")
    private String responsibleUnit;
    @Column(name = "responsible_person")
    private String responsiblePerson;
    private LocalDate deadline;
    private boolean overdue;
    @Enumerated(EnumType.STRING)
    @Column(name = "referral_channel")
    private ReferralChannel referralChannel;
    @Column(name = "referral_unit")
    private String referralUnit;
    @Column(name = "resolved_on")
    private LocalDate resolvedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolved_level")
    private HandlingLevel resolvedLevel;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "dispute_party", joinColumns = @JoinColumn(name = "dispute_id"))
    @OrderColumn(name = "seq")
    private List<Party> parties = new ArrayList<>();

    /** 化解措施 after registration, in order (the registration's own is {@link #measures}). */
    @ElementCollection
    @CollectionTable(name = "dispute_measure", joinColumns = @JoinColumn(name = "dispute_id"))
    @OrderColumn(name = "seq")
    @org.hibernate.annotations.BatchSize(size = 200) // the sheet export reads many records' measures
    private List<Measure> measuresTaken = new ArrayList<>();
    /** 楼栋代码 when the point lies in a building. */
    @Column(name = "building_code")
    private String buildingCode;

    @ElementCollection
    @CollectionTable(name = "dispute_timeline", joinColumns = @JoinColumn(name = "dispute_id"))
    @OrderColumn(name = "seq")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Dispute() {
    }

    /** What a registration carries once codes and dates are parsed; checked by {@link #register}. */
    record Registration(Point location, String villageCode, String gridCode, String villageName, LocalDate sweptOn,
            LocalDate occurredOn, String sweptBy, String situation, String measures, String remarks,
            DisputeType type, Severity severity, DisputeSource source, List<Party> parties, int peopleInvolved,
            BigDecimal amountYuan, boolean sensitive, String responsibleUnit, String responsiblePerson,
            LocalDate deadline, String buildingCode) {
    }

    /**
     * A new dispute at 登记. 重大 needs a responsible unit, person and deadline (综治办牵头) and is handled at town
     * level; the others start at village level with the configured default deadline and the village as the
     * responsible unit unless one is given. Throws {@link InvalidInputException} naming the missing field.
     */
    static Dispute register(Registration r, DisputeDeadlines deadlines, String actor, Instant now, LocalDate today) {
        if (r.severity() == Severity.MAJOR) {
            requireText("responsibleUnit", r.responsibleUnit(), "重大纠纷须落实责任单位");
            requireText("responsiblePerson", r.responsiblePerson(), "重大纠纷须落实责任人");
            if (r.deadline() == null) {
                throw new InvalidInputException("deadline", "重大纠纷须限定调处期限");
            }
        }
        if (r.deadline() != null && r.deadline().isBefore(r.sweptOn())) {
            throw new InvalidInputException("deadline", "期限不能早于排查时间");
        }
        if (r.occurredOn().isAfter(r.sweptOn())) {
            throw new InvalidInputException("occurredOn", "发生日期不能晚于排查时间");
        }
        Dispute d = new Dispute();
        d.location = r.location();
        d.villageCode = r.villageCode();
        d.gridCode = r.gridCode();
        d.sweptOn = r.sweptOn();
        d.occurredOn = r.occurredOn();
        d.sweptBy = r.sweptBy();
        d.situation = r.situation();
        d.measures = r.measures();
        d.remarks = r.remarks();
        d.buildingCode = blankToNull(r.buildingCode());
        d.type = r.type();
        d.severity = r.severity();
        d.source = r.source();
        d.parties = new ArrayList<>(r.parties());
        d.peopleInvolved = r.peopleInvolved();
        d.amountYuan = r.amountYuan();
        d.sensitive = r.sensitive();
        d.level = r.severity() == Severity.MAJOR ? HandlingLevel.TOWN : HandlingLevel.VILLAGE;
        d.responsibleUnit = blankToNull(r.responsibleUnit()) != null ? r.responsibleUnit().strip()
                : d.level == HandlingLevel.VILLAGE ? r.villageName() : null;
        d.responsiblePerson = blankToNull(r.responsiblePerson());
        d.deadline = r.deadline() != null ? r.deadline() : deadlines.from(r.sweptOn(), d.level);
        d.status = REGISTERED;
        d.createdBy = actor;
        d.createdAt = now;
        d.overdue = d.status.open() && d.deadline.isBefore(today);
        d.append(now, actor, DisputeAction.REGISTER, null);
        return d;
    }

    /**
     * The workflow as one table: for each step, the statuses it may be taken from and the status it leads to
     * (null: the status stays, as for 交办). {@link #allowedActions} and every step read it, so the buttons a user
     * sees and the steps the server accepts cannot drift apart. Guards beyond the status (上报镇 only from village
     * level) are in {@link #allows}.
     */
    record Step(Set<DisputeStatus> from, DisputeStatus to) {
    }

    static final Map<DisputeAction, Step> STEPS;
    static {
        Map<DisputeAction, Step> steps = new EnumMap<>(DisputeAction.class);
        steps.put(DisputeAction.ACCEPT, new Step(EnumSet.of(REGISTERED), ACCEPTED));
        steps.put(DisputeAction.START_MEDIATION, new Step(EnumSet.of(ACCEPTED, ESCALATED), MEDIATING));
        steps.put(DisputeAction.RESOLVE, new Step(EnumSet.of(MEDIATING, REFERRED), RESOLVED));
        steps.put(DisputeAction.FAIL_TO_RESOLVE, new Step(EnumSet.of(MEDIATING, REFERRED), UNRESOLVED));
        steps.put(DisputeAction.ESCALATE_TO_TOWN, new Step(EnumSet.of(REGISTERED, ACCEPTED, MEDIATING, UNRESOLVED),
                ESCALATED));
        steps.put(DisputeAction.REFER, new Step(EnumSet.of(MEDIATING, UNRESOLVED, ESCALATED), REFERRED));
        steps.put(DisputeAction.CLOSE, new Step(EnumSet.of(RESOLVED), CLOSED));
        steps.put(DisputeAction.FOLLOW_UP_VISIT, new Step(EnumSet.of(CLOSED, FOLLOWED_UP), FOLLOWED_UP));
        steps.put(DisputeAction.ASSIGN, new Step(EnumSet.copyOf(DisputeStatus.OPEN), null));
        STEPS = Collections.unmodifiableMap(steps);
    }

    /** Whether {@code action} may be taken now: the table's statuses plus the step's own guard. */
    boolean allows(DisputeAction action) {
        Step step = STEPS.get(action);
        if (step == null || !step.from().contains(status)) {
            return false;
        }
        return action != DisputeAction.ESCALATE_TO_TOWN || level == HandlingLevel.VILLAGE;
    }

    void accept(String actor, String note, Instant now) {
        move(DisputeAction.ACCEPT, actor, note, now);
    }

    void startMediation(String actor, String note, Instant now) {
        move(DisputeAction.START_MEDIATION, actor, note, now);
    }

    /** 已化解 at the current handling level, which is what 小事不出村 / 大事不出镇 count. */
    void resolve(String actor, String note, Instant now, LocalDate today) {
        move(DisputeAction.RESOLVE, actor, note, now);
        resolvedOn = today;
        resolvedLevel = level;
        overdue = false;
    }

    void failToResolve(String actor, String note, Instant now) {
        move(DisputeAction.FAIL_TO_RESOLVE, actor, note, now);
    }

    /** 上报镇: only from village level; the town's default deadline starts (a later set deadline is kept). */
    void escalateToTown(String actor, String note, Instant now, LocalDate today, DisputeDeadlines deadlines) {
        move(DisputeAction.ESCALATE_TO_TOWN, actor, note, now);
        level = HandlingLevel.TOWN;
        restartDeadline(today, deadlines);
    }

    /**
     * 移交 to a unit: one of the town's 三调联动 units (the case stays in the town) or out of the town's handling
     * (上访, 诉讼, 移送县级部门: 矛盾上交); the level follows the channel, see {@link ReferralChannel}.
     */
    void refer(ReferralChannel channel, String unit, String actor, String note, Instant now, LocalDate today,
            DisputeDeadlines deadlines) {
        if (channel == null) {
            throw new InvalidInputException("channel", "移交须选择对接渠道");
        }
        requireText("unit", unit, "移交须写明接收单位");
        requireAllowed(DisputeAction.REFER);
        move(DisputeAction.REFER, actor, "移交" + unit.strip() + "（" + channel.label() + "）" + (note == null || note.isBlank() ? "" : "：" + note),
                now);
        referralChannel = channel;
        referralUnit = unit.strip();
        if (channel.level().ordinal() > level.ordinal()) {
            level = channel.level();
        }
        restartDeadline(today, deadlines);
    }

    void close(String actor, String note, Instant now) {
        move(DisputeAction.CLOSE, actor, note, now);
    }

    /** 回访: after 办结; may be repeated. */
    void recordFollowUpVisit(String actor, String note, Instant now) {
        move(DisputeAction.FOLLOW_UP_VISIT, actor, note, now);
    }

    /** 交办 (town office): responsible unit, person and deadline; not once the case has an outcome. */
    void assign(String unit, String person, LocalDate newDeadline, String actor, Instant now, LocalDate today) {
        requireAllowed(DisputeAction.ASSIGN);
        requireText("responsibleUnit", unit, "须写明责任单位");
        requireText("responsiblePerson", person, "须写明责任人");
        if (newDeadline == null) {
            throw new InvalidInputException("deadline", "须限定调处期限");
        }
        if (newDeadline.isBefore(today)) {
            throw new InvalidInputException("deadline", "期限不能早于今天");
        }
        responsibleUnit = unit.strip();
        responsiblePerson = person.strip();
        deadline = newDeadline;
        overdue = false;
        move(DisputeAction.ASSIGN, actor, "责任单位 " + responsibleUnit + "，责任人 " + responsiblePerson
                + "，期限 " + deadline, now);
    }

    /**
     * Marks an open dispute whose deadline has passed as overdue, once, with a timeline entry suggesting the next
     * level. Returns whether it changed.
     */
    boolean markOverdueIfPast(LocalDate today, Instant now) {
        if (overdue || !status.open() || !deadline.isBefore(today)) {
            return false;
        }
        overdue = true;
        String suggestion = switch (level) {
            case VILLAGE -> "建议上报镇综治办";
            case TOWN -> "建议移交三调联动单位（司法所、派出所、法庭等）或由综治办督办";
            case BEYOND_TOWN -> "建议向接收单位催办";
        };
        append(now, "系统", DisputeAction.OVERDUE, "已超过期限 " + deadline + "，" + suggestion);
        return true;
    }

    /**
     * Adds a 化解措施 (with a workflow step or on its own, at any status: a follow-up visit may add one too).
     * Blank adds nothing; longer than {@value Measure#MAX_TEXT} characters is refused naming {@code measure}.
     */
    void addMeasure(String text, String actor, Instant now) {
        String measure = blankToNull(text);
        if (measure == null) {
            return;
        }
        if (measure.length() > Measure.MAX_TEXT) {
            throw new InvalidInputException("measure", "化解措施不能超过 " + Measure.MAX_TEXT + " 字");
        }
        measuresTaken.add(new Measure(now, actor == null ? "系统" : actor, measure));
    }

    public List<Measure> getMeasuresTaken() {
        return Collections.unmodifiableList(measuresTaken);
    }

    public String getBuildingCode() {
        return buildingCode;
    }

    /** Loads the parties and the timeline, so the dispute can be shown after its transaction ends. */
    Dispute withDetail() {
        parties.size();
        timeline.size();
        measuresTaken.size();
        return this;
    }

    /** The steps allowed now, for the UI's buttons: exactly those {@link #move} would accept. */
    Set<DisputeAction> allowedActions() {
        Set<DisputeAction> allowed = EnumSet.noneOf(DisputeAction.class);
        STEPS.keySet().stream().filter(this::allows).forEach(allowed::add);
        return allowed;
    }

    private void restartDeadline(LocalDate today, DisputeDeadlines deadlines) {
        LocalDate fresh = deadlines.from(today, level);
        if (fresh.isAfter(deadline)) {
            deadline = fresh;
        }
        overdue = false;
    }

    private void requireAllowed(DisputeAction action) {
        if (!allows(action)) {
            throw new IllegalTransitionException(status, action);
        }
    }

    /** Takes a step of the table: refused with a 409 unless {@link #allows}, then the new status and the entry. */
    private void move(DisputeAction action, String actor, String note, Instant now) {
        requireAllowed(action);
        DisputeStatus to = STEPS.get(action).to();
        if (to != null) {
            status = to;
        }
        append(now, actor, action, note);
    }

    private void append(Instant now, String actor, DisputeAction action, String note) {
        String text = blankToNull(note);
        if (text != null && text.length() > 1000) {
            throw new InvalidInputException("note", "备注不能超过 1000 字");
        }
        timeline.add(new TimelineEntry(now, actor == null ? "系统" : actor, action, status, text));
    }

    private static void requireText(String field, String value, String reason) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, reason);
        }
        if (value.strip().length() > 64) {
            throw new InvalidInputException(field, "不能超过 64 字");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public Point getLocation() {
        return location;
    }

    public String getVillageCode() {
        return villageCode;
    }

    public String getGridCode() {
        return gridCode;
    }

    public LocalDate getSweptOn() {
        return sweptOn;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getSweptBy() {
        return sweptBy;
    }

    public String getSituation() {
        return situation;
    }

    public String getMeasures() {
        return measures;
    }

    public String getRemarks() {
        return remarks;
    }

    public DisputeType getType() {
        return type;
    }

    public Severity getSeverity() {
        return severity;
    }

    public DisputeSource getSource() {
        return source;
    }

    public DisputeStatus getStatus() {
        return status;
    }

    public HandlingLevel getLevel() {
        return level;
    }

    public int getPeopleInvolved() {
        return peopleInvolved;
    }

    public BigDecimal getAmountYuan() {
        return amountYuan;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public String getResponsibleUnit() {
        return responsibleUnit;
    }

    public String getResponsiblePerson() {
        return responsiblePerson;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public ReferralChannel getReferralChannel() {
        return referralChannel;
    }

    public String getReferralUnit() {
        return referralUnit;
    }

    public LocalDate getResolvedOn() {
        return resolvedOn;
    }

    public HandlingLevel getResolvedLevel() {
        return resolvedLevel;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Party> getParties() {
        return Collections.unmodifiableList(parties);
    }

    public List<TimelineEntry> getTimeline() {
        return Collections.unmodifiableList(timeline);
    }
}
