package cn.pingangrid.gisdata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The county's dispute history, generated in id order from the spec's seed. The distributions are illustrative
 * choices, not statistics of the real county (see docs/decisions/county-benchmark-dataset.md):
 * <ul>
 * <li>where: a grid drawn in proportion to its buildings (+1); land and forest disputes mostly at a random point
 * of the grid (fields and hills), the others mostly at one of its buildings;</li>
 * <li>when: 排查 dates over the history's years, 5 % more each year, more around the Spring Festival and
 * 清明 (land), fewer in summer; the dispute arose 0-60 days before it was swept (geometric, mean 5);</li>
 * <li>what: types 邻里 28 %, 山林土地 20 %, 婚姻家庭 15 %, 劳资 9 %, 道路交通 8 %, 其他 8 %, 劳动争议 5 %, 劳动安全事故
 * 3 %, 医疗 3 %, 企业转制 1 %; severity 一般 84 %, 较大 13 %, 重大 3 %;</li>
 * <li>outcome: a case is concluded by the history's end with probability 1 − e^(−age/τ), τ 12/25/45 days by
 * severity, except 1.5 % that stay open for good; so recent cases are mostly open, old ones mostly concluded.</li>
 * </ul>
 */
final class CountyDisputes {

    private static final GeometryFactory LNG_LAT = new GeometryFactory(new PrecisionModel(), 4326);
    private static final String ACTOR = "county-load";

    private static final String[] TYPES = {"NEIGHBOURS", "LAND_FOREST", "MARRIAGE_FAMILY", "WAGES", "ROAD_TRAFFIC",
        "OTHER", "LABOUR", "WORK_SAFETY", "MEDICAL", "ENTERPRISE_RESTRUCTURING"};
    private static final double[] TYPE_SHARE = {28, 20, 15, 9, 8, 8, 5, 3, 3, 1};
    private static final String[] SOURCES = {"SWEEP", "WALK_IN", "HOTLINE", "POLICE", "PETITION_OFFICE",
        "PROCURATORATE", "COURT", "OTHER"};
    private static final double[] SOURCE_SHARE = {55, 20, 10, 6, 3, 1, 3, 2};
    /** January to December, relative volume of new cases. */
    private static final double[] MONTH_WEIGHT = {1.35, 1.4, 1.0, 1.15, 0.9, 0.9, 0.85, 0.85, 0.95, 1.0, 0.95, 1.2};
    private static final Map<String, String> SITUATION = Map.of(
            "NEIGHBOURS", "邻里因宅基地界址、排水或噪声发生争执",
            "LAND_FOREST", "山林、承包地界址不清引发争议",
            "MARRIAGE_FAMILY", "家庭成员因赡养、分家或婚姻问题发生矛盾",
            "WAGES", "务工人员反映工程款、工资被拖欠",
            "ROAD_TRAFFIC", "交通事故赔偿未达成一致",
            "OTHER", "群众反映的其他矛盾",
            "LABOUR", "劳动合同、工伤认定发生争议",
            "WORK_SAFETY", "生产安全事故善后赔偿争议",
            "MEDICAL", "患者家属对诊疗结果有异议",
            "ENTERPRISE_RESTRUCTURING", "企业改制中职工安置、补偿争议");

    private record GridPick(County.Grid grid, PreparedGeometry area, Envelope envelope, List<County.Building> buildings,
                            List<PreparedGeometry> footprints, String villageName) {
    }

    private final County county;

    CountyDisputes(County county) {
        this.county = county;
    }

