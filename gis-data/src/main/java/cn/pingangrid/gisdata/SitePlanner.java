package cn.pingangrid.gisdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Derives the demo 平安创建 sites and risk hazards from the committed dataset (places, villages, buildings), so
 * they sit where the town's landmarks are: the government as 平安乡镇, the health centre, the schools, 九湖渡口 as
 * 平安交通, 牛蹄山 and 无极寺 as 平安景区, the mine and the power station and some workshops as 平安企业, residential
 * compounds of the community as 平安小区, every village as 平安村, some households as 平安家庭. Everything here is
 * illustrative. Deterministic: the same input files give the same output byte for byte. Dates are relative
 * (days from the day the demo is loaded), so the demo never goes stale.
 *
 * <pre>
 *   SitePlanner [outputDir]     (after DaligangGenerator; writes sites.geojson and hazards.geojson)
 * </pre>
 */
public final class SitePlanner {

    static final GeometryFactory LNG_LAT = new GeometryFactory(new PrecisionModel(), 4326);
    static final String COMMUNITY = "430922117004";

    /** Statuses cycled through the sites, with the days since the last and until the next inspection. */
    private static final String[] STATUSES = { "MET", "MET", "BUILDING", "UNDER_REVIEW", "MET", "NOT_MET" };
    private static final int[] LAST_DAYS_AGO = { 40, 75, 0, 20, 100, 130 };
    private static final int[] NEXT_IN_DAYS = { 50, 15, 60, 10, -10, -40 };

    private static final String[] ENTERPRISES = { "栗港竹木加工厂", "资江砂石场", "九湖石材厂", "沂溪茶叶合作社" };
    private static final String[] COMPOUNDS = { "滨江小区", "栗港新村小区", "商贸城小区" };
    private static final String[] FAMILIES = { "刘建国家", "李桂兰家", "王德明家", "陈淑芬家", "张志强家", "周秀英家" };
    private static final String[] PEOPLE = { "刘卫东", "陈志刚", "王丽", "李建军", "张红梅", "周勇", "黄小平" };

