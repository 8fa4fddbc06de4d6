package cn.pingangrid.hazard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** The risk hazard list: overdue reviews, reviews, roles, scoping and bad locations; run once per database. */
abstract class HazardApiContract {

    static final List<Item> GRIDS = TownDataset.read("grids");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();
    Item ownGrid;
    Item foreignGrid;

    @BeforeEach
    void grids() {
        String own = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        ownGrid = GRIDS.stream().filter(g -> g.code().equals(own)).findFirst().orElseThrow();
        foreignGrid = GRIDS.stream().filter(g -> !g.code().startsWith(own.substring(0, 12))).skip(3).findFirst()
                .orElseThrow();
    }

    @Test
    void aHazardPastItsReviewDateIsFlaggedOverdueUntilReviewed() throws Exception {
        JsonNode hazard = created(create(DemoUsers.TOWN_OFFICE, hazardJson("GEOLOGICAL", "滑坡隐患点",
                LocalDate.now().minusDays(2), foreignGrid)));
        long id = hazard.get("id").asLong();
        JsonNode p = hazard.get("properties");
        assertThat(p.get("reviewOverdue").asBoolean()).isTrue();
        assertThat(p.get("categoryName").asString()).isEqualTo("地质灾害");
        assertThat(p.get("status").asString()).isEqualTo("OPEN");
        assertThat(p.get("gridCode").asString()).isEqualTo(foreignGrid.code());
        assertThat(ids(read(DemoUsers.TOWN_OFFICE, "/api/hazards?overdue=true"))).contains(id);

        MockHttpServletResponse review = post(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id + "/reviews",
                "{\"reviewedOn\":\"" + LocalDate.now() + "\",\"status\":\"CONTROLLED\",\"reviewDue\":\""
                        + LocalDate.now().plusMonths(1) + "\"}");
        assertThat(review.getStatus()).isEqualTo(200);
        JsonNode after = read(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id).get("properties");
        assertThat(after.get("reviewOverdue").asBoolean()).isFalse();
        assertThat(after.get("status").asString()).isEqualTo("CONTROLLED");
        assertThat(after.get("lastReviewedOn").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(ids(read(DemoUsers.TOWN_OFFICE, "/api/hazards?overdue=true"))).doesNotContain(id);
    }

    @Test
    void aReviewWithoutANextDateOrInTheFutureIsRefusedAndChangesNothing() throws Exception {
        long id = created(create(DemoUsers.TOWN_OFFICE, hazardJson("WATER", "水库溺水隐患", LocalDate.now().minusDays(1),
                foreignGrid))).get("id").asLong();
        assertThat(post(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id + "/reviews", "{\"reviewedOn\":\""
                + LocalDate.now() + "\",\"status\":\"CONTROLLED\"}").getStatus()).isEqualTo(400);
        assertThat(post(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id + "/reviews", "{\"reviewedOn\":\""
                + LocalDate.now().plusDays(1) + "\",\"status\":\"RESOLVED\"}").getStatus()).isEqualTo(400);
        assertThat(post(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id + "/reviews", "{\"reviewedOn\":\""
                + LocalDate.now() + "\",\"status\":\"GONE\"}").getStatus()).isEqualTo(400);
        JsonNode p = read(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id).get("properties");
        assertThat(p.get("status").asString()).isEqualTo("OPEN");
        assertThat(p.get("reviewOverdue").asBoolean()).isTrue();
        // resolving needs no next date and ends the overdue flag
        assertThat(post(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id + "/reviews", "{\"reviewedOn\":\""
                + LocalDate.now() + "\",\"status\":\"RESOLVED\"}").getStatus()).isEqualTo(200);
        assertThat(read(DemoUsers.TOWN_OFFICE, "/api/hazards/" + id).get("properties").get("reviewOverdue")
                .asBoolean()).isFalse();
    }

    @Test
    void gridManagersWriteInTheirGridOnlyAndSeeOnlyTheirArea() throws Exception {
        long own = created(create(DemoUsers.GRID_MANAGER, hazardJson("TRAFFIC", "急弯路段", LocalDate.now().plusDays(30),
                ownGrid))).get("id").asLong();
        MockHttpServletResponse outside = create(DemoUsers.GRID_MANAGER, hazardJson("TRAFFIC", "外村路段",
                LocalDate.now().plusDays(30), foreignGrid));
        assertThat(outside.getStatus()).isEqualTo(400);
        assertThat(json.readTree(outside.getContentAsByteArray()).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("location");
        long foreign = created(create(DemoUsers.TOWN_OFFICE, hazardJson("ENTERPRISE", "外村企业隐患",
                LocalDate.now().plusDays(30), foreignGrid))).get("id").asLong();
        assertThat(ids(read(DemoUsers.GRID_MANAGER, "/api/hazards"))).contains(own).doesNotContain(foreign);
        assertThat(ids(read(DemoUsers.LEADER, "/api/hazards"))).contains(own, foreign);
        assertThat(mvc.perform(get("/api/hazards/" + foreign).with(DemoUsers.as(users, DemoUsers.VILLAGE_CADRE)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(post(DemoUsers.GRID_MANAGER, "/api/hazards/" + foreign + "/reviews", "{\"reviewedOn\":\""
                + LocalDate.now() + "\",\"status\":\"RESOLVED\"}").getStatus()).isEqualTo(404);
        assertThat(create(DemoUsers.LEADER, hazardJson("OTHER", "领导登记", LocalDate.now(), ownGrid)).getStatus())
                .isEqualTo(403);
        assertThat(ids(read(DemoUsers.MEDIATOR, "/api/hazards"))).doesNotContain(own, foreign);
    }

    @Test
    void aLocationOutsideTheTownOrNotAPointIsA400AndWritesNothing() throws Exception {
        MockHttpServletResponse outside = create(DemoUsers.TOWN_OFFICE, "{\"category\":\"OTHER\",\"title\":\"镇外\","
                + "\"level\":\"GENERAL\",\"owner\":\"张三\",\"reviewDue\":\"2030-01-01\","
                + "\"location\":{\"type\":\"Point\",\"coordinates\":[113.5,28.4]}}");
        assertThat(outside.getStatus()).isEqualTo(400);
        assertThat(json.readTree(outside.getContentAsByteArray()).get("fault").asString()).isEqualTo("OUTSIDE_AREA");
        MockHttpServletResponse polygon = create(DemoUsers.TOWN_OFFICE, "{\"category\":\"OTHER\",\"title\":\"面\","
                + "\"level\":\"GENERAL\",\"owner\":\"张三\",\"reviewDue\":\"2030-01-01\",\"location\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[111.85,28.45],[111.86,28.45],[111.86,28.46],[111.85,28.45]]]}}");
        assertThat(json.readTree(polygon.getContentAsByteArray()).get("fault").asString()).isEqualTo("WRONG_TYPE");
        assertThat(create(DemoUsers.TOWN_OFFICE, hazardJson("VOLCANO", "未知类别", LocalDate.now(), ownGrid))
                .getStatus()).isEqualTo(400);
        List<String> titles = new ArrayList<>();
        read(DemoUsers.TOWN_OFFICE, "/api/hazards").get("features")
                .forEach(f -> titles.add(f.get("properties").get("title").asString()));
        assertThat(titles).doesNotContain("镇外", "面", "未知类别");
    }

    // --- helpers

    MockHttpServletResponse create(String user, String body) throws Exception {
        return post(user, "/api/hazards", body);
    }

    MockHttpServletResponse post(String user, String url, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .with(DemoUsers.as(users, user)).with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    JsonNode created(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsByteArray());
    }

    JsonNode read(String user, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return json.readTree(response.getContentAsByteArray());
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

    static List<Long> ids(JsonNode collection) {
        List<Long> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    static String hazardJson(String category, String title, LocalDate reviewDue, Item grid) {
        Point p = spot(grid);
        return "{\"category\":\"" + category + "\",\"title\":\"" + title + "\",\"level\":\"LARGE\",\"owner\":\"张三\","
                + "\"reviewDue\":\"" + reviewDue + "\",\"location\":{\"type\":\"Point\",\"coordinates\":"
                + String.format(Locale.ROOT, "[%.7f,%.7f]", p.getX(), p.getY()) + "}}";
    }
}