    void generate(Consumer<County.Dispute> sink) {
        County.Spec spec = county.spec();
        List<GridPick> grids = grids();
        double[] cumulative = new double[grids.size()];
        double sum = 0;
        for (int g = 0; g < grids.size(); g++) {
            sum += grids.get(g).buildings().size() + 1;
            cumulative[g] = sum;
        }
        Random random = new Random(spec.seed() ^ 0xD15B07EL);
        LocalDate end = spec.historyEnd();
        LocalDate start = end.minusYears(spec.historyYears()).plusDays(1);
        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        double maxWeight = 0;
        for (double w : MONTH_WEIGHT) {
            maxWeight = StrictMath.max(maxWeight, w);
        }
        maxWeight *= StrictMath.pow(1.05, spec.historyYears());
        for (long id = 1; id <= spec.disputes(); id++) {
            String type = pick(TYPES, TYPE_SHARE, random);
            double u = random.nextDouble() * sum;
            int g = java.util.Arrays.binarySearch(cumulative, u);
            GridPick grid = grids.get(g >= 0 ? g : StrictMath.min(grids.size() - 1, -g - 1));
            boolean atBuilding = !grid.buildings().isEmpty()
                    && random.nextDouble() < (type.equals("LAND_FOREST") ? 0.1 : 0.85);
            Point location;
            String buildingCode = null;
            if (atBuilding) {
                County.Building b = grid.buildings().get(random.nextInt(grid.buildings().size()));
                location = rounded(b.footprint().getCentroid().getCoordinate());
                buildingCode = b.code();
            } else {
                location = randomPoint(grid, random);
                for (int i = 0; i < grid.buildings().size(); i++) {
                    if (grid.footprints().get(i).covers(location)) {
                        buildingCode = grid.buildings().get(i).code();
                        break;
                    }
                }
            }
            LocalDate swept;
            while (true) {
                LocalDate day = start.plusDays(random.nextInt(days));
                double years = ChronoUnit.DAYS.between(start, day) / 365.25;
                double w = MONTH_WEIGHT[day.getMonthValue() - 1] * StrictMath.pow(1.05, years);
                if (random.nextDouble() * maxWeight < w) {
                    swept = day;
                    break;
                }
            }
            sink.accept(dispute(id, type, grid, location, buildingCode, swept, end, random));
        }
    }

    private County.Dispute dispute(long id, String type, GridPick grid, Point location, String buildingCode,
                                   LocalDate swept, LocalDate end, Random random) {
        int lag = (int) StrictMath.min(60, StrictMath.floor(StrictMath.log(1 - random.nextDouble()) / StrictMath.log(0.8)));
        LocalDate occurred = swept.minusDays(lag);
        double s = random.nextDouble();
        String severity = s < 0.84 ? "ORDINARY" : s < 0.97 ? "SERIOUS" : "MAJOR";
        String source = pick(SOURCES, SOURCE_SHARE, random);
        double h = random.nextDouble();
        String level = switch (severity) {
            case "ORDINARY" -> h < 0.85 ? "VILLAGE" : "TOWN";
            case "SERIOUS" -> h < 0.35 ? "VILLAGE" : h < 0.95 ? "TOWN" : "BEYOND_TOWN";
            default -> h < 0.85 ? "TOWN" : "BEYOND_TOWN";
        };
        int deadlineDays = switch (level) {
            case "VILLAGE" -> 15;
            case "TOWN" -> 30;
            default -> 60;
        };
        double tau = switch (severity) {
            case "ORDINARY" -> 12;
            case "SERIOUS" -> 25;
            default -> 45;
        };
        long age = ChronoUnit.DAYS.between(swept, end);
        boolean stuck = random.nextDouble() < 0.015;
        boolean concluded = !stuck && random.nextDouble() < 1 - StrictMath.exp(-age / tau);
        String status;
        LocalDate resolvedOn = null;
        LocalDate stepOn = null;
        if (concluded) {
            long took = StrictMath.min(age, (long) StrictMath.floor(-tau * StrictMath.log(1 - random.nextDouble())));
            resolvedOn = swept.plusDays(took);
            stepOn = resolvedOn;
            double c = random.nextDouble();
            long since = ChronoUnit.DAYS.between(resolvedOn, end);
            status = since < 7 ? (c < 0.6 ? "RESOLVED" : "CLOSED")
                    : c < 0.2 ? "RESOLVED" : c < 0.55 ? "CLOSED" : "FOLLOWED_UP";
        } else {
            double c = random.nextDouble();
            if (age < 3) {
                status = c < 0.6 ? "REGISTERED" : "ACCEPTED";
            } else if (age < 10) {
                status = c < 0.4 ? "ACCEPTED" : "MEDIATING";
            } else {
                status = c < 0.4 ? "MEDIATING" : c < 0.6 ? "UNRESOLVED" : c < 0.8 ? "ESCALATED" : "REFERRED";
            }
            if (!status.equals("REGISTERED")) {
                stepOn = swept.plusDays(StrictMath.min(age, 1 + random.nextInt(3)));
            }
        }
        if (status.equals("ESCALATED") && level.equals("VILLAGE")) {
            level = "TOWN";
            deadlineDays = 30;
        }
        String channel = null;
        String unit = null;
        if (status.equals("REFERRED")) {
            boolean out = level.equals("BEYOND_TOWN");
            channel = out ? "COUNTY" : random.nextBoolean() ? "JUSTICE_OFFICE" : "POLICE";
            unit = out ? "县级部门" : channel.equals("POLICE") ? "派出所" : "司法所";
        }
        boolean major = severity.equals("MAJOR");
        LocalDate deadline = swept.plusDays(deadlineDays);
        boolean open = !concluded;
        int people = type.equals("WAGES") || type.equals("ENTERPRISE_RESTRUCTURING")
                ? 3 + random.nextInt(38) : 2 + (int) StrictMath.floor(-1.2 * StrictMath.log(1 - random.nextDouble()));
        BigDecimal amount = switch (type) {
            case "WAGES", "LABOUR", "ROAD_TRAFFIC", "MEDICAL", "WORK_SAFETY", "ENTERPRISE_RESTRUCTURING" ->
                    BigDecimal.valueOf(StrictMath.exp(9 + 1.2 * random.nextGaussian())).setScale(2, RoundingMode.HALF_UP);
            default -> null;
        };
        boolean sensitive = random.nextDouble() < (major ? 0.3 : 0.015);
        Instant created = swept.atTime(1, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(8 * 3600));
        List<County.Step> timeline = new ArrayList<>(2);
        timeline.add(new County.Step(1, created, ACTOR, "REGISTER", "REGISTERED"));
        if (stepOn != null) {
            Instant at = stepOn.atTime(2, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(7 * 3600));
            timeline.add(new County.Step(2, at.isAfter(created) ? at : created.plusSeconds(60), ACTOR,
                    action(status), status));
        }
        return new County.Dispute(id, location, grid.grid().villageCode(), grid.grid().code(), buildingCode, swept,
                occurred, grid.villageName() + "网格员", SITUATION.get(type),
                concluded ? "经调解双方达成一致，签订调解协议" : null, type, severity, source, status, level, people,
                amount, sensitive, major ? "综治办" : null, major ? "综治办主任" : null, deadline,
                open && deadline.isBefore(end), channel, unit, resolvedOn, concluded ? level : null, ACTOR, created,
                timeline);
    }

