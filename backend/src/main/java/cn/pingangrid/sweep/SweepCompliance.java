package cn.pingangrid.sweep;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.pingangrid.sweep.internal.SweepKind;
import cn.pingangrid.sweep.internal.Sweeps;

/**
 * Whether the sweeps the seed sets are filed (§五.1: 村（社区）每周组织一次矛盾纠纷排查，镇每月组织一次): the villages'
 * weekly ones and the town's monthly one. The module's read API for reports.
 */
@Service
@Transactional(readOnly = true)
public class SweepCompliance {

    private final Sweeps sweeps;

    SweepCompliance(Sweeps sweeps) {
        this.sweeps = sweeps;
    }

    /** The Monday of the week {@code day} is in. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** How many weeks have their Monday in {@code from}..{@code to}. */
    public static int weeksIn(LocalDate from, LocalDate to) {
        LocalDate monday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int weeks = 0;
        for (LocalDate d = monday; !d.isAfter(to); d = d.plusWeeks(1)) {
            weeks++;
        }
        return weeks;
    }

    /** Per village: how many of the weeks with their Monday in {@code from}..{@code to} have a weekly sweep filed. */
    public Map<String, Integer> weeksFiled(LocalDate from, LocalDate to, Set<String> villages) {
        Map<String, Set<LocalDate>> weeks = new HashMap<>();
        for (Sweeps.Filed s : sweeps.filedBetween(from, to, true)) {
            if (s.kind() == SweepKind.VILLAGE_WEEKLY) {
                weeks.computeIfAbsent(s.villageCode(), v -> new java.util.HashSet<>()).add(s.periodStart());
            }
        }
        Map<String, Integer> filed = new HashMap<>();
        villages.forEach(v -> filed.put(v, weeks.getOrDefault(v, Set.of()).size()));
        return filed;
    }

    /** The first days of the months that start in {@code from}..{@code to}: the town's monthly sweeps due. */
    public static List<LocalDate> monthsIn(LocalDate from, LocalDate to) {
        List<LocalDate> months = new ArrayList<>();
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        for (LocalDate m = first; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /**
     * For each month due in {@code from}..{@code to} ({@link #monthsIn}), whether the town's monthly sweep was
     * filed, in month order. Empty for a caller who does not see the town's own sweeps.
     */
    public Map<LocalDate, Boolean> townMonthsFiled(LocalDate from, LocalDate to) {
        Set<LocalDate> filed = new HashSet<>();
        for (Sweeps.Filed s : sweeps.filedBetween(from, to, false)) {
            if (s.kind() == SweepKind.TOWN_MONTHLY) {
                filed.add(s.periodStart().withDayOfMonth(1));
            }
        }
        Map<LocalDate, Boolean> months = new LinkedHashMap<>();
        monthsIn(from, to).forEach(m -> months.put(m, filed.contains(m)));
        return months;
    }
}
