package cn.pingangrid.sweep.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.scope.UnscopedPath;
import cn.pingangrid.account.DemoCadres;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.dispute.DisputeOutcome;
import cn.pingangrid.sweep.SweepCompliance;

/**
 * The demo villages' weekly sweeps over the demo history (after the demo disputes), listing the disputes
 * registered that week or a zero report; a few villages file irregularly and some have not filed this week, so
 * the compliance view has something to show. Deterministic; loaded once.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "pingan.demo.disputes", havingValue = "true")
class DemoSweeps implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    private static final Logger log = LoggerFactory.getLogger(DemoSweeps.class);

    private final Sweeps sweeps;
    private final Areas areas;
    private final DisputeLocations disputes;
    private final Clock clock;

    DemoSweeps(Sweeps sweeps, Areas areas, DisputeLocations disputes, Clock clock) {
        this.sweeps = sweeps;
        this.areas = areas;
        this.disputes = disputes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.DEMO_SWEEPS, this::generate);
    }

    private void generate() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        LocalDate thisWeek = SweepCompliance.weekStart(today);
        if (!sweeps.between(thisWeek.minusYears(2), today, false).isEmpty()) {
            return;
        }
        Random random = new Random(20190502L);
        LocalDate first = thisWeek.minusWeeks(104);
        Map<String, Map<LocalDate, Set<Long>>> found = new HashMap<>();
        for (DisputeOutcome o : disputes.outcomes(first, today)) {
            found.computeIfAbsent(o.villageCode(), v -> new HashMap<>())
                    .computeIfAbsent(SweepCompliance.weekStart(o.sweptOn()), w -> new TreeSet<>()).add(o.id());
        }
        List<VillageRef> villages = areas.villages();
        int filed = 0;
        for (VillageRef v : villages) {
            int diligence = 70 + random.nextInt(30); // per cent of weeks filed
            for (LocalDate week = first; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
                if (random.nextInt(100) >= diligence || (week.equals(thisWeek) && random.nextBoolean())) {
                    continue;
                }
                // filed at the week's end, or now for this week: never in the future
                Instant filedAt = week.plusDays(6).atTime(18, 0).atZone(clock.getZone()).toInstant();
                if (filedAt.isAfter(now)) {
                    filedAt = now;
                }
                Set<Long> ids = found.getOrDefault(v.code(), Map.of()).getOrDefault(week, Set.of());
                sweeps.add(new Sweep(SweepKind.VILLAGE_WEEKLY, v.code(), null, week, v.name() + "治保会",
                        ids.isEmpty(), ids, null, DemoCadres.username(v.code(), v.name()), filedAt));
                filed++;
            }
        }
        for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
            // the town files on the 28th; a month whose 28th is still ahead is not filed yet
            Instant filedAt = month.plusDays(27).atTime(17, 0).atZone(clock.getZone()).toInstant();
            if (!filedAt.isAfter(now)) {
                sweeps.add(new Sweep(SweepKind.TOWN_MONTHLY, null, null, month, "镇综治办", true, Set.of(),
                        "全镇月度排查", "zongzhiban", filedAt));
            }
        }
        log.info("演示排查：已生成 {} 份村每周排查", filed);
    }
}
