package cn.pingangrid.household.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.BuildingRef;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.scope.UnscopedPath;

/**
 * Demo households ({@code pingan.demo.households=true}, the demo profile) for residential buildings: most in the
 * demo grid manager's grid (the first grid of 九湖村), a few in every other grid of that village and in the first
 * grid of each other village. Everyone is fictitious: names drawn from common surnames and given names, ID numbers
 * in the address range {@value #FAKE_ADDRESS_CODE} — no province has code 99, so no real person holds one — with
 * valid GB 11643 check characters, and phones from the unassigned prefix {@code 100}. Deterministic (a fixed seed).
 */
@Component
@ConditionalOnProperty(name = "pingan.demo.households", havingValue = "true")
@Order(100) // after the accounts and the geography's other listeners
class DemoHouseholds implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    private static final Logger log = LoggerFactory.getLogger(DemoHouseholds.class);

    /** The address code of every demo ID number: province 99 does not exist (GB/T 2260). */
    static final String FAKE_ADDRESS_CODE = "999999";
    static final String DEMO_VILLAGE = "九湖村";

    private static final String[] SURNAMES = { "张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "罗", "郭", "谢", "曾", "彭", "邓", "蒋", "龙", "符" };
    private static final String[] MALE = { "建国", "志强", "德华", "国平", "海波", "立新", "文斌", "春生", "建军", "永红",
        "浩然", "子轩", "宇航", "俊杰" };
    private static final String[] FEMALE = { "秀英", "桂兰", "玉梅", "春花", "丽华", "小红", "淑芬", "美玲", "雨桐", "欣怡",
        "梓涵", "佳怡", "凤英", "翠兰" };
    private static final String[] EDUCATION = { "小学", "初中", "初中", "高中", "中专", "大专", "本科" };
    private static final String[] HEALTH = { "健康", "健康", "健康", "健康", "慢性病", "残疾" };
    private static final String[] HOUSING = { "砖混两层", "砖混三层", "木结构平房", "砖木结构", "危房改造后新房" };
    private static final String[] GROUPS = { "一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组" };

    private final Areas areas;
    private final Households households;
    private final HouseholdCipher cipher;
    private final Clock clock;

    DemoHouseholds(Areas areas, Households households, HouseholdCipher cipher, Clock clock) {
        this.areas = areas;
        this.households = households;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.DEMO_HOUSEHOLDS, this::load);
    }

    private void load() {
        if (households.count() > 0) {
            return;
        }
        Random random = new Random(2019);
        LocalDate today = LocalDate.now(clock);
        List<Household> made = new ArrayList<>();
        int[] sequence = { 0 };
        for (VillageRef village : areas.villages()) {
            boolean demo = village.name().contains(DEMO_VILLAGE);
            List<BuildingRef> homes = areas.buildingsOfVillage(village.code()).stream()
                    .filter(b -> "residential".equals(b.use())).toList();
            List<GridRef> grids = areas.grids(village.code());
            for (int g = 0; g < grids.size(); g++) {
                if (!demo && g > 0) {
                    break;
                }
                String grid = grids.get(g).code();
                int buildings = demo && g == 0 ? 30 : demo ? 5 : 4;
                homes.stream().filter(b -> b.gridCode().equals(grid)).limit(buildings).forEach(b -> {
                    int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
                    for (int i = 0; i < count; i++) {
                        made.add(household(b, random, today, sequence));
                    }
                });
            }
        }
        households.addAll(made);
        log.info("已载入 {} 户演示户档案（虚构人员，身份证号码地址码 {}，电话号段 100，均非真实）", made.size(),
                FAKE_ADDRESS_CODE);
    }

    private Household household(BuildingRef building, Random random, LocalDate today, int[] sequence) {
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        List<Person> members = new ArrayList<>();
        boolean headMale = random.nextInt(5) > 0;
        LocalDate headBirth = today.minusYears(32 + random.nextInt(40)).minusDays(random.nextInt(365));
        members.add(person(surname, headMale, headBirth, "户主", random, sequence));
        if (random.nextInt(6) > 0) {
            members.add(person(SURNAMES[random.nextInt(SURNAMES.length)], !headMale,
                    headBirth.plusDays(random.nextInt(1500) - 700), headMale ? "妻子" : "丈夫", random, sequence));
        }
        int children = random.nextInt(4);
        for (int c = 0; c < children; c++) {
            LocalDate birth = headBirth.plusYears(22 + random.nextInt(14)).plusDays(random.nextInt(365));
            if (birth.isBefore(today)) {
                boolean son = random.nextBoolean();
                members.add(person(surname, son, birth, son ? "儿子" : "女儿", random, sequence));
            }
        }
        if (random.nextInt(5) == 0) {
            members.add(person(surname, false, headBirth.minusYears(24 + random.nextInt(6)), "母亲", random,
                    sequence));
        }
        Household h = new Household(building.code(), building.gridCode().substring(0, 12), building.gridCode(),
                new Household.Basics(GROUPS[random.nextInt(GROUPS.length)], random.nextInt(10) == 0,
                        HOUSING[random.nextInt(HOUSING.length)], random.nextInt(8) == 0 ? "子女在外务工，留守老人需关注"
                                : null), members, "演示", clock.instant());
        if (random.nextInt(8) == 0) {
            h.addMerit(new Merit(members.get(0).getName(), today.minusDays(30 + random.nextInt(700)),
                    "主动调解邻里宅基地纠纷，带头参与村道修建义务劳动", "评为村“好媳妇好公婆”"), "演示", clock.instant());
        }
        if (random.nextInt(15) == 0) {
            h.addMisconduct(new Misconduct(members.get(0).getName(), today.minusDays(30 + random.nextInt(700)),
                    "酒后与邻居争吵，损坏邻居院墙", "村调委会调解，赔偿修复"), "演示", clock.instant());
        }
        if (random.nextInt(12) == 0) {
            h.addConflict(new ConflictCheck(today.minusDays(7 + random.nextInt(300)), "与邻户因排水沟走向发生争执",
                    "网格员上门协调，双方同意共同出资修沟", null, null), "演示", clock.instant());
        }
        if (random.nextInt(10) == 0) {
            LocalDate birth = today.minusYears(20 + random.nextInt(10));
            h.recordMove(new MemberMove("OUT", today.minusDays(20 + random.nextInt(500)), "外出务工", "广东省东莞市",
                    person(surname, random.nextBoolean(), birth, "侄子", random, sequence)), "演示", clock.instant());
        }
        return h;
    }

    private Person person(String surname, boolean male, LocalDate birth, String relation, Random random,
            int[] sequence) {
        String given = male ? MALE[random.nextInt(MALE.length)] : FEMALE[random.nextInt(FEMALE.length)];
        String id = fakeIdNumber(birth, male, sequence[0]++);
        String phone = birth.isBefore(LocalDate.now(clock).minusYears(16))
                ? "100" + String.format("%08d", random.nextInt(100_000_000)) : null;
        return new Person(surname + given, male ? "男" : "女", birth, cipher.encrypt(id), cipher.index(id), relation,
                cipher.encrypt(phone), EDUCATION[random.nextInt(EDUCATION.length)],
                HEALTH[random.nextInt(HEALTH.length)]);
    }

    /** A demo ID number: {@value #FAKE_ADDRESS_CODE}, the birth date, a sequence code of the right parity, the check. */
    static String fakeIdNumber(LocalDate birth, boolean male, int n) {
        int order = (n % 499) * 2 + (male ? 1 : 0); // 0..997: odd for men, even for women
        String first17 = FAKE_ADDRESS_CODE + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", order);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
