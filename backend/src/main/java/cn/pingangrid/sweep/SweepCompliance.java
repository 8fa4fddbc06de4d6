package cn.pingangrid.sweep;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether villages file their weekly sweep (一周一报): the module's read API for reports. */
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
        for (Sweep s : sweeps.between(from, to, true)) {
            if (s.getKind() == SweepKind.VILLAGE_WEEKLY) {
                weeks.computeIfAbsent(s.getVillageCode(), v -> new java.util.HashSet<>()).add(s.getPeriodStart());
            }
        }
        Map<String, Integer> filed = new HashMap<>();
        villages.forEach(v -> filed.put(v, weeks.getOrDefault(v, Set.of()).size()));
        return filed;
    }
}
