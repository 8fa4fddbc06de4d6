package cn.pingangrid.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cn.pingangrid.dispute.DisputeOutcome;
import cn.pingangrid.dispute.HandlingLevel;

/**
 * The KPIs of one area over a period, from the disputes registered (排查时间) in it:
 * <ul>
 * <li>resolution rate = resolved / registered;</li>
 * <li>小事不出村 = resolved at village level / resolved (all closed with an outcome);</li>
 * <li>大事不出镇 = resolved at village or town level / resolved;</li>
 * <li>矛盾不上交 = how many left the town's handling unresolved (a petition upward, a lawsuit, a case sent to a
 * county department); referrals to the town's 三调联动 units (司法所、派出所、法庭、林业站、国土所、民政所) stay in the
 * town;</li>
 * <li>对接受理 = how many were handed over to the town's mediation by the police, petitions office, procuratorate or
 * court (访调、警调、检调、诉调对接, 诉前调解; seed §五.2);</li>
 * <li>overdue = open past the deadline; median days from 排查时间 to 化解;</li>
 * <li>sweep compliance = weekly sweeps filed / weeks in the period (villages only).</li>
 * </ul>
 * A rate whose denominator is zero is null, not zero.
 */
public record FengqiaoKpis(int registered, int resolved, Double resolutionRate, Double villageRate, Double townRate,
        int sentBeyondTown, int overdue, Double medianDaysToResolve, Integer sweepsFiled, Integer weeks,
        Double sweepCompliance, int handedOver) {

    public static FengqiaoKpis of(Collection<DisputeOutcome> outcomes, Integer sweepsFiled, Integer weeks) {
        int registered = outcomes.size();
        int resolved = 0;
        int atVillage = 0;
        int inTown = 0;
        int beyond = 0;
        int overdue = 0;
        int handedOver = 0;
        List<Long> days = new ArrayList<>();
        for (DisputeOutcome o : outcomes) {
            if (o.resolved()) {
                resolved++;
                days.add(ChronoUnit.DAYS.between(o.sweptOn(), o.resolvedOn()));
                if (o.resolvedLevel() == HandlingLevel.VILLAGE) {
                    atVillage++;
                }
                if (o.resolvedLevel() != HandlingLevel.BEYOND_TOWN) {
                    inTown++;
                }
            }
            if (o.level() == HandlingLevel.BEYOND_TOWN) {
                beyond++;
            }
            if (o.overdue()) {
                overdue++;
            }
            if (o.handedOver()) {
                handedOver++;
            }
        }
        return new FengqiaoKpis(registered, resolved, rate(resolved, registered), rate(atVillage, resolved),
                rate(inTown, resolved), beyond, overdue, median(days), sweepsFiled, weeks,
                sweepsFiled == null || weeks == null ? null : rate(sweepsFiled, weeks), handedOver);
    }

    /** {@code part / whole} to four decimals; null when {@code whole} is 0 (no rate, rather than a made-up 0 %). */
    public static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
