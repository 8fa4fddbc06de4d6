package cn.pingangrid.hotspot.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.border.CrossBorderRows;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.dispute.DisputeOutcome;
import cn.pingangrid.dispute.DisputeSummary;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.report.FengqiaoKpis;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.site.SiteScorecardSummary;
import cn.pingangrid.sweep.SweepCompliance;
import cn.pingangrid.sweep.TownSweeps;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.RoleNotAllowedException;

/**
 * 月度例会材料: everything the leadership's monthly meeting (领导小组每月召开一次工作例会) reviews for one month, in the
 * caller's area — the town for the leadership and the town office, one village for its cadre. Every table here is
 * also a sheet of the XLSX; the page and the workbook read the same {@link Pack}.
 */
@Service
class MeetingPack {

    static final int TOP_HOTSPOTS = 10;

    record KpiRow(String code, String name, FengqiaoKpis current, FengqiaoKpis previousMonth, FengqiaoKpis lastYear) {
    }

    record TopHotspot(String gridCode, String gridName, String villageName, int count, double z, int fdrBin,
            String dominantType, int dominantTypeCount) {
    }

    record Hotspots(int disputes, Double bandMeters, String problem, List<TopHotspot> top) {
    }

    record Case(long id, String type, String severity, String status, String villageName, String gridCode,
            LocalDate sweptOn, LocalDate deadline, String responsibleUnit, String responsiblePerson) {
    }

    record SweepLine(String code, String name, int filed, int weeks, Double compliance) {
    }

    record Sweeps(int weeks, List<SweepLine> villages, Boolean townMonthlyFiled) {
    }

    record Scorecard(String villageCode, String villageName, long total, Map<String, Long> byStatus,
            long overdueInspections, long linkedDisputes) {
    }

    record CrossBorder(long id, String type, String status, LocalDate occurredOn, String villageName,
            String concerns, String neighbours) {
    }

    record TypeSeries(String type, String label, int[] counts) {
    }

    record Trend(List<String> months, List<TypeSeries> series) {
    }

    record Pack(String month, LocalDate from, LocalDate to, boolean wholeTown, String areaName, List<KpiRow> villages,
            KpiRow town, Hotspots hotspots, List<Case> overdue, Sweeps sweeps, List<Scorecard> scorecards,
            List<CrossBorder> crossBorder, List<Case> sensitive, Trend trend) {
    }

    private final DisputeLocations disputes;
    private final HotspotAnalysis analysis;
    private final Areas areas;
    private final SweepCompliance sweepCompliance;
    private final TownSweeps townSweeps;
    private final SiteScorecardSummary scorecards;
    private final CrossBorderRows crossBorder;
    private final Clock clock;

    MeetingPack(DisputeLocations disputes, HotspotAnalysis analysis, Areas areas,
            SweepCompliance sweepCompliance, TownSweeps townSweeps, SiteScorecardSummary scorecards,
            CrossBorderRows crossBorder, Clock clock) {
        this.disputes = disputes;
        this.analysis = analysis;
        this.areas = areas;
        this.sweepCompliance = sweepCompliance;
        this.townSweeps = townSweeps;
        this.scorecards = scorecards;
        this.crossBorder = crossBorder;
        this.clock = clock;
    }

    /** The leadership, the town office, and a village cadre (their village's page) may read the pack. */
    static AreaScope requireReader() {
        CurrentUser user = CurrentUser.current();
        if (!user.hasAny(Role.LEADER, Role.TOWN_OFFICE, Role.VILLAGE_CADRE)) {
            throw new RoleNotAllowedException("月度例会材料供领导小组、综治办和村干部查看");
        }
        return user.area();
    }

    /** The month asked for (yyyy-MM, default the current one); a month still to come is a 400 naming it. */
    YearMonth month(String text) {
        YearMonth now = YearMonth.now(clock);
        if (text == null || text.isBlank()) {
            return now;
        }
        YearMonth month = HotspotQuery.month("month", text);
        if (month.isAfter(now)) {
            throw new InvalidInputException("month", "月份「" + text + "」还没有到");
        }
        return month;
    }

