package cn.pingangrid.hotspot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotspot API on a hand-placed month: 32 disputes in the demo grid manager's grid (5 of them 劳资) and one in
 * each of 12 grids of other villages, in a month of the past nobody else uses. Expected numbers come from the
 * dataset's files (grids, buildings) with JTS, not from the implementation. Run once per database.
 */
abstract class HotspotApiContract {

    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int OWN = 32;
    static final int FOREIGN = 12;
    /** One prepared month per database (per test context). */
    static final Map<Class<?>, YearMonth> MONTHS = new HashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    String ownGrid;
    String ownVillage;
    List<String> foreignGrids;
    YearMonth month;

    @BeforeEach
    void prepare() throws Exception {
        ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        ownVillage = ownGrid.substring(0, 12);
        List<String> candidates = GRIDS.stream().map(Item::code).filter(c -> !c.startsWith(ownVillage))
                .filter(c -> BUILDINGS.stream().anyMatch(b -> b.code().startsWith(c))).toList();
        foreignGrids = new ArrayList<>();
        for (int i = 0; i < FOREIGN; i++) {
            foreignGrids.add(candidates.get(i * candidates.size() / FOREIGN));
        }
        synchronized (MONTHS) {
            month = MONTHS.get(getClass());
            if (month == null) {
                month = freshMonth();
                for (int k = 0; k < OWN; k++) {
                    register(pointIn(ownGrid, k), k < 5 ? "WAGES" : "NEIGHBOURS", month.atDay(1 + k % 28));
                }
                for (int k = 0; k < FOREIGN; k++) {
                    register(pointIn(foreignGrids.get(k), 0), "NEIGHBOURS", month.atDay(1 + k));
                }
                MONTHS.put(getClass(), month);
            }
        }
    }

    YearMonth freshMonth() throws Exception {
        Random random = new Random();
        for (int attempt = 0; attempt < 20; attempt++) {
            // 1920s–1940s: no other test class registers there (the sheet and meeting tests use the 1960s–70s)
            YearMonth candidate = YearMonth.of(1920 + random.nextInt(25), 1 + random.nextInt(12));
            // free for a year either side: the emerging analysis looks 11 months back, and another fresh month
            // (drawn by another test) must not land inside that window
            JsonNode rates = read(get(DemoUsers.TOWN_OFFICE, "/api/hotspots/rates?from="
                    + candidate.minusMonths(12).atDay(1) + "&to=" + candidate.plusMonths(12).atEndOfMonth()));
            int total = 0;
            for (JsonNode g : rates.get("grids")) {
                total += g.get("disputes").asInt();
            }
            if (total == 0) {
                return candidate;
            }
        }
        throw new AssertionError("no free month");
    }

    @Autowired
    PatrolHotspotStops patrolStops;

    /** A patrol planned for the week after the month stands in the own grid, the month's hot spot, and not elsewhere. */
    @Test
    void patrolStopsAreTheHotGridsOfTheArea() {
        java.time.LocalDate week = month.atEndOfMonth().plusDays(1);
        var town = new org.springframework.security.authentication.TestingAuthenticationToken("t", null,
                List.of(AreaScope.townAuthority()));
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        context.setAuthentication(town);
        try {
            org.locationtech.jts.geom.Geometry ownGridArea = GRIDS.stream().filter(g -> g.code().equals(ownGrid))
                    .findFirst().orElseThrow().geometry();
            var stops = patrolStops.stopsIn(ownGridArea.buffer(0.02), week);
            assertThat(stops).extracting(cn.pingangrid.patrol.HotspotStops.HotspotStop::id).contains("HOT-" + ownGrid);
            assertThat(stops).allSatisfy(stop -> {
                assertThat(stop.weight()).isIn(4.0, 5.0);
                assertThat(ownGridArea.buffer(0.02).intersects(stop.unit())).isTrue();
            });
            org.locationtech.jts.geom.Geometry elsewhere = GRIDS.stream().filter(g -> g.code().equals(
                    foreignGrids.get(0))).findFirst().orElseThrow().geometry();
            assertThat(patrolStops.stopsIn(elsewhere, week)).extracting(cn.pingangrid.patrol.HotspotStops.HotspotStop::id)
                    .doesNotContain("HOT-" + ownGrid);
        } finally {
            context.setAuthentication(null);
        }
    }

