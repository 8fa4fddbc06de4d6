package cn.pingangrid.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.area.AreaNames;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.dispute.DisputeOutcome;
import cn.pingangrid.sweep.SweepCompliance;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.report.FengqiaoKpis;

/** The KPIs as JSON: one row per visible village and one for the town (whole-town users only). */
@RestController
class KpiController {

    private final DisputeLocations disputes;
    private final SweepCompliance sweeps;
    private final Areas areas;
    private final Clock clock;

    KpiController(DisputeLocations disputes, SweepCompliance sweeps, Areas areas, Clock clock) {
        this.disputes = disputes;
        this.sweeps = sweeps;
        this.areas = areas;
        this.clock = clock;
    }

    /** The KPIs of a period: per visible village, and for the town and its monthly sweeps (whole-town users). */
    record Kpis(String from, String to, int weeks, List<VillageKpis> villages, FengqiaoKpis town,
            TownSweepCompliance townSweeps) {
    }

    /** A village's row; {@code grids} lists a grid manager's own grids (the row counts only those), else null. */
    record VillageKpis(String code, String name, List<String> grids, FengqiaoKpis kpis) {
    }

    record TownSweepCompliance(List<Month> months, int filed, int due, Double compliance) {
    }

    /** A month ({@code 2026-05}) and whether the town's sweep for it is on file. */
    record Month(String month, boolean filed) {
    }

    /** {@code from}..{@code to} inclusive, by 排查时间; default the current month so far. */
    @GetMapping("/api/kpis")
    Kpis kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate toDate = to == null || to.isBlank() ? today : date("to", to);
        LocalDate fromDate = from == null || from.isBlank() ? toDate.withDayOfMonth(1) : date("from", from);
        if (fromDate.isAfter(toDate)) {
            throw new InvalidInputException("from", "开始日期晚于结束日期");
        }
        if (fromDate.plusYears(5).isBefore(toDate)) {
            throw new InvalidInputException("from", "统计期间不能超过 5 年");
        }
        AreaScope scope = CurrentUser.current().area();
        List<VillageRef> villages = areas.villages();
        Set<String> codes = villages.stream().map(VillageRef::code).collect(Collectors.toCollection(TreeSet::new));
        List<DisputeOutcome> outcomes = disputes.outcomes(fromDate, toDate);
        Map<String, List<DisputeOutcome>> byVillage = outcomes.stream()
                .collect(Collectors.groupingBy(DisputeOutcome::villageCode));
        Map<String, Integer> filed = sweeps.weeksFiled(fromDate, toDate, codes);
        int weeks = SweepCompliance.weeksIn(fromDate, toDate);
        List<VillageKpis> rows = new ArrayList<>();
        int filedTotal = 0;
        AreaNames names = areas.names();
        for (VillageRef v : villages) {
            // a grid manager's row counts only their grids: say so, not the village's name alone
            List<String> ownGrids = scope.wholeTown() || scope.coversVillage(v.code()) ? List.of()
                    : scope.grids().stream().filter(g -> g.startsWith(v.code())).sorted().toList();
            String name = ownGrids.isEmpty() ? v.name() : v.name() + " " + ownGrids.stream()
                    .map(g -> java.util.Objects.requireNonNullElse(names.gridName(g), g))
                    .collect(Collectors.joining("、")) + "（仅本网格）";
            rows.add(new VillageKpis(v.code(), name, ownGrids.isEmpty() ? null : ownGrids,
                    FengqiaoKpis.of(byVillage.getOrDefault(v.code(), List.of()), filed.get(v.code()), weeks)));
            filedTotal += filed.getOrDefault(v.code(), 0);
        }
        return new Kpis(fromDate.toString(), toDate.toString(), weeks, rows,
                scope.wholeTown() ? FengqiaoKpis.of(outcomes, filedTotal, weeks * villages.size()) : null,
                scope.wholeTown() ? townSweeps(fromDate, toDate) : null);
    }

    /** 镇每月组织一次矛盾纠纷排查 (seed §五.1): each month due in the period, whether the town filed its sweep. */
    private TownSweepCompliance townSweeps(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> months = sweeps.townMonthsFiled(from, to);
        int filed = (int) months.values().stream().filter(Boolean::booleanValue).count();
        return new TownSweepCompliance(months.entrySet().stream()
                .map(e -> new Month(e.getKey().toString().substring(0, 7), e.getValue())).toList(), filed,
                months.size(), FengqiaoKpis.rate(filed, months.size()));
    }

    private static LocalDate date(String field, String text) {
        return cn.pingangrid.system.Dates.parse(field, text);
    }
}