    private SitePlanner() {
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0])
                : DaligangGenerator.moduleDir().resolve("src/main/resources/" + DaligangGenerator.RESOURCE_DIR);
        for (Map.Entry<String, String> e : render().entrySet()) {
            GeoJsonFiles.write(out.resolve(e.getKey()), e.getValue());
        }
    }

    /** sites.geojson and hazards.geojson, from the committed dataset on the classpath. */
    static Map<String, String> render() {
        List<Item> places = read("places");
        List<Item> villages = read("villages");
        List<Item> buildings = read("buildings");
        List<Feature> sites = new ArrayList<>();
        Map<String, Item> place = new LinkedHashMap<>();
        places.forEach(p -> place.put(p.get("name"), p));

        site(sites, "TOWNSHIP", "大栗港镇人民政府", place.get("大栗港镇人民政府").geometry);
        site(sites, "HOSPITAL", "大栗港镇卫生院", place.get("大栗港镇卫生院").geometry);
        for (Item p : places) {
            if (p.get("kind").equals("school")) {
                site(sites, "CAMPUS", p.get("name"), p.geometry);
            }
        }
        site(sites, "TRAFFIC", "九湖渡口", place.get("九湖渡口").geometry);
        site(sites, "SCENIC", "牛蹄山", place.get("牛蹄山").geometry);
        site(sites, "SCENIC", "无极寺", place.get("无极寺").geometry);
        site(sites, "ENTERPRISE", "首溪金矿", place.get("首溪金矿").geometry);
        site(sites, "ENTERPRISE", "沂溪河水电站", place.get("沂溪河水电站").geometry);
        // workshops: the first industrial building of four villages, in code order
        List<String> usedVillages = new ArrayList<>();
        for (Item b : buildings) {
            String village = b.get("gridCode").substring(0, 12);
            if (b.get("use").equals("industrial") && !usedVillages.contains(village)
                    && usedVillages.size() < ENTERPRISES.length) {
                site(sites, "ENTERPRISE", ENTERPRISES[usedVillages.size()], b.geometry);
                usedVillages.add(village);
            }
        }
        // compounds: the residential buildings of one community grid, as the hull around them
        Map<String, List<Geometry>> homesByGrid = new LinkedHashMap<>();
        for (Item b : buildings) {
            if (b.get("use").equals("residential") && b.get("gridCode").startsWith(COMMUNITY)) {
                homesByGrid.computeIfAbsent(b.get("gridCode"), g -> new ArrayList<>()).add(b.geometry);
            }
        }
        Map<String, Geometry> grids = new LinkedHashMap<>();
        read("grids").forEach(g -> grids.put(g.get("code"), g.geometry));
        int compound = 0;
        for (Map.Entry<String, List<Geometry>> homes : homesByGrid.entrySet()) {
            if (homes.getValue().size() >= 8 && compound < COMPOUNDS.length) {
                Geometry hull = LNG_LAT.buildGeometry(homes.getValue().subList(0, 8)).convexHull();
                if (grids.get(homes.getKey()).covers(hull)) { // a compound stays inside its grid
                    site(sites, "COMPOUND", COMPOUNDS[compound++], hull);
                }
            }
        }
        for (Item v : villages) {
            site(sites, "VILLAGE", v.get("name"), v.geometry);
        }
        // families: the first residential building of every third village
        for (int i = 0, f = 0; i < villages.size() && f < FAMILIES.length; i += 3, f++) {
            String code = villages.get(i).get("code");
            for (Item b : buildings) {
                if (b.get("use").equals("residential") && b.get("gridCode").startsWith(code)) {
                    site(sites, "FAMILY", FAMILIES[f], b.geometry.getInteriorPoint());
                    break;
                }
            }
        }

        List<Feature> hazards = new ArrayList<>();
        hazard(hazards, "WATER", "九湖渡口汛期渡运安全", "LARGE", "九湖村村委会", 20, "CONTROLLED",
                place.get("九湖渡口").geometry);
        hazard(hazards, "GEOLOGICAL", "首溪金矿尾矿库边坡", "MAJOR", "首溪金矿安全科", -5, "OPEN",
                offset(place.get("首溪金矿").geometry, 0.0012, -0.0008));
        hazard(hazards, "ENTERPRISE", "首溪金矿劳资欠薪", "LARGE", "镇人社所", 12, "OPEN",
                offset(place.get("首溪金矿").geometry, -0.0006, 0.0005));
        hazard(hazards, "WATER", "沂溪河水电站泄洪区", "GENERAL", "沂溪河水电站", 45, "CONTROLLED",
                offset(place.get("沂溪河水电站").geometry, 0.0009, 0.0004));
        hazard(hazards, "GEOLOGICAL", "牛蹄山滑坡隐患点", "LARGE", "镇国土所", -12, "OPEN",
                offset(place.get("牛蹄山").geometry, -0.0025, -0.0015));
        hazard(hazards, "MASS_INCIDENT", "集镇征地补偿信访", "LARGE", "镇综治办", 7, "CONTROLLED",
                offset(place.get("大栗港镇人民政府").geometry, 0.0011, -0.0006));
        hazard(hazards, "TRAFFIC", "207国道集镇段学生上下学", "GENERAL", "大栗港派出所", 30, "CONTROLLED",
                offset(place.get("大栗港镇中学").geometry, -0.0007, -0.0009));
        hazard(hazards, "FOREST_LAND", "童子山林权界址争议", "GENERAL", "童子山村村委会", -2, "OPEN",
                offset(place.get("无极寺").geometry, 0.003, 0.002));

        Map<String, String> files = new LinkedHashMap<>();
        files.put("sites.geojson", GeoJsonFiles.featureCollection("sites", sites));
        files.put("hazards.geojson", GeoJsonFiles.featureCollection("hazards", hazards));
        return files;
    }

    private static void site(List<Feature> sites, String kind, String name, Geometry geometry) {
        int i = sites.size();
        sites.add(Feature.of(geometry, "kind", kind, "name", name, "status", STATUSES[i % STATUSES.length],
                "responsiblePerson", PEOPLE[i % PEOPLE.length],
                "lastInspectedDaysAgo", STATUSES[i % STATUSES.length].equals("BUILDING") ? null
                        : LAST_DAYS_AGO[i % LAST_DAYS_AGO.length],
                "nextInspectionInDays", NEXT_IN_DAYS[i % NEXT_IN_DAYS.length]));
    }

    private static void hazard(List<Feature> hazards, String category, String title, String level, String owner,
            int reviewInDays, String status, Geometry location) {
        hazards.add(Feature.of(location, "category", category, "title", title, "level", level, "owner", owner,
                "status", status, "reviewInDays", reviewInDays));
    }

    private static Point offset(Geometry p, double dLng, double dLat) {
        Coordinate c = p.getCoordinate();
        return LNG_LAT.createPoint(new Coordinate(Math.round((c.x + dLng) * 1e7) / 1e7,
                Math.round((c.y + dLat) * 1e7) / 1e7));
    }

    /** One feature of the committed files: its geometry (Point or single-ring Polygon) and text properties. */
    record Item(Geometry geometry, String line) {
        String get(String property) {
            Matcher m = Pattern.compile("\"" + property + "\":\"([^\"]*)\"").matcher(line);
            return m.find() ? m.group(1) : "";
        }
    }

    private static final Pattern POSITION = Pattern.compile("\\[(-?[0-9.]+),(-?[0-9.]+)\\]");

    /** Reads a committed layer: one feature per line, as {@link GeoJsonFiles} writes them. */
    static List<Item> read(String layer) {
        String path = "/" + DaligangGenerator.RESOURCE_DIR + "/" + layer + ".geojson";
        try (InputStream in = SitePlanner.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            List<Item> items = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("{\"type\":\"Feature\"")) {
                    continue;
                }
                String geometry = line.substring(line.indexOf("\"geometry\":"));
                List<Coordinate> positions = new ArrayList<>();
                Matcher m = POSITION.matcher(geometry);
                while (m.find()) {
                    positions.add(new Coordinate(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
                }
                Geometry g = geometry.contains("\"Point\"") ? LNG_LAT.createPoint(positions.get(0))
                        : LNG_LAT.createPolygon(positions.toArray(Coordinate[]::new));
                items.add(new Item(g, line));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
