package cn.pingangrid.dispute;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
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
import cn.pingangrid.area.BuildingRef;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.geo.Wgs84;

/**
 * The demo's two-year history of about 3,000 disputes ({@code pingan.demo.disputes=true}, set by the demo
 * profile; tests turn it off). Deterministic (fixed seed): a realistic type mix, land disputes at spring
 * planting, wage disputes before the Spring Festival, three real clusters, and outcomes by age. Loaded once: an
 * existing register is left alone.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "pingan.demo.disputes", havingValue = "true")
class DemoDisputes implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    static final long SEED = 20190501L;
    static final int BACKGROUND = 2_800;
    static final int PER_CLUSTER = 70;

    private static final Logger log = LoggerFactory.getLogger(DemoDisputes.class);

    /** Type weights of the background (per cent, roughly what a rural town's register shows). */
    private static final Map<DisputeType, Integer> MIX = Map.of(DisputeType.NEIGHBOURS, 25,
            DisputeType.MARRIAGE_FAMILY, 18, DisputeType.LAND_FOREST, 15, DisputeType.WAGES, 10,
            DisputeType.ROAD_TRAFFIC, 8, DisputeType.LABOUR, 6, DisputeType.MEDICAL, 4, DisputeType.WORK_SAFETY, 4,
            DisputeType.ENTERPRISE_RESTRUCTURING, 2, DisputeType.OTHER, 8);

    private static final Map<DisputeType, String[]> SITUATIONS = Map.of(
            DisputeType.NEIGHBOURS, new String[] { "两户因宅基地边界发生争执", "邻里因排水沟堵塞引发矛盾", "因鸡鸭进入菜地损毁作物发生口角" },
            DisputeType.MARRIAGE_FAMILY, new String[] { "夫妻因家庭琐事长期不和", "兄弟因老人赡养问题发生争执", "因分家析产产生矛盾" },
            DisputeType.LAND_FOREST, new String[] { "两组村民因山林界址不清发生争议", "因承包田边界及灌溉用水发生纠纷", "因林地流转租金发生争议" },
            DisputeType.WAGES, new String[] { "务工人员被拖欠工资", "包工头拖欠农民工年底工资", "因工程款结算拖欠工人工资" },
            DisputeType.ROAD_TRAFFIC, new String[] { "摩托车与电动车相撞引发赔偿纠纷", "村道会车剐蹭引发赔偿争议" },
            DisputeType.LABOUR, new String[] { "因解除劳动关系补偿发生争议", "因未签劳动合同引发争议" },
            DisputeType.MEDICAL, new String[] { "患者家属对诊疗结果有异议", "因医疗费用报销发生争议" },
            DisputeType.WORK_SAFETY, new String[] { "工人作业受伤赔偿发生争议", "采石场工人受伤后赔偿未达成一致" },
            DisputeType.ENTERPRISE_RESTRUCTURING, new String[] { "企业改制后职工安置问题引发不满" },
            DisputeType.OTHER, new String[] { "因修路占地补偿发生争议", "因广场舞噪音引发矛盾" });

    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗", "曾", "彭", "谢", "邓" };
    private static final String[] GIVEN = { "伟", "芳", "军", "敏", "强", "丽", "勇", "艳", "杰", "娟", "涛", "明",
        "超", "霞", "平", "刚", "建国", "桂英", "志强", "秀兰", "海燕", "春花", "国华", "德明" };

    private final Areas areas;
    private final Disputes disputes;
    private final DisputeDeadlines deadlines;
    private final Clock clock;
    private final Map<String, String> villageNames = new java.util.TreeMap<>();
    private final STRtree gridIndex = new STRtree();
    private int pending;

    DemoDisputes(Areas areas, Disputes disputes, DisputeDeadlines deadlines, Clock clock) {
        this.areas = areas;
        this.disputes = disputes;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.DEMO_DISPUTES, this::generate);
    }

    private void generate() {
        if (disputes.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(SEED);
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusYears(2);
        for (VillageRef v : areas.villages()) {
            villageNames.put(v.code(), v.name());
        }
        for (GridRef g : areas.grids(null)) {
            gridIndex.insert(g.boundary().getEnvelopeInternal(), g);
        }
        // a building picked at random: villages with more houses get more disputes, as they have more people
        List<BuildingRef> all = new ArrayList<>();
        for (String code : villageNames.keySet()) {
            all.addAll(areas.buildingsOfVillage(code));
        }
        all.sort(java.util.Comparator.comparing(BuildingRef::code)); // the order the seed is applied in is fixed
        int created = 0;
        for (int i = 0; i < BACKGROUND; i++) {
            LocalDate day = first.plusDays(random.nextInt((int) (today.toEpochDay() - first.toEpochDay()) + 1));
            DisputeType type = seasonalType(random, day);
            Point p = jitter(all.get(random.nextInt(all.size())), random, 0.0003);
            created += create(random, p, type, day, today) ? 1 : 0;
        }
        // three clusters: a forest boundary quarrel, unpaid wages at a works, a street of feuding neighbours
        DisputeType[] clusterTypes = { DisputeType.LAND_FOREST, DisputeType.WAGES, DisputeType.NEIGHBOURS };
        for (DisputeType type : clusterTypes) {
            BuildingRef centre = all.get(random.nextInt(all.size()));
            LocalDate clusterStart = today.minusDays(60 + random.nextInt(300));
            for (int i = 0; i < PER_CLUSTER; i++) {
                LocalDate day = clusterStart.plusDays(random.nextInt(45));
                Point p = jitter(centre, random, 0.0012);
                created += create(random, p, type, day.isAfter(today) ? today : day, today) ? 1 : 0;
            }
        }
        disputes.flushAndClear();
        log.info("演示纠纷：已生成 {} 件（{} ms）", created, (System.nanoTime() - started) / 1_000_000);
    }

    /** Spring planting (March–April) triples land disputes; the weeks before the Spring Festival quadruple wages. */
    static DisputeType seasonalType(Random random, LocalDate day) {
        MonthDay md = MonthDay.from(day);
        boolean planting = md.isAfter(MonthDay.of(2, 28)) && md.isBefore(MonthDay.of(5, 1));
        boolean beforeFestival = md.isAfter(MonthDay.of(12, 20)) || md.isBefore(MonthDay.of(2, 10));
        int total = 0;
        for (DisputeType t : DisputeType.values()) {
            total += weight(t, planting, beforeFestival);
        }
        int pick = random.nextInt(total);
        for (DisputeType t : DisputeType.values()) {
            pick -= weight(t, planting, beforeFestival);
            if (pick < 0) {
                return t;
            }
        }
        return DisputeType.OTHER;
    }

    private static int weight(DisputeType t, boolean planting, boolean beforeFestival) {
        int w = MIX.get(t);
        if (planting && t == DisputeType.LAND_FOREST) {
            w *= 3;
        }
        if (beforeFestival && t == DisputeType.WAGES) {
            w *= 4;
        }
        return w;
    }

    /** The grid at a point from the in-memory index (a query per dispute would make loading slow). */
    private GridRef gridAt(Point point) {
        @SuppressWarnings("unchecked")
        List<GridRef> candidates = gridIndex.query(point.getEnvelopeInternal());
        return candidates.stream().filter(g -> g.boundary().intersects(point))
                .min(java.util.Comparator.comparing(GridRef::code)).orElse(null);
    }

    private boolean create(Random random, Point point, DisputeType type, LocalDate day, LocalDate today) {
        GridRef grid = gridAt(point);
        if (grid == null) {
            return false;
        }
        String villageCode = grid.villageCode();
        String villageName = villageNames.get(villageCode);
        int roll = random.nextInt(100);
        Severity severity = roll < 80 ? Severity.ORDINARY : roll < 96 ? Severity.SERIOUS : Severity.MAJOR;
        boolean major = severity == Severity.MAJOR;
        List<Party> parties = new ArrayList<>();
        int count = 1 + random.nextInt(type == DisputeType.WAGES ? 4 : 2);
        for (int i = 0; i < count; i++) {
            parties.add(new Party(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
                    "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000))));
        }
        String[] texts = SITUATIONS.get(type);
        LocalDate occurred = day.minusDays(random.nextInt(5));
        var registration = new Dispute.Registration(point, villageCode, grid.code(), villageName,
                day, occurred, villageName + "治保会", texts[random.nextInt(texts.length)],
                "网格员上门了解情况", null, type, severity,
                DisputeSource.values()[random.nextInt(DisputeSource.values().length)], parties,
                type == DisputeType.WAGES ? 2 + random.nextInt(20) : count,
                type == DisputeType.WAGES ? BigDecimal.valueOf(5_000 + random.nextInt(200_000)) : null,
                random.nextInt(100) < 3, major ? "镇综治办" : null, major ? "综治办主任" : null,
                major ? day.plusDays(20) : null);
        var zone = ZoneId.systemDefault();
        Dispute d = Dispute.register(registration, deadlines, "wanggeyuan", at(day, 9, zone), day);
        progress(d, random, day, today, zone);
        d.markOverdueIfPast(today, clock.instant());
        disputes.add(d);
        if (++pending % 250 == 0) {
            disputes.flushAndClear(); // keeps the persistence context small
        }
        return true;
    }

    /** Older cases are mostly concluded: resolved in the village, escalated to the town, or sent beyond. */
    private void progress(Dispute d, Random random, LocalDate day, LocalDate today, ZoneId zone) {
        long age = today.toEpochDay() - day.toEpochDay();
        int fate = random.nextInt(100);
        if (age < 30 && fate < 45) {
            return; // recent and not yet taken up
        }
        LocalDate step = day.plusDays(1);
        String village = "cunganbu";
        d.accept(village, "村调委会受理", at(step, 10, zone));
        d.startMediation(village, null, at(step, 15, zone));
        if (fate < 70 || d.getLevel() != HandlingLevel.VILLAGE) {
            step = until(today, step.plusDays(2 + random.nextInt(12)));
            if (d.getLevel() == HandlingLevel.VILLAGE || fate < 85) {
                d.resolve(village, "经调解双方达成协议", at(step, 11, zone), step);
                closeAndVisit(d, random, step, today, zone);
            }
            return;
        }
        d.failToResolve(village, "村级调解未果", at(step.plusDays(5), 16, zone));
        step = until(today, step.plusDays(6));
        d.escalateToTown(village, "上报镇综治办", at(step, 9, zone), step, deadlines);
        if (fate < 88) {
            d.startMediation("zongzhiban", "综治办组织调解", at(step, 14, zone));
            step = until(today, step.plusDays(3 + random.nextInt(15)));
            d.resolve("zongzhiban", "镇级调解成功", at(step, 10, zone), step);
            closeAndVisit(d, random, step, today, zone);
            return;
        }
        ReferralChannel channel = fate < 92 ? ReferralChannel.JUSTICE_OFFICE
                : fate < 96 ? ReferralChannel.COURT : ReferralChannel.PETITION;
        String unit = switch (channel) {
            case JUSTICE_OFFICE -> "大栗港司法所";
            case COURT -> "桃江县人民法院";
            default -> "桃江县信访局";
        };
        d.refer(channel, unit, "zongzhiban", null, at(step, 15, zone), step, deadlines);
        if (age > 90) {
            step = until(today, step.plusDays(10 + random.nextInt(30)));
            d.resolve(channel == ReferralChannel.JUSTICE_OFFICE ? "tiaojieyuan" : "zongzhiban", "对接化解",
                    at(step, 10, zone), step);
        }
    }

    private static void closeAndVisit(Dispute d, Random random, LocalDate resolved, LocalDate today, ZoneId zone) {
        if (today.toEpochDay() - resolved.toEpochDay() > 7) {
            d.close("cunganbu", "办结归档", at(resolved.plusDays(3), 17, zone));
            if (random.nextInt(100) < 60 && today.toEpochDay() - resolved.toEpochDay() > 40) {
                d.recordFollowUpVisit("wanggeyuan", "回访：协议已履行，无反复", at(resolved.plusDays(30), 10, zone));
            }
        }
    }

    private static LocalDate until(LocalDate today, LocalDate day) {
        return day.isAfter(today) ? today : day;
    }

    private static java.time.Instant at(LocalDate day, int hour, ZoneId zone) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    private static Point jitter(BuildingRef building, Random random, double degrees) {
        Point p = building.footprint().getInteriorPoint();
        return Wgs84.point(p.getX() + (random.nextDouble() - 0.5) * degrees,
                p.getY() + (random.nextDouble() - 0.5) * degrees);
    }
}