    Pack build(YearMonth month) {
        AreaScope scope = requireReader();
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<VillageRef> villages = areas.villages().stream().filter(v -> scope.coversVillage(v.code())).toList();
        Map<String, String> villageNames = new LinkedHashMap<>();
        areas.names().villages().values().forEach(v -> villageNames.put(v.code(), v.name()));
        Set<String> codes = villages.stream().map(VillageRef::code).collect(Collectors.toCollection(TreeSet::new));

        Map<String, List<DisputeOutcome>>[] outcomes = new Map[3];
        List<DisputeOutcome>[] all = new List[3];
        Map<String, Integer>[] filed = new Map[3];
        int[] weeks = new int[3];
        YearMonth[] periods = { month, month.minusMonths(1), month.minusYears(1) };
        for (int k = 0; k < 3; k++) {
            LocalDate f = periods[k].atDay(1);
            LocalDate t = periods[k].atEndOfMonth();
            all[k] = disputes.outcomes(f, t);
            outcomes[k] = all[k].stream().collect(Collectors.groupingBy(DisputeOutcome::villageCode));
            filed[k] = sweepCompliance.weeksFiled(f, t, codes);
            weeks[k] = SweepCompliance.weeksIn(f, t);
        }
        List<KpiRow> rows = new ArrayList<>();
        for (VillageRef v : villages) {
            FengqiaoKpis[] k = new FengqiaoKpis[3];
            for (int i = 0; i < 3; i++) {
                k[i] = FengqiaoKpis.of(outcomes[i].getOrDefault(v.code(), List.of()), filed[i].get(v.code()),
                        weeks[i]);
            }
            rows.add(new KpiRow(v.code(), v.name(), k[0], k[1], k[2]));
        }
        KpiRow town = null;
        if (scope.wholeTown()) {
            FengqiaoKpis[] k = new FengqiaoKpis[3];
            for (int i = 0; i < 3; i++) {
                int total = filed[i].values().stream().mapToInt(Integer::intValue).sum();
                k[i] = FengqiaoKpis.of(all[i], total, weeks[i] * villages.size());
            }
            town = new KpiRow("town", "全镇", k[0], k[1], k[2]);
        }

        List<DisputeSummary> ofMonth = disputes.sweptWithin(from, to, null, null, null, null);
        List<SweepLine> sweepLines = rows.stream().map(r -> new SweepLine(r.code(), r.name(),
                r.current().sweepsFiled() == null ? 0 : r.current().sweepsFiled(), weeks[0],
                r.current().sweepCompliance())).toList();
        Sweeps sweeps = new Sweeps(weeks[0], sweepLines, scope.wholeTown() ? townSweeps.monthlyFiled(from, to) : null);

        List<Scorecard> cards = scorecards.lines(from, to, LocalDate.now(clock)).stream()
                .filter(l -> scope.coversVillage(l.villageCode()))
                .map(l -> new Scorecard(l.villageCode(), villageNames.getOrDefault(l.villageCode(), l.villageCode()),
                        l.total(), l.byStatus(), l.overdueInspections(), l.linkedDisputes()))
                .toList();
        List<CrossBorder> border = crossBorder.rows(from, to).stream().map(r -> new CrossBorder(r.id(), r.type(),
                r.status(), r.occurredOn(), villageNames.getOrDefault(r.villageCode(), r.villageCode()),
                r.villageCodes().stream().sorted().map(c -> villageNames.getOrDefault(c, c))
                        .collect(Collectors.joining("、")),
                String.join("、", r.neighbours()))).toList();

        List<Case> overdue = disputes.sweptWithin(null, to, null, null, null, null).stream()
                .filter(DisputeSummary::overdue)
                .sorted(Comparator.comparing(DisputeSummary::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(d -> caseOf(d, villageNames)).toList();
        List<Case> sensitive = ofMonth.stream().filter(DisputeSummary::sensitive).map(d -> caseOf(d, villageNames))
                .toList();
        String areaName = scope.wholeTown() ? "全镇" : villages.stream().map(VillageRef::name)
                .collect(Collectors.joining("、"));
        return new Pack(month.toString(), from, to, scope.wholeTown(), areaName, rows, town,
                hotspots(month, ofMonth, villageNames, scope), overdue, sweeps, cards, border, sensitive,
                trend(month));
    }

    private Hotspots hotspots(YearMonth month, List<DisputeSummary> ofMonth, Map<String, String> villageNames,
            AreaScope scope) {
        HotspotQuery q = new HotspotQuery(month.atDay(1), month.atEndOfMonth(), "month", null, null, null, null);
        HotspotAnalysis.Gi gi;
        try {
            gi = analysis.gi(q, "grid", null, null, scope);
        } catch (InvalidInputException e) {
            String detail = e.getBody().getDetail();
            return new Hotspots(ofMonth.size(), null, detail, List.of());
        }
        Map<String, Map<String, Integer>> typesByGrid = new LinkedHashMap<>();
        ofMonth.forEach(d -> typesByGrid.computeIfAbsent(d.gridCode(), g -> new LinkedHashMap<>())
                .merge(d.type(), 1, Integer::sum));
        List<TopHotspot> top = gi.units().stream().filter(u -> u.fdrBin() > 0)
                .sorted(Comparator.comparingDouble(HotspotAnalysis.GiUnit::z).reversed()).limit(TOP_HOTSPOTS)
                .map(u -> {
                    Map.Entry<String, Integer> dominant = typesByGrid.getOrDefault(u.unit().id(), Map.of())
                            .entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
                    return new TopHotspot(u.unit().id(), u.unit().name(),
                            villageNames.get(AreaScope.villageOf(u.unit().id())), u.count(),
                            HotspotAnalysis.round(u.z()), u.fdrBin(),
                            dominant == null ? null : dominant.getKey(), dominant == null ? 0 : dominant.getValue());
                }).toList();
        return new Hotspots(gi.disputes(), HotspotAnalysis.round(gi.bandMeters()), null, top);
    }

    private Trend trend(YearMonth month) {
        YearMonth first = month.minusMonths(11);
        List<String> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(first.plusMonths(i).toString());
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (DisputeType type : DisputeType.values()) {
            counts.put(type.name(), new int[12]);
        }
        for (DisputeSummary d : disputes.sweptWithin(first.atDay(1), month.atEndOfMonth(), null, null, null, null)) {
            int i = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(d.sweptOn()));
            counts.get(d.type())[i]++;
        }
        List<TypeSeries> series = new ArrayList<>();
        for (DisputeType type : DisputeType.values()) {
            series.add(new TypeSeries(type.name(), type.label(), counts.get(type.name())));
        }
        return new Trend(months, series);
    }

    private static Case caseOf(DisputeSummary d, Map<String, String> villageNames) {
        return new Case(d.id(), d.type(), d.severity(), d.status(), villageNames.getOrDefault(d.villageCode(),
                d.villageCode()), d.gridCode(), d.sweptOn(), d.deadline(), d.responsibleUnit(),
                d.responsiblePerson());
    }
}
