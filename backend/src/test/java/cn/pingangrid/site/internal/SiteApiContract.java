package cn.pingangrid.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sites through the API: geometry validation (nothing written on a bad one), derived village and grid, roles,
 * scoping, inspections and scorecard counts. Each test creates its own sites (the database is shared).
 */
abstract class SiteApiContract {

    static final List<Item> GRIDS = TownDataset.read("grids");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();
    Item ownGrid;
    Item foreignGrid;

    /** Own = the demo grid manager's grid (in the cadre's village); foreign = a grid of another village. */
    @BeforeEach
    void grids() {
        String own = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        ownGrid = GRIDS.stream().filter(g -> g.code().equals(own)).findFirst().orElseThrow();
        foreignGrid = GRIDS.stream().filter(g -> !g.code().startsWith(own.substring(0, 12))).findFirst().orElseThrow();
    }

    @Test
    void aPointSiteGetsTheVillageAndGridItLiesIn() throws Exception {
        JsonNode site = created(create(DemoUsers.TOWN_OFFICE, siteJson("CAMPUS", "测试小学", point(foreignGrid))));
        JsonNode p = site.get("properties");
        assertThat(p.get("gridCode").asString()).isEqualTo(foreignGrid.code());
        assertThat(p.get("villageCode").asString()).isEqualTo(foreignGrid.code().substring(0, 12));
        assertThat(p.get("kindName").asString()).isEqualTo("平安校园");
        assertThat(p.get("status").asString()).isEqualTo("BUILDING");
        assertThat(p.get("statusName").asString()).isEqualTo("创建中");
        JsonNode again = read(DemoUsers.TOWN_OFFICE, "/api/sites/" + site.get("id").asLong());
        assertThat(again.get("geometry").get("type").asString()).isEqualTo("Point");
    }

