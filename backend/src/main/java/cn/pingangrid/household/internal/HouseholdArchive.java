package cn.pingangrid.household.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.BuildingRef;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.dispute.DisputeLocation;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.scope.ScopedQuery;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.Texts;

/**
 * 一户一档's reads and writes, each in one transaction. Every read is cut to the caller's area by the scope; what of
 * it a role sees is {@link HouseholdAccess}: counts, masks, or (for the area's handlers) the archive, with the full
 * ID numbers and phones only through {@link #reveal} with a reason, which the audit log keeps.
 */
@Service
class HouseholdArchive {

    /** A page of the list: who reads it ({@link HouseholdAccess}), how many match, whether the limit cut them. */
    record Listing(String access, long total, boolean truncated, List<HouseholdView.Summary> households) {
    }

    /** Households and members per building, and in all. */
    record Counts(String access, long households, long members, List<BuildingCount> buildings) {
    }

    record BuildingCount(String building, long households, long members) {
    }

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final Households households;
    private final HouseholdForms forms;
    private final HouseholdView view;
    private final Areas areas;
    private final DisputeLocations disputes;
    private final AuditTrail audit;
    private final Clock clock;

    HouseholdArchive(Households households, HouseholdForms forms, HouseholdView view, Areas areas,
            DisputeLocations disputes, AuditTrail audit, Clock clock) {
        this.households = households;
        this.forms = forms;
        this.view = view;
        this.areas = areas;
        this.disputes = disputes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Households in the caller's area. {@code q} searches the head of household's name: a handler by any part of
     * it; a masked reader only by what the mask shows (the surname), so a search never confirms a hidden name.
     * {@code idNumber} (handlers only) finds a person by the blind index. {@code sort}: {@code building} (default)
     * or {@code head} (for a masked reader, by the surname only).
     */
    @Transactional(readOnly = true)
    Listing list(String building,
            String grid, String village,
            String q, String idNumber,
            String sort, String limit) {
        HouseholdAccess access = HouseholdAccess.current().requireArchive();
        ScopedQuery<Household> query = households.query(filter(building, grid, village));
        String search = Texts.field("q", q, 32, false);
        if (search != null) {
            if (access == HouseholdAccess.HANDLER) {
                query.where("h.headName like :q escape '!'", Map.of("q", "%" + likeEscaped(search) + "%"));
            } else {
                String visible = search.replace("*", "");
                if (visible.codePointCount(0, visible.length()) != 1) {
                    return answer(List.of(), 0, access); // more than the mask shows: nothing can match
                }
                query.where("h.headName like :q escape '!'", Map.of("q", likeEscaped(visible) + "%"));
            }
        }
        if (idNumber != null && !idNumber.isBlank()) {
            access.requireHandler();
            households.withIdIndex(query, forms.index("idNumber", idNumber, LocalDate.now(clock)));
        }
        int max = limit(limit);
        String order = switch (sort == null || sort.isBlank() ? "building" : sort.strip()) {
            case "building" -> "h.buildingCode, h.id";
            case "head" -> access == HouseholdAccess.HANDLER ? "h.headName, h.id"
                    : "substring(h.headName, 1, 1), h.buildingCode, h.id";
            default -> throw new InvalidInputException("sort", "排序须为 building（楼栋）或 head（户主）");
        };
        long total = query.count();
        List<HouseholdView.Summary> rows = query.orderBy(order).list(max).stream()
                .map(h -> view.summary(h, access)).toList();
        return answer(rows, total, access);
    }

    private static Listing answer(List<HouseholdView.Summary> rows, long total, HouseholdAccess access) {
        return new Listing(access.name(), total, total > rows.size(), rows);
    }

    /** Households and members per building in the caller's area: what every role with an area may see. */
    @Transactional(readOnly = true)
    Counts counts(String building,
            String grid, String village) {
        Households.Query filter = filter(building, grid, village);
        long households = 0;
        long members = 0;
        List<BuildingCount> buildings = new ArrayList<>();
        for (Object[] row : this.households.countsByBuilding(filter)) {
            long h = ((Number) row[1]).longValue();
            long m = row[2] == null ? 0 : ((Number) row[2]).longValue();
            households += h;
            members += m;
            buildings.add(new BuildingCount((String) row[0], h, m));
        }
        return new Counts(HouseholdAccess.current().name(), households, members, buildings);
    }

    @Transactional(readOnly = true)
    HouseholdView.Detail one(long id) {
        HouseholdAccess access = HouseholdAccess.current().requireArchive();
        return detail(households.get(id), access, false);
    }

    /** The household with full ID numbers, phones and birth dates, for a handler who says why; audited. */
    @Transactional(readOnly = true)
    HouseholdView.Detail reveal(long id, String reasonText) {
        HouseholdAccess access = HouseholdAccess.current().requireArchive().requireHandler();
        String reason = Texts.field("reason", reasonText, 100, true);
        if (reason.codePointCount(0, reason.length()) < 2) {
            throw new InvalidInputException("reason", "请写明查看完整信息的事由（至少 2 个字）");
        }
        Household household = households.get(id);
        audit.record("HOUSEHOLD_REVEAL", "household", String.valueOf(id), "事由：" + reason);
        return detail(household, access, true);
    }

    @Transactional
    HouseholdView.Detail create(HouseholdForms.HouseholdRequest request) {
        HouseholdAccess access = HouseholdAccess.current().requireHandler();
        BuildingRef building = building(request.building());
        LocalDate today = LocalDate.now(clock);
        Household household = new Household(building.code(), building.gridCode().substring(0, 12),
                building.gridCode(), forms.basics(request), forms.members(request.members(), today),
                CurrentUser.current().username(), clock.instant());
        households.add(household);
        audit.record("HOUSEHOLD_CREATE", "household", String.valueOf(household.getId()), "楼栋 "
                + building.code() + "，" + household.getMemberCount() + " 人");
        return detail(household, access, false);
    }

    /** Replaces the basics and members (the building stays: a household that moves is 迁出 here, 迁入 there). */
    @Transactional
    HouseholdView.Detail update(long id, HouseholdForms.HouseholdRequest request) {
        HouseholdAccess access = HouseholdAccess.current().requireHandler();
        Household.Basics basics = forms.basics(request);
        List<Person> members = forms.members(request.members(), LocalDate.now(clock));
        Household household = households.get(id);
        if (request.building() != null && !request.building().equals(household.getBuildingCode())) {
            throw new InvalidInputException("building", "户档案不能改到另一栋楼：请登记迁出和迁入");
        }
        household.edit(basics, members, CurrentUser.current().username(), clock.instant());
        audit.record("HOUSEHOLD_UPDATE", "household", String.valueOf(id), household.getMemberCount() + " 人");
        return detail(household, access, false);
    }

    @Transactional
    HouseholdView.Detail move(long id, HouseholdForms.MoveRequest request) {
        MemberMove move = forms.move(request, LocalDate.now(clock));
        return entry(id, "moves", (h, by) -> h.recordMove(move, by, clock.instant()));
    }

    @Transactional
    HouseholdView.Detail merit(long id, HouseholdForms.MeritRequest request) {
        Merit merit = forms.merit(request, LocalDate.now(clock));
        return entry(id, "merits", (h, by) -> h.addMerit(merit, by, clock.instant()));
    }

    @Transactional
    HouseholdView.Detail misconduct(long id, HouseholdForms.MisconductRequest request) {
        Misconduct entry = forms.misconduct(request, LocalDate.now(clock));
        return entry(id, "misconduct", (h, by) -> h.addMisconduct(entry, by, clock.instant()));
    }

    @Transactional
    HouseholdView.Detail conflict(long id, HouseholdForms.ConflictRequest request) {
        ConflictCheck check = forms.conflict(request, LocalDate.now(clock));
        if (check.getDisputeId() != null && disputes.byIds(Set.of(check.getDisputeId())).isEmpty()) {
            throw new InvalidInputException("disputeId", "没有编号为 " + check.getDisputeId() + " 的纠纷（或不在您负责的区域）");
        }
        return entry(id, "conflicts", (h, by) -> h.addConflict(check, by, clock.instant()));
    }

    private HouseholdView.Detail entry(long id, String form, BiConsumer<Household, String> change) {
        HouseholdAccess access = HouseholdAccess.current().requireHandler();
        Household household = households.get(id);
        change.accept(household, CurrentUser.current().username());
        audit.record("HOUSEHOLD_" + form.toUpperCase(java.util.Locale.ROOT), "household", String.valueOf(id), form);
        return detail(household, access, false);
    }

    /** The household's detail plus the register's disputes at its building and those its 登记表 names. */
    private HouseholdView.Detail detail(Household household, HouseholdAccess access, boolean revealed) {
        List<Long> linked = household.getConflicts().stream().map(ConflictCheck::getDisputeId)
                .filter(java.util.Objects::nonNull).toList();
        Map<Long, DisputeLocation> found = new LinkedHashMap<>();
        areas.building(household.getBuildingCode()).ifPresent(b -> disputes.within(b.footprint(), null, null)
                .forEach(d -> found.put(d.id(), d)));
        disputes.byIds(linked).forEach(d -> found.put(d.id(), d));
        return view.detail(household, access, revealed, found.values().stream()
                .map(d -> new HouseholdView.LinkedDispute(d.id(), d.type(), d.status(), String.valueOf(d.sweptOn()),
                        linked.contains(d.id())))
                .toList());
    }

    private BuildingRef building(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("building", "必填");
        }
        if (!code.matches("\\d{19}")) {
            throw new InvalidInputException("building", "楼栋代码须为 19 位数字");
        }
        return areas.building(code).orElseThrow(() -> new InvalidInputException("building",
                "没有代码为 " + code + " 的楼栋（或不在您负责的区域）"));
    }

    static Households.Query filter(String building, String grid, String village) {
        return new Households.Query(code("building", building, 19), code("grid", grid, 14),
                code("village", village, 12));
    }

    private static String code(String field, String value, int digits) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("\\d{" + digits + "}")) {
            throw new InvalidInputException(field, "代码须为 " + digits + " 位数字");
        }
        return value.strip();
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!text.strip().matches("\\d{1,4}") || Integer.parseInt(text.strip()) < 1
                || Integer.parseInt(text.strip()) > MAX_LIMIT) {
            throw new InvalidInputException("limit", "须为 1 到 " + MAX_LIMIT + " 的整数");
        }
        return Integer.parseInt(text.strip());
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