    @Test
    void giOnGridsCountsEveryGridAndUsesTheLargestNearestNeighbourDistanceAsBand() throws Exception {
        JsonNode gi = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?unit=grid&month=" + month);
        assertThat(gi.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(gi.get("features")).hasSize(GRIDS.size());
        assertThat(gi.get("disputes").asInt()).isEqualTo(OWN + FOREIGN);
        // the default band, from the dataset's grids: the largest distance from a centroid to its nearest one
        List<Point> centres = GRIDS.stream().map(g -> MetricProjection.toMetric(g.geometry()).getCentroid()).toList();
        double band = 0;
        for (Point a : centres) {
            double nearest = Double.POSITIVE_INFINITY;
            for (Point b : centres) {
                if (a != b) {
                    nearest = Math.min(nearest, a.distance(b));
                }
            }
            band = Math.max(band, nearest);
        }
        assertThat(gi.get("bandMeters").asDouble()).isCloseTo(band, within(0.01));
        int total = 0;
        JsonNode own = null;
        double maxZ = Double.NEGATIVE_INFINITY;
        for (JsonNode f : gi.get("features")) {
            JsonNode p = f.get("properties");
            total += p.get("count").asInt();
            maxZ = Math.max(maxZ, p.get("z").asDouble());
            if (p.get("id").asString().equals(ownGrid)) {
                own = p;
            }
            assertThat(p.get("neighbours").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(Math.abs(p.get("fdrBin").asInt())).isLessThanOrEqualTo(Math.abs(p.get("bin").asInt()));
        }
        assertThat(total).isEqualTo(OWN + FOREIGN);
        assertThat(own).isNotNull();
        assertThat(own.get("count").asInt()).isEqualTo(OWN);
        assertThat(own.get("z").asDouble()).isEqualTo(maxZ);
        assertThat(own.get("bin").asInt()).isEqualTo(3);
        assertThat(own.get("fdrBin").asInt()).isEqualTo(3);
        Point centre = MetricProjection.toMetric(GRIDS.stream().filter(g -> g.code().equals(ownGrid)).findFirst()
                .orElseThrow().geometry()).getCentroid();
        assertThat(own.get("x").asDouble()).isCloseTo(centre.getX(), within(0.01));
        assertThat(own.get("y").asDouble()).isCloseTo(centre.getY(), within(0.01));
    }

    @Test
    void giOnHexagonsHasTheCentreSpacingAsDefaultBand() throws Exception {
        JsonNode gi = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?unit=hex&size=500&month=" + month);
        assertThat(gi.get("bandMeters").asDouble()).isCloseTo(Math.sqrt(3) * 500, within(0.01));
        assertThat(gi.get("sizeMeters").asDouble()).isEqualTo(500);
        int total = 0;
        String busiest = null;
        int most = -1;
        for (JsonNode f : gi.get("features")) {
            int count = f.get("properties").get("count").asInt();
            total += count;
            if (count > most) {
                most = count;
                busiest = f.get("id").asString();
            }
            assertThat(f.get("geometry").get("type").asString()).isEqualTo("Polygon");
        }
        assertThat(total).isEqualTo(OWN + FOREIGN);
        // a 500 m hexagon is 649,519 m²: the town (~171 km²) needs a few hundred
        assertThat(gi.get("features").size()).isBetween(200, 500);
        // a click on the busiest unit lists exactly its disputes
        JsonNode listed = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/units/" + busiest + "/disputes?unit=hex&size=500"
                + "&month=" + month);
        assertThat(listed.get("disputes")).hasSize(most);
    }

    @Test
    void densityIntegratesToTheDisputesAndDrawsAnOverlay() throws Exception {
        JsonNode d = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/density?month=" + month);
        assertThat(d.get("crs").asString()).isEqualTo("EPSG:4546");
        assertThat(d.get("cellMeters").asDouble()).isEqualTo(50);
        int width = d.get("width").asInt();
        int height = d.get("height").asInt();
        assertThat(d.get("values")).hasSize(width * height);
        assertThat(d.get("originX").asDouble() % 50).isZero();
        double sum = 0;
        for (JsonNode v : d.get("values")) {
            sum += v.asDouble();
        }
        // per km² × 0.0025 km² per cell: the disputes, less kernel mass beyond the town's extent
        assertThat(sum * 0.0025).isBetween(0.9 * (OWN + FOREIGN), 1.01 * (OWN + FOREIGN));
        assertThat(d.get("radiusMeters").asDouble()).isPositive();
        JsonNode fixed = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/density?cell=100&radius=800&month=" + month);
        assertThat(fixed.get("radiusMeters").asDouble()).isEqualTo(800);
        assertThat(fixed.get("width").asInt()).isBetween(width / 2, width / 2 + 1);

        MockHttpServletResponse png = get(DemoUsers.TOWN_OFFICE, "/api/hotspots/density.png?month=" + month);
        assertThat(png.getStatus()).isEqualTo(200);
        assertThat(png.getContentType()).isEqualTo("image/png");
        String[] bounds = png.getHeader("X-Bounds").split(",");
        assertThat(Double.parseDouble(bounds[0])).isBetween(111.7, 111.8);
        assertThat(png.getHeader("X-Legend-Breaks").split(",")).hasSize(6);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
        int transparent = 0;
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                if ((image.getRGB(x, y) >>> 24) == 0) {
                    transparent++;
                } else {
                    coloured++;
                }
            }
        }
        assertThat(transparent).isGreaterThan(coloured);
        assertThat(coloured).isPositive();
    }

    @Test
    void emergingHotSpotsFindTheGridThatTurnedHotThisMonth() throws Exception {
        JsonNode e = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/emerging?unit=grid&month=" + month);
        assertThat(e.get("months").asInt()).isEqualTo(12);
        assertThat(e.get("lastMonth").asString()).isEqualTo(month.toString());
        assertThat(e.get("firstMonth").asString()).isEqualTo(month.minusMonths(11).toString());
        assertThat(e.get("patterns")).hasSize(17);
        for (JsonNode f : e.get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("id").asString().equals(ownGrid)) {
                assertThat(p.get("pattern").asString()).isEqualTo("NEW_HOT_SPOT");
                assertThat(p.get("patternLabel").asString()).isEqualTo("新增热点");
                assertThat(p.get("bins")).hasSize(12);
                assertThat(p.get("count").asInt()).isEqualTo(OWN);
            }
        }
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/emerging?months=6&month=" + month))
                .isEqualTo("months");
    }

    @Test
    void ratesSmoothTowardsTheTownRate() throws Exception {
        JsonNode r = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/rates?month=" + month);
        assertThat(r.get("grids")).hasSize(GRIDS.size());
        long buildings = BUILDINGS.stream().filter(b -> b.code().startsWith(ownGrid)).count();
        JsonNode own = null;
        for (JsonNode g : r.get("grids")) {
            if (g.get("gridCode").asString().equals(ownGrid)) {
                own = g;
            }
        }
        assertThat(own.get("buildings").asLong()).isEqualTo(buildings);
        assertThat(own.get("disputes").asInt()).isEqualTo(OWN);
        assertThat(own.get("rawPer100").asDouble()).isCloseTo(100.0 * OWN / buildings, within(0.01));
        // smoothed lies between the town rate and the grid's own
        assertThat(own.get("smoothedPer100").asDouble()).isLessThanOrEqualTo(own.get("rawPer100").asDouble());
        assertThat(r.get("grids").get(0).get("gridCode").asString()).isEqualTo(ownGrid);
    }

    @Test
    void badInputIsAProblemNamingTheParameter() throws Exception {
        String m = "&month=" + month;
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?band=0" + m)).isEqualTo("band");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?band=1e9" + m)).isEqualTo("band");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?band=abc" + m)).isEqualTo("band");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?unit=square" + m)).isEqualTo("unit");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?unit=hex&size=19" + m)).isEqualTo("size");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?month=2999-01")).isEqualTo("month");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/density?month=" + YearMonth.now().plusMonths(1)))
                .isEqualTo("month");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?month=1949-13")).isEqualTo("month");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?type=QUARREL" + m)).isEqualTo("type");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/density?cell=1" + m)).isEqualTo("cell");
        // a month with no disputes at all, and one with 5 劳资 disputes: fewer than 30 is no statistical claim
        MockHttpServletResponse none = get(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?month=1949-06");
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(none.getContentType()).startsWith("application/problem+json");
        assertThat(invalidParam(read(none))).isEqualTo("month");
        MockHttpServletResponse few = get(DemoUsers.TOWN_OFFICE, "/api/hotspots/gi?type=WAGES" + m);
        assertThat(invalidParam(read(few))).isEqualTo("month");
        assertThat(read(few).get("detail").asString()).contains("5 件").contains("少于 30 件");
        assertThat(invalid(DemoUsers.TOWN_OFFICE, "/api/hotspots/density?month=1949-06")).isEqualTo("month");
    }

    @Test
    void aGridManagersAnalysisUsesAndShowsOnlyTheirGrid() throws Exception {
        JsonNode gi = ok(DemoUsers.GRID_MANAGER, "/api/hotspots/gi?unit=hex&size=100&month=" + month);
        int total = 0;
        for (JsonNode f : gi.get("features")) {
            total += f.get("properties").get("count").asInt();
        }
        assertThat(gi.get("disputes").asInt()).isEqualTo(OWN);
        assertThat(total).isEqualTo(OWN);
        JsonNode density = ok(DemoUsers.GRID_MANAGER, "/api/hotspots/density?month=" + month);
        assertThat(density.get("disputes").asInt()).isEqualTo(OWN);
        // the raster covers the grid, not the town
        JsonNode town = ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/density?month=" + month);
        assertThat(density.get("width").asInt() * density.get("height").asInt())
                .isLessThan(town.get("width").asInt() * town.get("height").asInt() / 10);
        // a foreign grid is not theirs to click
        assertThat(get(DemoUsers.GRID_MANAGER, "/api/hotspots/units/" + foreignGrids.get(0) + "/disputes?month="
                + month).getStatus()).isEqualTo(404);
        assertThat(ok(DemoUsers.GRID_MANAGER, "/api/hotspots/units/" + ownGrid + "/disputes?month=" + month)
                .get("disputes")).hasSize(OWN);
        JsonNode rates = ok(DemoUsers.GRID_MANAGER, "/api/hotspots/rates?month=" + month);
        assertThat(rates.get("grids")).hasSize(1);
    }

    @Test
    void aVillageCadreSeesTheirVillageAndNothingOfAForeignOne() throws Exception {
        JsonNode gi = ok(DemoUsers.VILLAGE_CADRE, "/api/hotspots/gi?unit=grid&month=" + month);
        long ownVillageGrids = GRIDS.stream().filter(g -> g.code().startsWith(ownVillage)).count();
        assertThat(gi.get("features")).hasSize((int) ownVillageGrids);
        assertThat(gi.get("disputes").asInt()).isEqualTo(OWN);
        String foreignVillage = foreignGrids.get(0).substring(0, 12);
        // the foreign village's disputes exist (the town office sees them) but not for the cadre
        assertThat(ok(DemoUsers.TOWN_OFFICE, "/api/hotspots/units/" + foreignGrids.get(0) + "/disputes?month="
                + month).get("disputes")).hasSize(1);
        assertThat(invalid(DemoUsers.VILLAGE_CADRE, "/api/hotspots/density?village=" + foreignVillage
                + "&month=" + month)).isEqualTo("month");
        assertThat(get(DemoUsers.MEDIATOR, "/api/hotspots/gi?month=" + month).getStatus()).isEqualTo(403);
    }

    @Test
    void theMonthlyPackForTheTownAndForAVillage() throws Exception {
        JsonNode pack = ok(DemoUsers.TOWN_OFFICE, "/api/meeting?month=" + month);
        assertThat(pack.get("villages")).hasSize(17);
        assertThat(pack.get("town").get("current").get("registered").asInt()).isEqualTo(OWN + FOREIGN);
        assertThat(pack.get("wholeTown").asBoolean()).isTrue();
        JsonNode top = pack.get("hotspots").get("top").get(0);
        assertThat(top.get("gridCode").asString()).isEqualTo(ownGrid);
        assertThat(top.get("count").asInt()).isEqualTo(OWN);
        assertThat(top.get("dominantType").asString()).isEqualTo("NEIGHBOURS");
        assertThat(top.get("dominantTypeCount").asInt()).isEqualTo(OWN - 5);
        JsonNode trend = pack.get("trend");
        assertThat(trend.get("months")).hasSize(12);
        assertThat(trend.get("months").get(11).asString()).isEqualTo(month.toString());
        for (JsonNode series : trend.get("series")) {
            int expected = switch (series.get("type").asString()) {
                case "WAGES" -> 5;
                case "NEIGHBOURS" -> OWN - 5 + FOREIGN;
                default -> 0;
            };
            assertThat(series.get("counts").get(11).asInt()).as(series.get("type").asString()).isEqualTo(expected);
        }
        assertThat(pack.get("sweeps").get("weeks").asInt())
                .isEqualTo(cn.pingangrid.sweep.SweepCompliance.weeksIn(month.atDay(1), month.atEndOfMonth()));

        MockHttpServletResponse xlsx = get(DemoUsers.TOWN_OFFICE, "/api/meeting.xlsx?month=" + month);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("枫桥指标", "热点", "逾期案件", "排查合规", "平安创建", "跨界纠纷", "敏感上报",
                    "月度趋势");
            assertThat(book.getSheet("枫桥指标").getLastRowNum()).isEqualTo(18); // header + 17 villages + town
            assertThat(book.getSheet("热点").getRow(1).getCell(1).getStringCellValue()).isEqualTo(ownGrid);
        }
        for (String image : new String[] { "gi-map.png", "density-map.png" }) {
            MockHttpServletResponse png = get(DemoUsers.LEADER, "/api/hotspots/" + image + "?month=" + month);
            assertThat(png.getStatus()).as(image).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray())).getWidth()).isEqualTo(1000);
        }

        // a village cadre gets their village's page; a grid manager none; a month to come is refused
        JsonNode village = ok(DemoUsers.VILLAGE_CADRE, "/api/meeting?month=" + month);
        assertThat(village.get("villages")).hasSize(1);
        assertThat(village.get("villages").get(0).get("code").asString()).isEqualTo(ownVillage);
        assertThat(village.get("town").isNull()).isTrue();
        assertThat(village.get("villages").get(0).get("current").get("registered").asInt()).isEqualTo(OWN);
        assertThat(get(DemoUsers.GRID_MANAGER, "/api/meeting?month=" + month).getStatus()).isEqualTo(403);
        assertThat(invalid(DemoUsers.LEADER, "/api/meeting?month=2999-01")).isEqualTo("month");
    }

    // --- helpers

    static Point pointIn(String grid, int k) {
        List<Item> inGrid = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).toList();
        return inGrid.get(k % inGrid.size()).geometry().getInteriorPoint();
    }

    void register(Point p, String type, java.time.LocalDate sweptOn) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lng", p.getX());
        body.put("lat", p.getY());
        body.put("type", type);
        body.put("severity", "ORDINARY");
        body.put("source", "SWEEP");
        body.put("situation", "热点测试纠纷");
        body.put("sweptOn", sweptOn.toString());
        body.put("occurredOn", sweptOn.toString());
        body.put("parties", List.of(Map.of("name", "张三", "phone", "13812345678")));
        body.put("peopleInvolved", 2);
        MockHttpServletResponse r = mvc.perform(post("/api/disputes").with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    }

    MockHttpServletResponse get(String user, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(DemoUsers.as(users, user))).andReturn().getResponse();
    }

    JsonNode ok(String user, String url) throws Exception {
        MockHttpServletResponse r = get(user, url);
        assertThat(r.getStatus()).as(url + " " + r.getContentAsString()).isEqualTo(200);
        return read(r);
    }

    String invalid(String user, String url) throws Exception {
        MockHttpServletResponse r = get(user, url);
        assertThat(r.getStatus()).as(url + " " + r.getContentAsString()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        return invalidParam(read(r));
    }

    static JsonNode read(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsByteArray());
    }

    static String invalidParam(JsonNode problem) {
        return problem.get("invalid-params").get(0).get("name").asString();
    }
}