    @Test
    void aPolygonSiteBelongsToTheGridOfItsInteriorPoint() throws Exception {
        JsonNode site = created(create(DemoUsers.TOWN_OFFICE, siteJson("COMPOUND", "测试小区", square(ownGrid, 0.0003))));
        assertThat(site.get("properties").get("gridCode").asString()).isEqualTo(ownGrid.code());
        assertThat(site.get("geometry").get("type").asString()).isEqualTo("Polygon");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "self-intersecting|SELF_INTERSECTION",
            "unclosed|UNCLOSED_RING",
            "empty|EMPTY",
            "line|WRONG_TYPE",
            "huge|TOO_MANY_VERTICES",
            "outside|OUTSIDE_AREA" })
    void aBadGeometryIsA400NamingTheFaultAndWritesNothing(String which, String fault) throws Exception {
        Point c = spot(foreignGrid);
        double x = c.getX();
        double y = c.getY();
        String geometry = switch (which) {
            case "self-intersecting" -> polygon(x, y, x + 0.001, y + 0.001, x + 0.001, y, x, y + 0.001, x, y);
            case "unclosed" -> "{\"type\":\"Polygon\",\"coordinates\":[[" + pos(x, y) + "," + pos(x + 0.001, y) + ","
                    + pos(x + 0.001, y + 0.001) + "," + pos(x, y + 0.001) + "]]}";
            case "empty" -> "null";
            case "line" -> "{\"type\":\"LineString\",\"coordinates\":[" + pos(x, y) + "," + pos(x + 0.001, y) + "]}";
            case "huge" -> "{\"type\":\"Polygon\",\"coordinates\":[[" + IntStream.rangeClosed(0, 10_001).mapToObj(i -> {
                double a = 2 * Math.PI * (i % 10_001) / 10_001;
                return pos(x + 0.0005 * Math.cos(a), y + 0.0005 * Math.sin(a));
            }).collect(Collectors.joining(",")) + "]]}";
            case "outside" -> "{\"type\":\"Point\",\"coordinates\":[113.5,28.4]}";
            default -> throw new IllegalArgumentException(which);
        };
        String name = "坏几何-" + which;
        MockHttpServletResponse response = create(DemoUsers.TOWN_OFFICE, siteJson("ENTERPRISE", name, geometry));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).contains("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.get("fault").asString()).isEqualTo(fault);
        assertThat(problem.get("invalid-params").get(0).get("name").asString()).isEqualTo("geometry");
        if (which.equals("self-intersecting")) {
            assertThat(problem.get("where").get(0).asDouble()).isCloseTo(x + 0.0005,
                    org.assertj.core.data.Offset.offset(1e-7));
            assertThat(problem.get("detail").asString()).contains("自相交");
        }
        assertThat(names(read(DemoUsers.TOWN_OFFICE, "/api/sites"))).doesNotContain(name);
    }

    @Test
    void anUnknownKindIsA400NamingTheField() throws Exception {
        MockHttpServletResponse response = create(DemoUsers.TOWN_OFFICE, siteJson("CASINO", "未知", point(ownGrid)));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsByteArray()).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("kind");
    }

    @Test
    void onlyTheTownOfficeCreatesOrEditsSites() throws Exception {
        for (String user : List.of(DemoUsers.GRID_MANAGER, DemoUsers.VILLAGE_CADRE, DemoUsers.LEADER)) {
            MockHttpServletResponse response = create(user, siteJson("FAMILY", "无权-" + user, point(ownGrid)));
            assertThat(response.getStatus()).as(user).isEqualTo(403);
            assertThat(response.getContentType()).contains("application/problem+json");
        }
        long id = created(create(DemoUsers.TOWN_OFFICE, siteJson("FAMILY", "王家", point(ownGrid)))).get("id").asLong();
        assertThat(mvc.perform(put("/api/sites/" + id).with(DemoUsers.as(users, DemoUsers.VILLAGE_CADRE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                .content(siteJson("FAMILY", "改名", point(ownGrid), "MET"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(names(read(DemoUsers.TOWN_OFFICE, "/api/sites"))).doesNotContain("无权-" + DemoUsers.GRID_MANAGER);
    }

    @Test
    void editingASiteMovesItAndRederivesItsVillage() throws Exception {
        long id = created(create(DemoUsers.TOWN_OFFICE, siteJson("ENTERPRISE", "搬迁企业", point(ownGrid))))
                .get("id").asLong();
        MockHttpServletResponse response = mvc.perform(put("/api/sites/" + id)
                .with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(siteJson("ENTERPRISE", "搬迁企业", square(foreignGrid, 0.0002), "UNDER_REVIEW")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode p = json.readTree(response.getContentAsByteArray()).get("properties");
        assertThat(p.get("gridCode").asString()).isEqualTo(foreignGrid.code());
        assertThat(p.get("status").asString()).isEqualTo("UNDER_REVIEW");
        // a bad edit changes nothing
        MockHttpServletResponse bad = mvc.perform(put("/api/sites/" + id).with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                .content(siteJson("ENTERPRISE", "", point(ownGrid), "MET"))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        JsonNode after = read(DemoUsers.TOWN_OFFICE, "/api/sites/" + id).get("properties");
        assertThat(after.get("gridCode").asString()).isEqualTo(foreignGrid.code());
        assertThat(after.get("name").asString()).isEqualTo("搬迁企业");
    }

    @Test
    void eachRoleSeesOnlySitesInItsArea() throws Exception {
        long own = created(create(DemoUsers.TOWN_OFFICE, siteJson("FAMILY", "本网格家庭", point(ownGrid)))).get("id")
                .asLong();
        long foreign = created(create(DemoUsers.TOWN_OFFICE, siteJson("FAMILY", "外村家庭", point(foreignGrid))))
                .get("id").asLong();
        for (String user : List.of(DemoUsers.GRID_MANAGER, DemoUsers.VILLAGE_CADRE, DemoUsers.AUX_POLICE)) {
            assertThat(ids(read(user, "/api/sites"))).as(user).contains(own).doesNotContain(foreign);
            assertThat(status(user, "/api/sites/" + own)).as(user).isEqualTo(200);
            assertThat(status(user, "/api/sites/" + foreign)).as(user).isEqualTo(404);
        }
        for (String user : List.of(DemoUsers.TOWN_OFFICE, DemoUsers.LEADER)) {
            assertThat(ids(read(user, "/api/sites"))).as(user).contains(own, foreign);
        }
        for (String user : List.of(DemoUsers.MEDIATOR, DemoUsers.ADMIN)) {
            assertThat(ids(read(user, "/api/sites"))).as(user).doesNotContain(own, foreign);
            assertThat(status(user, "/api/sites/" + own)).as(user).isEqualTo(404);
        }
    }

    @Test
    void theListFiltersByKindAndStatus() throws Exception {
        long campus = created(create(DemoUsers.TOWN_OFFICE, siteJson("CAMPUS", "筛选学校", point(ownGrid)))).get("id")
                .asLong();
        long hospital = created(create(DemoUsers.TOWN_OFFICE, siteJson("HOSPITAL", "筛选卫生室", point(ownGrid),
                "MET"))).get("id").asLong();
        assertThat(ids(read(DemoUsers.TOWN_OFFICE, "/api/sites?kind=CAMPUS"))).contains(campus).doesNotContain(hospital);
        assertThat(ids(read(DemoUsers.TOWN_OFFICE, "/api/sites?kind=CAMPUS,HOSPITAL&status=MET"))).contains(hospital)
                .doesNotContain(campus);
        assertThat(status(DemoUsers.TOWN_OFFICE, "/api/sites?kind=CASINO")).isEqualTo(400);
    }

    @Test
    void anInspectionSetsTheStatusAndTheDates() throws Exception {
        long id = created(create(DemoUsers.TOWN_OFFICE, siteJson("COMPOUND", "检查小区", point(ownGrid)))).get("id")
                .asLong();
        LocalDate day = LocalDate.now().minusDays(3);
        MockHttpServletResponse response = inspect(DemoUsers.VILLAGE_CADRE, id,
                "{\"inspectedOn\":\"" + day + "\",\"result\":\"NOT_MET\",\"note\":\"消防通道堵塞\"}");
        assertThat(response.getStatus()).isEqualTo(201);
        JsonNode p = read(DemoUsers.TOWN_OFFICE, "/api/sites/" + id).get("properties");
        assertThat(p.get("status").asString()).isEqualTo("NOT_MET");
        assertThat(p.get("lastInspectedOn").asString()).isEqualTo(day.toString());
        assertThat(p.get("nextInspectionDue").asString()).isEqualTo(day.plusMonths(3).toString());
        assertThat(p.get("inspections").get(0).get("note").asString()).isEqualTo("消防通道堵塞");
        assertThat(p.get("inspections").get(0).get("inspector").asString()).isEqualTo(DemoUsers.VILLAGE_CADRE);

        // an older inspection entered late is kept but does not move the status or dates back
        inspect(DemoUsers.TOWN_OFFICE, id, "{\"inspectedOn\":\"" + day.minusDays(30) + "\",\"result\":\"MET\"}");
        JsonNode later = read(DemoUsers.TOWN_OFFICE, "/api/sites/" + id).get("properties");
        assertThat(later.get("status").asString()).isEqualTo("NOT_MET");
        assertThat(later.get("inspections").size()).isEqualTo(2);
    }

    @Test
    void badOrForeignInspectionsAreRefusedAndWriteNothing() throws Exception {
        long foreign = created(create(DemoUsers.TOWN_OFFICE, siteJson("CAMPUS", "外村学校", point(foreignGrid))))
                .get("id").asLong();
        assertThat(inspect(DemoUsers.VILLAGE_CADRE, foreign, "{\"inspectedOn\":\"" + LocalDate.now()
                + "\",\"result\":\"MET\"}").getStatus()).isEqualTo(404);
        assertThat(inspect(DemoUsers.LEADER, foreign, "{\"inspectedOn\":\"" + LocalDate.now()
                + "\",\"result\":\"MET\"}").getStatus()).isEqualTo(403);
        assertThat(inspect(DemoUsers.TOWN_OFFICE, foreign, "{\"inspectedOn\":\"" + LocalDate.now().plusDays(2)
                + "\",\"result\":\"MET\"}").getStatus()).isEqualTo(400);
        assertThat(inspect(DemoUsers.TOWN_OFFICE, foreign, "{\"inspectedOn\":\"2026-13-01\",\"result\":\"MET\"}")
                .getStatus()).isEqualTo(400);
        assertThat(inspect(DemoUsers.TOWN_OFFICE, foreign, "{\"inspectedOn\":\"" + LocalDate.now()
                + "\",\"result\":\"BUILDING\"}").getStatus()).isEqualTo(400);
        JsonNode p = read(DemoUsers.TOWN_OFFICE, "/api/sites/" + foreign).get("properties");
        assertThat(p.get("inspections").size()).isZero();
        assertThat(p.get("status").asString()).isEqualTo("BUILDING");
    }

    @Test
    void theScorecardCountsSitesByKindAndStatusAndOverdueInspections() throws Exception {
        String village = foreignGrid.code().substring(0, 12);
        JsonNode before = scorecard(village);
        created(create(DemoUsers.TOWN_OFFICE, siteJson("CAMPUS", "计数学校甲", point(foreignGrid))));
        created(create(DemoUsers.TOWN_OFFICE, siteJson("CAMPUS", "计数学校乙", point(foreignGrid), "MET")));
        created(create(DemoUsers.TOWN_OFFICE, "{\"kind\":\"SCENIC\",\"name\":\"计数景区\",\"nextInspectionDue\":\""
                + LocalDate.now().minusDays(1) + "\",\"geometry\":" + point(foreignGrid) + "}"));
        JsonNode after = scorecard(village);
        assertThat(delta(before, after, "total")).isEqualTo(3);
        assertThat(delta(before.get("byKind"), after.get("byKind"), "CAMPUS")).isEqualTo(2);
        assertThat(delta(before.get("byKind"), after.get("byKind"), "SCENIC")).isEqualTo(1);
        assertThat(delta(before.get("byStatus"), after.get("byStatus"), "BUILDING")).isEqualTo(2);
        assertThat(delta(before.get("byStatus"), after.get("byStatus"), "MET")).isEqualTo(1);
        assertThat(delta(before, after, "overdueInspections")).isEqualTo(1);
        assertThat(after.get("byKindAndStatus").get("CAMPUS").get("MET").asLong()
                - before.path("byKindAndStatus").path("CAMPUS").path("MET").asLong(0)).isEqualTo(1);
        // the village cadre's scorecards hold only their own village
        JsonNode cadre = read(DemoUsers.VILLAGE_CADRE, "/api/site-scorecards");
        assertThat(cadre.size()).isEqualTo(1);
        assertThat(cadre.get(0).get("villageCode").asString()).isEqualTo(ownGrid.code().substring(0, 12));
        assertThat(status(DemoUsers.VILLAGE_CADRE, "/api/site-scorecards?village=" + village)).isEqualTo(404);
    }

    @Test
    void disputesInsideAPolygonOrWithin100mOfAPointAreLinkedToTheSite() throws Exception {
        Point c = spot(foreignGrid);
        long polygonSite = created(create(DemoUsers.TOWN_OFFICE, siteJson("SCENIC", "纠纷关联景区",
                square(foreignGrid, 0.0004)))).get("id").asLong();
        long pointSite = created(create(DemoUsers.TOWN_OFFICE, siteJson("ENTERPRISE", "纠纷关联企业", point(foreignGrid))))
                .get("id").asLong();
        long inPolygon = dispute(metres(c, 20, 10), "2021-05-12");
        long near = dispute(metres(c, 0, -80), "2021-05-13"); // 80 m from the point, outside the ±44 m square
        long far = dispute(metres(c, 150, 0), "2021-05-14"); // 150 m: neither
        long earlier = dispute(metres(c, -10, 0), "2021-04-01"); // inside both, but before the period

        assertThat(linked(polygonSite)).contains(inPolygon, earlier).doesNotContain(near, far);
        assertThat(linked(pointSite)).contains(inPolygon, near, earlier).doesNotContain(far);

        JsonNode card = read(DemoUsers.TOWN_OFFICE, "/api/site-scorecards?village=" + foreignGrid.code().substring(0, 12)
                + "&from=2021-05-01&to=2021-05-31").get(0);
        for (JsonNode row : card.get("sites")) {
            List<Long> ids = new ArrayList<>();
            row.get("disputeIds").forEach(i -> ids.add(i.asLong()));
            if (row.get("id").asLong() == polygonSite) {
                assertThat(ids).contains(inPolygon).doesNotContain(near, far, earlier);
            } else if (row.get("id").asLong() == pointSite) {
                assertThat(ids).contains(inPolygon, near).doesNotContain(far, earlier);
                assertThat(row.get("linkedDisputes").asInt()).isEqualTo(ids.size());
            }
        }
    }

    // --- helpers

    List<Long> linked(long siteId) throws Exception {
        List<Long> ids = new ArrayList<>();
        read(DemoUsers.TOWN_OFFICE, "/api/sites/" + siteId).get("properties").get("linkedDisputes")
                .forEach(d -> ids.add(d.get("id").asLong()));
        return ids;
    }

    /** A point {@code dx}, {@code dy} metres (EPSG:4546) from {@code p}. */
    static Point metres(Point p, double dx, double dy) {
        Point m = (Point) cn.pingangrid.geo.MetricProjection.toMetric(p);
        return (Point) cn.pingangrid.geo.MetricProjection.toLngLat(m.getFactory().createPoint(
                new org.locationtech.jts.geom.Coordinate(m.getX() + dx, m.getY() + dy)));
    }

    /** Registers a dispute through the dispute module's API; its id. */
    long dispute(Point p, String occurredOn) throws Exception {
        String body = "{\"lng\":" + p.getX() + ",\"lat\":" + p.getY() + ",\"type\":\"MARRIAGE_FAMILY\","
                + "\"severity\":\"ORDINARY\",\"source\":\"SWEEP\",\"sweptOn\":\"" + occurredOn + "\",\"occurredOn\":\""
                + occurredOn + "\",\"situation\":\"测试纠纷：邻里因排水沟发生争执\",\"peopleInvolved\":2,"
                + "\"parties\":[{\"name\":\"张三丰\",\"phone\":\"13812345678\"}]}";
        MockHttpServletResponse response = mvc.perform(post("/api/disputes").with(DemoUsers.as(users,
                DemoUsers.TOWN_OFFICE)).with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsByteArray()).get("id").asLong();
    }

    JsonNode scorecard(String village) throws Exception {
        JsonNode cards = read(DemoUsers.TOWN_OFFICE, "/api/site-scorecards?village=" + village);
        assertThat(cards.size()).isEqualTo(1);
        return cards.get(0);
    }

    static long delta(JsonNode before, JsonNode after, String field) {
        return after.get(field).asLong() - before.get(field).asLong();
    }

    MockHttpServletResponse create(String user, String body) throws Exception {
        return mvc.perform(post("/api/sites").with(DemoUsers.as(users, user)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    MockHttpServletResponse inspect(String user, long id, String body) throws Exception {
        return mvc.perform(post("/api/sites/" + id + "/inspections").with(DemoUsers.as(users, user))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
    }

    JsonNode created(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsByteArray());
    }

    JsonNode read(String user, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsByteArray());
    }

    int status(String user, String url) throws Exception {
        return mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse().getStatus();
    }

    static List<Long> ids(JsonNode collection) {
        List<Long> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("features").forEach(f -> names.add(f.get("properties").get("name").asString()));
        return names;
    }

    static String siteJson(String kind, String name, String geometry) {
        return "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"responsiblePerson\":\"李四\",\"geometry\":"
                + geometry + "}";
    }

    static String siteJson(String kind, String name, String geometry, String status) {
        return "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"geometry\":"
                + geometry + "}";
    }

    static String point(Item grid) {
        Point p = spot(grid);
        return "{\"type\":\"Point\",\"coordinates\":" + pos(p.getX(), p.getY()) + "}";
    }

    /** A small square around the grid's interior point (half side in degrees). */
    static String square(Item grid, double half) {
        Point p = spot(grid);
        double x = p.getX();
        double y = p.getY();
        return polygon(x - half, y - half, x + half, y - half, x + half, y + half, x - half, y + half, x - half,
                y - half);
    }

    static String polygon(double... xy) {
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            positions.add(pos(xy[i], xy[i + 1]));
        }
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", positions) + "]]}";
    }

    /**
     * A point inside the grid but away from its label point (where other browser tests of the shared context click
     * to locate): interior point moved about 100 m.
     */
    static Point spot(Item grid) {
        Point c = grid.geometry().getInteriorPoint();
        for (double[] d : new double[][] { { 0.0011, 0.0007 }, { -0.0011, -0.0007 }, { 0.0011, -0.0007 },
                { -0.0011, 0.0007 }, { 0.0005, 0.0003 } }) {
            Point p = cn.pingangrid.geo.Wgs84.point(c.getX() + d[0], c.getY() + d[1]);
            if (grid.geometry().buffer(-0.0006).covers(p)) {
                return p;
            }
        }
        return c;
    }

    static String pos(double x, double y) {
        return String.format(Locale.ROOT, "[%.7f,%.7f]", x, y);
    }
}