    private static String action(String status) {
        return switch (status) {
            case "ACCEPTED" -> "ACCEPT";
            case "MEDIATING" -> "START_MEDIATION";
            case "RESOLVED" -> "RESOLVE";
            case "UNRESOLVED" -> "FAIL_TO_RESOLVE";
            case "ESCALATED" -> "ESCALATE_TO_TOWN";
            case "REFERRED" -> "REFER";
            case "CLOSED" -> "CLOSE";
            case "FOLLOWED_UP" -> "FOLLOW_UP_VISIT";
            default -> throw new IllegalArgumentException(status);
        };
    }

    private List<GridPick> grids() {
        Map<String, List<County.Building>> byGrid = new HashMap<>();
        for (County.Building b : county.buildings()) {
            byGrid.computeIfAbsent(b.gridCode(), k -> new ArrayList<>()).add(b);
        }
        Map<String, String> villageNames = new HashMap<>();
        for (County.Village v : county.villages()) {
            villageNames.put(v.code(), v.name());
        }
        List<GridPick> out = new ArrayList<>();
        for (County.Grid g : county.grids()) {
            List<County.Building> buildings = byGrid.getOrDefault(g.code(), List.of());
            List<PreparedGeometry> footprints = new ArrayList<>(buildings.size());
            for (County.Building b : buildings) {
                footprints.add(PreparedGeometryFactory.prepare(b.footprint()));
            }
            out.add(new GridPick(g, PreparedGeometryFactory.prepare(g.boundary()), g.boundary().getEnvelopeInternal(),
                    buildings, footprints, villageNames.get(g.villageCode())));
        }
        return out;
    }

    /** A point strictly inside the grid, rounded to 7 decimals as every stored coordinate is. */
    private static Point randomPoint(GridPick grid, Random random) {
        Envelope env = grid.envelope();
        for (int i = 0; i < 1000; i++) {
            Point p = rounded(new Coordinate(env.getMinX() + env.getWidth() * random.nextDouble(),
                    env.getMinY() + env.getHeight() * random.nextDouble()));
            if (grid.area().containsProperly(p)) {
                return p;
            }
        }
        return rounded(grid.grid().boundary().getInteriorPoint().getCoordinate());
    }

    private static Point rounded(Coordinate c) {
        return LNG_LAT.createPoint(new Coordinate(GaussKrugerProjection.round7(c.x), GaussKrugerProjection.round7(c.y)));
    }

    private static String pick(String[] values, double[] shares, Random random) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
