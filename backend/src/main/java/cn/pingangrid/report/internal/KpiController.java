package cn.pingangrid.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** {@code from}..{@code to} inclusive, by 排查时间; default the current month so far. */
    @GetMapping("/api/kpis")
    Map<String, Object> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
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
        List<Map<String, Object>> rows = new ArrayList<>();
        int filedTotal = 0;
        AreaNames names = areas.names();
        for (VillageRef v : villages) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", v.code());
            // a grid manager's row counts only their grids: say so, not the village's name alone
            List<String> ownGrids = scope.wholeTown() || scope.coversVillage(v.code()) ? List.of()
                    : scope.grids().stream().filter(g -> g.startsWith(v.code())).sorted().toList();
            row.put("name", ownGrids.isEmpty() ? v.name() : v.name() + " " + ownGrids.stream()
                    .map(g -> java.util.Objects.requireNonNullElse(names.gridName(g), g))
                    .collect(Collectors.joining("、")) + "（仅本网格）");
            row.put("grids", ownGrids.isEmpty() ? null : ownGrids);
            row.put("kpis", FengqiaoKpis.of(byVillage.getOrDefault(v.code(), List.of()), filed.get(v.code()),
                    weeks));
            filedTotal += filed.getOrDefault(v.code(), 0);
            rows.add(row);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", fromDate.toString());
        answer.put("to", toDate.toString());
        answer.put("weeks", weeks);
        answer.put("villages", rows);
        answer.put("town", scope.wholeTown() ? FengqiaoKpis.of(outcomes, filedTotal, weeks * villages.size()) : null);
        answer.put("townSweeps", scope.wholeTown() ? townSweeps(fromDate, toDate) : null);
        return answer;
    }

    /** 镇每月组织一次矛盾纠纷排查 (seed §五.1): each month due in the period, whether the town filed its sweep. */
    private Map<String, Object> townSweeps(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> months = sweeps.townMonthsFiled(from, to);
        int filed = (int) months.values().stream().filter(Boolean::booleanValue).count();
        Map<String, Object> town = new LinkedHashMap<>();
        town.put("months", months.entrySet().stream().map(e -> Map.of("month",
                e.getKey().toString().substring(0, 7), "filed", e.getValue())).toList());
        town.put("filed", filed);
        town.put("due", months.size());
        town.put("compliance", FengqiaoKpis.rate(filed, months.size()));
        return town;
    }

    private static LocalDate date(String field, String text) {
        return cn.pingangrid.system.Dates.parse(field, text);
    }
}
