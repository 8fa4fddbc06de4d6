package cn.pingangrid.dispute.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
import cn.pingangrid.account.DemoCadres;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.HandlingLevel;
import cn.pingangrid.dispute.Severity;

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

    /** The first 化解措施, at registration, by type: what a grid manager or cadre does on hearing of it. */
    private static final Map<DisputeType, String[]> FIRST_MEASURES = Map.of(
            DisputeType.NEIGHBOURS, new String[] { "网格员上门了解情况，劝双方保持克制", "现场查看争议地界，拍照留存" },
            DisputeType.MARRIAGE_FAMILY, new String[] { "网格员上门劝导，了解矛盾起因", "联系双方亲属共同做工作" },
            DisputeType.LAND_FOREST, new String[] { "现场查看界址，收集林权证和承包合同", "联系村民小组长核对山林地界" },
            DisputeType.WAGES, new String[] { "核实欠薪人数、金额和用工关系", "联系用工方负责人了解欠薪原因" },
            DisputeType.ROAD_TRAFFIC, new String[] { "核实事故认定书，了解双方损失" },
            DisputeType.LABOUR, new String[] { "核实劳动合同、工作年限和工资发放记录" },
            DisputeType.MEDICAL, new String[] { "安抚患方家属，联系卫生院说明诊疗经过" },
            DisputeType.WORK_SAFETY, new String[] { "了解伤情和用工关系，督促先行垫付医疗费" },
            DisputeType.ENTERPRISE_RESTRUCTURING, new String[] { "收集职工诉求，向企业了解改制安置方案" },
            DisputeType.OTHER, new String[] { "上门了解情况，做好解释疏导" });

    /** How a village mediation starts. */
    private static final String[] VILLAGE_MEDIATION = { "村调委会组织双方面对面调解", "邀请村法律顾问参与调解",
        "请乡贤参事会成员协助调解" };

    /** What the agreement said, by type: the 化解措施 of a resolved case. */
    private static final Map<DisputeType, String[]> RESOLUTIONS = Map.of(
            DisputeType.NEIGHBOURS, new String[] { "双方达成协议，重新确定宅基地界址", "双方同意共同疏通排水沟，互谅互让" },
            DisputeType.MARRIAGE_FAMILY, new String[] { "兄弟签订赡养协议，轮流照顾老人", "夫妻和好，签订家庭和睦承诺书" },
            DisputeType.LAND_FOREST, new String[] { "会同林业站现场勘界，双方签订山林界址协议", "按承包合同重新确认田界，签订调解协议" },
            DisputeType.WAGES, new String[] { "督促用工方当场支付拖欠工资", "用工方制定还款计划，分两期付清" },
            DisputeType.ROAD_TRAFFIC, new String[] { "双方就赔偿金额达成一致，当场履行" },
            DisputeType.LABOUR, new String[] { "用人单位支付经济补偿，双方签订和解协议" },
            DisputeType.MEDICAL, new String[] { "经医疗纠纷人民调解，卫生院一次性补偿" },
            DisputeType.WORK_SAFETY, new String[] { "用工方承担医疗费并一次性赔偿，签订协议" },
            DisputeType.ENTERPRISE_RESTRUCTURING, new String[] { "企业补缴社保并落实职工安置" },
            DisputeType.OTHER, new String[] { "调整施工时间和补偿标准，双方认可" });

    /** The first measure: a case handed over by another body starts with its hand-over. */
    private static String firstMeasure(Random random, DisputeType type, DisputeSource source) {
        return switch (source) {
            case COURT -> "接收法院委派的诉前调解案件，联系双方当事人";
            case PETITION_OFFICE -> "接收信访部门移交事项，约谈信访人了解诉求";
            case POLICE -> "接收派出所移交的警情纠纷，上门了解情况";
            case PROCURATORATE -> "接收检察院移交的轻微案件和解事项，约见双方";
            default -> pick(random, FIRST_MEASURES.get(type));
        };
    }

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
    /** The villages' outlines as lines: land and forest disputes start along them. */
    private final List<org.locationtech.jts.geom.LineString> boundaries = new ArrayList<>();
    /** Industrial buildings: wage disputes gather around works. */
    private final List<BuildingRef> works = new ArrayList<>();
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
            boundaries.add(v.boundary().getExteriorRing());
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
        all.stream().filter(b -> "industrial".equals(b.use())).forEach(works::add);
        int created = 0;
        for (int i = 0; i < BACKGROUND; i++) {
            LocalDate day = first.plusDays(random.nextInt((int) (today.toEpochDay() - first.toEpochDay()) + 1));
            DisputeType type = seasonalType(random, day);
            BuildingRef building = all.get(random.nextInt(all.size()));
            Point p = placed(type, building, random);
            created += create(random, p, type, day, today, building) ? 1 : 0;
        }
        // three clusters: a forest boundary quarrel, unpaid wages at a works, a street of feuding neighbours
        DisputeType[] clusterTypes = { DisputeType.LAND_FOREST, DisputeType.WAGES, DisputeType.NEIGHBOURS };
        for (DisputeType type : clusterTypes) {
            BuildingRef centre = all.get(random.nextInt(all.size()));
            LocalDate clusterStart = today.minusDays(60 + random.nextInt(300));
            for (int i = 0; i < PER_CLUSTER; i++) {
                LocalDate day = clusterStart.plusDays(random.nextInt(45));
                Point p = jitter(centre, random, 0.0012);
                created += create(random, p, type, day.isAfter(today) ? today : day, today, centre) ? 1 : 0;
            }
        }
        // an emerging hot spot (illustrative): wage arrears at one works growing over the last three months
        BuildingRef site = works.isEmpty() ? all.get(random.nextInt(all.size())) : works.get(random.nextInt(works.size()));
        int[] perMonth = { 6, 14, 28 };
        for (int m = 0; m < perMonth.length; m++) {
            LocalDate monthStart = today.minusMonths(2L - m).withDayOfMonth(1);
            for (int i = 0; i < perMonth[m]; i++) {
                LocalDate day = monthStart.plusDays(random.nextInt(monthStart.lengthOfMonth()));
                created += create(random, jitter(site, random, 0.0015), DisputeType.WAGES,
                        day.isAfter(today) ? today : day, today, site) ? 1 : 0;
            }
        }
        disputes.flushAndClear();
        log.info("演示纠纷：已生成 {} 件（{} ms）", created, (System.nanoTime() - started) / 1_000_000);
    }

    /** Mostly the town's own sweeps and people coming forward; a few hand-overs (对接) from other bodies. */
    private static DisputeSource source(Random random) {
        int roll = random.nextInt(100);
        return roll < 60 ? DisputeSource.SWEEP : roll < 75 ? DisputeSource.WALK_IN : roll < 83 ? DisputeSource.HOTLINE
                : roll < 90 ? DisputeSource.POLICE : roll < 94 ? DisputeSource.PETITION_OFFICE
                : roll < 97 ? DisputeSource.COURT : roll < 98 ? DisputeSource.PROCURATORATE : DisputeSource.OTHER;
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

    private boolean create(Random random, Point point, DisputeType type, LocalDate day, LocalDate today,
            BuildingRef near) {
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
        DisputeSource source = source(random);
        var registration = new Dispute.Registration(point, villageCode, grid.code(), villageName,
                day, occurred, villageName + "治保会", texts[random.nextInt(texts.length)],
                firstMeasure(random, type, source), null, type, severity, source, parties,
                type == DisputeType.WAGES ? 2 + random.nextInt(20) : count,
                type == DisputeType.WAGES ? BigDecimal.valueOf(5_000 + random.nextInt(200_000)) : null,
                random.nextInt(100) < 3, major ? "镇综治办" : null, major ? "综治办主任" : null,
                major ? day.plusDays(20) : null, near.footprint().covers(point) ? near.code() : null);
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        Instant registered = at(day, 9, zone);
        if (registered.isAfter(now)) {
            registered = now.minusSeconds(60); // registered today, before the demo starts
        }
        String cadre = DemoCadres.username(villageCode, villageName);
        Dispute d = Dispute.register(registration, deadlines, cadre, registered, day);
        Story story = new Story(d, registered, zone, now);
        progress(story, random, cadre, type, day);
        story.overdueBefore(now.plusSeconds(1));
        disputes.add(d);
        if (++pending % 250 == 0) {
            disputes.flushAndClear(); // keeps the persistence context small
        }
        return true;
    }

    /**
     * One demo case's events, in order and never after now: each step is at its planned time or, if that is not
     * after the last event, an hour after it; a step that would fall after now is not taken (the case stays where
     * it is). Before each step, the overdue job's mark is recorded the night after a passed deadline, as the job
     * would have done.
     */
    static final class Story {

        final Dispute d;
        final ZoneId zone;
        final Instant now;
        Instant last;

        Story(Dispute d, Instant registered, ZoneId zone, Instant now) {
            this.d = d;
            this.zone = zone;
            this.now = now;
            this.last = registered;
        }

        /** The time of the next event, planned at {@code hour}:00 on {@code day}; null if it would be after now. */
        Instant next(LocalDate day, int hour) {
            Instant t = at(day, hour, zone);
            if (!t.isAfter(last)) {
                t = last.plusSeconds(3600);
            }
            overdueBefore(t);
            if (t.isAfter(now)) {
                return null;
            }
            last = t;
            return t;
        }

        /** Marks the case overdue at 00:05 after its deadline, if that is before {@code t} and not after now. */
        void overdueBefore(Instant t) {
            if (d.isOverdue() || !d.getStatus().open()) {
                return;
            }
            LocalDate dayAfter = d.getDeadline().plusDays(1);
            Instant due = dayAfter.atTime(0, 5).atZone(zone).toInstant();
            if (due.isBefore(t) && !due.isAfter(now) && !due.isBefore(last)) {
                d.markOverdueIfPast(dayAfter, due);
                last = due;
            }
        }

        LocalDate day(Instant t) {
            return LocalDate.ofInstant(t, zone);
        }
    }

    /**
     * Older cases are mostly concluded: resolved in the village, escalated to the town, or referred within the
     * town or beyond; each step adds the 化解措施 it took, matching the type and the outcome.
     */
    private void progress(Story s, Random random, String cadre, DisputeType type, LocalDate day) {
        Dispute d = s.d;
        long age = LocalDate.ofInstant(s.now, s.zone).toEpochDay() - day.toEpochDay();
        int fate = random.nextInt(100);
        if (age < 30 && fate < 45) {
            return; // recent and not yet taken up
        }
        LocalDate step = day.plusDays(1);
        Instant t = s.next(step, 10);
        if (t == null) {
            return;
        }
        d.accept(cadre, "村调委会受理", t);
        if ((t = s.next(step, 15)) == null) {
            return;
        }
        d.startMediation(cadre, null, t);
        d.addMeasure(pick(random, VILLAGE_MEDIATION), cadre, t);
        if (fate < 70 || d.getLevel() != HandlingLevel.VILLAGE) {
            step = step.plusDays(2 + random.nextInt(12));
            if (d.getLevel() == HandlingLevel.VILLAGE || fate < 85) {
                String actor = d.getLevel() == HandlingLevel.VILLAGE ? cadre : "zongzhiban";
                if ((t = s.next(step, 11)) == null) {
                    return;
                }
                d.resolve(actor, "经调解双方达成协议", t, s.day(t));
                d.addMeasure(pick(random, RESOLUTIONS.get(type)), actor, t);
                closeAndVisit(s, random, cadre, s.day(t));
            }
            return;
        }
        if ((t = s.next(step.plusDays(5), 16)) == null) {
            return;
        }
        d.failToResolve(cadre, "村级调解未果", t);
        d.addMeasure("双方分歧较大，村级调解未果，拟上报镇综治办", cadre, t);
        if ((t = s.next(step.plusDays(6), 9)) == null) {
            return;
        }
        d.escalateToTown(cadre, "上报镇综治办", t, s.day(t), deadlines);
        if (fate < 88) {
            if ((t = s.next(s.day(t), 14)) == null) {
                return;
            }
            d.startMediation("zongzhiban", "综治办组织调解", t);
            d.addMeasure(type == DisputeType.LAND_FOREST ? "综治办牵头，会同林业站、国土所现场勘界后组织调解"
                    : "综治办牵头，邀请村法律顾问参与组织调解", "zongzhiban", t);
            if ((t = s.next(s.day(t).plusDays(3 + random.nextInt(15)), 10)) == null) {
                return;
            }
            d.resolve("zongzhiban", "镇级调解成功", t, s.day(t));
            d.addMeasure(pick(random, RESOLUTIONS.get(type)), "zongzhiban", t);
            closeAndVisit(s, random, cadre, s.day(t));
            return;
        }
        ReferralChannel channel = fate < 92 ? ReferralChannel.JUSTICE_OFFICE
                : fate < 96 ? ReferralChannel.LAWSUIT : ReferralChannel.PETITION_UPWARD;
        String unit = switch (channel) {
            case JUSTICE_OFFICE -> "大栗港司法所";
            case LAWSUIT -> "桃江县人民法院";
            default -> "桃江县信访局";
        };
        if ((t = s.next(s.day(t), 15)) == null) {
            return;
        }
        d.refer(channel, unit, "zongzhiban", null, t, s.day(t), deadlines);
        d.addMeasure(switch (channel) {
            case JUSTICE_OFFICE -> "移交司法所，由司法所会同派出所联合调处";
            case LAWSUIT -> "一方当事人向法院起诉，已告知诉讼程序并提供法律援助信息";
            default -> "当事人赴县上访，镇村干部陪同并做好稳控疏导";
        }, "zongzhiban", t);
        if (age > 90) {
            if ((t = s.next(s.day(t).plusDays(10 + random.nextInt(30)), 10)) == null) {
                return;
            }
            String actor = channel == ReferralChannel.JUSTICE_OFFICE ? "tiaojieyuan" : "zongzhiban";
            d.resolve(actor, "对接化解", t, s.day(t));
            d.addMeasure(channel == ReferralChannel.JUSTICE_OFFICE ? "司法所主持调解，双方签订人民调解协议书"
                    : channel == ReferralChannel.LAWSUIT ? "法院判决后当事人息诉" : "信访事项办结，当事人息访", actor, t);
        }
    }

    private static void closeAndVisit(Story s, Random random, String cadre, LocalDate resolved) {
        Instant t = s.next(resolved.plusDays(3), 17);
        if (t == null) {
            return;
        }
        s.d.close(cadre, "办结归档", t);
        if (random.nextInt(100) < 60 && (t = s.next(resolved.plusDays(30), 10)) != null) {
            s.d.recordFollowUpVisit(cadre, "回访：协议已履行，无反复", t);
        }
    }

    private static String pick(Random random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    /**
     * Where a background dispute of this type happens (illustrative structure for the hotspot analyses): most land
     * and forest disputes on a boundary between villages, most wage disputes at an industrial building, the rest at
     * a random house.
     */
    private Point placed(DisputeType type, BuildingRef building, Random random) {
        if (type == DisputeType.LAND_FOREST && random.nextInt(100) < 70 && !boundaries.isEmpty()) {
            org.locationtech.jts.geom.LineString ring = boundaries.get(random.nextInt(boundaries.size()));
            org.locationtech.jts.geom.Coordinate on = new org.locationtech.jts.linearref.LengthIndexedLine(ring)
                    .extractPoint(random.nextDouble() * ring.getLength());
            return Wgs84.point(on.x + (random.nextDouble() - 0.5) * 0.002, on.y + (random.nextDouble() - 0.5) * 0.002);
        }
        if (type == DisputeType.WAGES && random.nextInt(100) < 70 && !works.isEmpty()) {
            return jitter(works.get(random.nextInt(works.size())), random, 0.0008);
        }
        return jitter(building, random, 0.0003);
    }

    private static Point jitter(BuildingRef building, Random random, double degrees) {
        Point p = building.footprint().getInteriorPoint();
        return Wgs84.point(p.getX() + (random.nextDouble() - 0.5) * degrees,
                p.getY() + (random.nextDouble() - 0.5) * degrees);
    }
}
