package cn.pingangrid.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features at {@code /ogc}, run once per database: the documents of Part 1 Core, paging that neither
 * repeats nor skips, bbox and datetime filters, the caller's area, disputes without personal data, HTML by
 * negotiation, and a problem for every bad parameter. Expected features are derived from the committed dataset
 * with JTS, not copied from an answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OgcApiContract {

    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<String> COLLECTIONS = List.of("villages", "grids", "buildings", "roads", "water", "places",
            "sites", "hazards", "border-segments", "border-zones", "disputes");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    String village;
    String grid;
    /** Disputes made here: their id and 排查时间. */
    final Map<Long, LocalDate> made = new LinkedHashMap<>();

    @BeforeAll
    void disputesOnKnownDates() throws Exception {
        village = area(DemoUsers.VILLAGE_CADRE, AreaScope.VILLAGE_PREFIX);
        grid = area(DemoUsers.GRID_MANAGER, AreaScope.GRID_PREFIX);
        List<Item> inGrid = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).toList();
        LocalDate[] dates = { LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 15), LocalDate.of(2025, 4, 2) };
        for (int i = 0; i < dates.length; i++) {
            Point p = inGrid.get(10 + i).geometry().getInteriorPoint();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("lng", p.getX());
            body.put("lat", p.getY());
            body.put("type", "NEIGHBOURS");
            body.put("severity", "ORDINARY");
            body.put("source", "SWEEP");
            body.put("sweptOn", dates[i].toString());
            body.put("occurredOn", dates[i].minusDays(1).toString());
            body.put("situation", "要素服务测试：张三与李四的排水沟纠纷");
            body.put("sweptBy", "王排查");
            body.put("parties", List.of(Map.of("name", "张三丰", "phone", "13912345678")));
            MockHttpServletResponse created = mvc.perform(post("/api/disputes")
                    .with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE)).with(BrowserCsrf.token())
                    .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn()
                    .getResponse();
            assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
            JsonNode record = JSON.readTree(created.getContentAsString());
            long id = (record.has("properties") ? record.get("properties") : record).get("id").asLong();
            made.put(id, dates[i]);
        }
    }

    @Test
    void landingPageLinksTheApiConformanceAndCollections() throws Exception {
        JsonNode landing = json(DemoUsers.VILLAGE_CADRE, "/ogc");
        Set<String> rels = new HashSet<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asString()));
        assertThat(rels).contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");
        JsonNode conformance = json(DemoUsers.VILLAGE_CADRE, "/ogc/conformance");
        List<String> classes = new ArrayList<>();
        conformance.get("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    }

    @Test
    void collectionsAreTheElevenLayersInCrs84() throws Exception {
        JsonNode collections = json(DemoUsers.VILLAGE_CADRE, "/ogc/collections");
        List<String> ids = new ArrayList<>();
        collections.get("collections").forEach(c -> {
            ids.add(c.get("id").asString());
            assertThat(c.get("crs").get(0).asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            assertThat(c.get("extent").get("spatial").get("bbox").get(0)).hasSize(4);
        });
        assertThat(ids).isEqualTo(COLLECTIONS);
        JsonNode disputes = json(DemoUsers.VILLAGE_CADRE, "/ogc/collections/disputes");
        assertThat(disputes.get("extent").has("temporal")).isTrue();
        assertThat(json(DemoUsers.VILLAGE_CADRE, "/ogc/collections/roads").get("extent").has("temporal")).isFalse();
    }

    @Test
    void apiDefinitionIsOpenApi30WithTheLimitsDocumented() throws Exception {
        MockHttpServletResponse response = send(get("/ogc/api"), DemoUsers.VILLAGE_CADRE);
        assertThat(response.getContentType()).startsWith("application/vnd.oai.openapi+json");
        JsonNode api = JSON.readTree(response.getContentAsString());
        assertThat(api.get("openapi").asString()).startsWith("3.0");
        JsonNode limit = null;
        for (JsonNode p : api.get("paths").get("/collections/{collectionId}/items").get("get").get("parameters")) {
            if (p.get("name").asString().equals("limit")) {
                limit = p.get("schema");
            }
        }
        assertThat(limit).isNotNull();
        assertThat(limit.get("default").asInt()).isEqualTo(100);
        assertThat(limit.get("maximum").asInt()).isEqualTo(5000);
        assertThat(api.get("components").get("schemas").has("Problem")).isTrue();
    }

    /** Pages of 400 walk the village's buildings: none twice, none missed, exactly the dataset's. */
    @Test
    void pagesFollowingNextLinksCoverTheAreaExactlyOnce() throws Exception {
        Set<String> expected = BUILDINGS.stream().map(Item::code).filter(c -> c.startsWith(village))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> seen = new ArrayList<>();
        String url = "/ogc/collections/buildings/items?limit=400";
        int pages = 0;
        long matched = -1;
        while (url != null) {
            JsonNode page = json(DemoUsers.VILLAGE_CADRE, url);
            matched = page.get("numberMatched").asLong();
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
            page.get("features").forEach(f -> seen.add(f.get("id").asString()));
            url = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    url = link.get("href").asString().replaceFirst("^http://[^/]+", "");
                }
            }
            if (++pages > 100) {
                throw new AssertionError("next links never end");
            }
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(seen)).isEqualTo(expected);
        assertThat(matched).isEqualTo(expected.size());
        assertThat(pages).isEqualTo((expected.size() + 399) / 400);
        JsonNode second = json(DemoUsers.VILLAGE_CADRE, "/ogc/collections/buildings/items?limit=400&offset=400");
        assertThat(rels(second)).contains("prev", "self");
    }

    @Test
    void bboxSelectsExactlyTheIntersectingFeaturesOfTheArea() throws Exception {
        Item centre = BUILDINGS.stream().filter(b -> b.code().startsWith(village)).toList().get(20);
        Envelope box = centre.geometry().getEnvelopeInternal();
        box.expandBy(0.004);
        Geometry boxGeometry = Wgs84.FACTORY.toGeometry(box);
        Set<String> expected = BUILDINGS.stream().filter(b -> b.code().startsWith(village))
                .filter(b -> b.geometry().intersects(boxGeometry)).map(Item::code)
                .collect(Collectors.toCollection(TreeSet::new));
        JsonNode page = json(DemoUsers.VILLAGE_CADRE, "/ogc/collections/buildings/items?limit=5000&bbox="
                + box.getMinX() + "," + box.getMinY() + "," + box.getMaxX() + "," + box.getMaxY());
        Set<String> ids = new TreeSet<>();
        page.get("features").forEach(f -> ids.add(f.get("id").asString()));
        assertThat(expected).isNotEmpty();
        assertThat(ids).isEqualTo(expected);
        assertThat(page.get("numberMatched").asLong()).isEqualTo(expected.size());
    }

    @Test
    void eachUserSeesTheirOwnAreaOnly() throws Exception {
        long town = matched(DemoUsers.TOWN_OFFICE, "buildings");
        long ownVillage = matched(DemoUsers.VILLAGE_CADRE, "buildings");
        long ownGrid = matched(DemoUsers.GRID_MANAGER, "buildings");
        assertThat(town).isEqualTo(BUILDINGS.size());
        assertThat(ownVillage).isEqualTo(BUILDINGS.stream().filter(b -> b.code().startsWith(village)).count());
        assertThat(ownGrid).isEqualTo(BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).count());
        assertThat(matched(DemoUsers.GRID_MANAGER, "grids")).isEqualTo(1);
        assertThat(matched(DemoUsers.TOWN_OFFICE, "grids")).isEqualTo(GRIDS.size());
        // the public base map is the whole town for everyone, the administrator included
        assertThat(matched(DemoUsers.GRID_MANAGER, "roads")).isEqualTo(matched(DemoUsers.TOWN_OFFICE, "roads"))
                .isPositive();
        assertThat(matched(DemoUsers.ADMIN, "roads")).isEqualTo(matched(DemoUsers.TOWN_OFFICE, "roads"));
        assertThat(matched(DemoUsers.ADMIN, "buildings")).isZero();
        String foreign = BUILDINGS.stream().map(Item::code).filter(c -> !c.startsWith(village)).findFirst()
                .orElseThrow();
        assertThat(send(get("/ogc/collections/buildings/items/" + foreign), DemoUsers.VILLAGE_CADRE).getStatus())
                .isEqualTo(404);
        assertThat(send(get("/ogc/collections/buildings/items/" + foreign), DemoUsers.TOWN_OFFICE).getStatus())
                .isEqualTo(200);
    }

    /** The dispute layer names no party, phone, sweeper or free text: only codes, levels, dates. */
    @Test
    void disputesCarryNoPersonalData() throws Exception {
        long id = made.keySet().iterator().next();
        MockHttpServletResponse response = send(get("/ogc/collections/disputes/items/" + id),
                DemoUsers.GRID_MANAGER);
        assertThat(response.getStatus()).isEqualTo(200);
        String text = response.getContentAsString();
        assertThat(text).doesNotContain("张三", "李四", "1391234", "王排查", "排水沟");
        Set<String> keys = new TreeSet<>();
        JSON.readTree(text).get("properties").propertyNames().forEach(keys::add);
        assertThat(keys).isEqualTo(new TreeSet<>(Set.of("id", "type", "typeName", "severity", "severityName",
                "status", "statusName", "level", "levelName", "sweptOn", "occurredOn", "resolvedOn", "overdue",
                "villageCode", "gridCode")));
        String page = send(get("/ogc/collections/disputes/items?limit=5000&f=html"), DemoUsers.TOWN_OFFICE)
                .getContentAsString();
        assertThat(page).doesNotContain("张三", "1391234", "排水沟");
    }

    @Test
    void datetimeFiltersDisputesByTheirSweepDate() throws Exception {
        assertThat(dated("2025-03-15")).containsExactly(id(LocalDate.of(2025, 3, 15)));
        assertThat(dated("2025-03-01/2025-03-15")).containsExactlyInAnyOrder(id(LocalDate.of(2025, 3, 1)),
                id(LocalDate.of(2025, 3, 15)));
        assertThat(dated("2025-03-02/..")).contains(id(LocalDate.of(2025, 3, 15)), id(LocalDate.of(2025, 4, 2)))
                .doesNotContain(id(LocalDate.of(2025, 3, 1)));
        assertThat(dated("../2025-03-01")).contains(id(LocalDate.of(2025, 3, 1)))
                .doesNotContain(id(LocalDate.of(2025, 3, 15)));
        // 2025-03-14T20:00Z is 2025-03-15 04:00 in Beijing: the sweep date counts
        assertThat(dated("2025-03-14T20:00:00Z")).containsExactly(id(LocalDate.of(2025, 3, 15)));
        for (JsonNode f : json(DemoUsers.TOWN_OFFICE, "/ogc/collections/disputes/items?limit=5000&datetime="
                + "2025-03-02/2025-04-30").get("features")) {
            LocalDate swept = LocalDate.parse(f.get("properties").get("sweptOn").asString());
            assertThat(swept).isBetween(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 4, 30));
        }
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        assertProblem("/ogc/collections/buildings/items?limit=5001", 400, "limit");
        assertProblem("/ogc/collections/buildings/items?limit=0", 400, "limit");
        assertProblem("/ogc/collections/buildings/items?limit=-1", 400, "limit");
        assertProblem("/ogc/collections/buildings/items?limit=ten", 400, "limit");
        assertProblem("/ogc/collections/buildings/items?offset=-5", 400, "offset");
        assertProblem("/ogc/collections/buildings/items?bbox=1,2,3", 400, "bbox");
        assertProblem("/ogc/collections/buildings/items?bbox=111.9,28.5,111.8,28.4", 400, "bbox");
        assertProblem("/ogc/collections/buildings/items?bbox=181,0,182,1", 400, "bbox");
        assertProblem("/ogc/collections/disputes/items?datetime=yesterday", 400, "datetime");
        assertProblem("/ogc/collections/disputes/items?datetime=2025-04-01/2025-03-01", 400, "datetime");
        assertProblem("/ogc/collections/disputes/items?datetime=2025-02-30", 400, "datetime");
        assertProblem("/ogc/collections/roads/items?datetime=2025-03-01", 400, "datetime");
        assertProblem("/ogc/collections/buildings/items?colour=red", 400, "colour");
        assertProblem("/ogc/collections/buildings/items?f=xml", 400, "f");
        assertProblem("/ogc/collections/no-such-layer/items", 404, null);
        assertProblem("/ogc/collections/no-such-layer", 404, null);
        assertProblem("/ogc/collections/disputes/items/abc", 404, null);
        // a zero-area box is a point query, not an error
        assertThat(send(get("/ogc/collections/buildings/items?bbox=111.85,28.45,111.85,28.45"),
                DemoUsers.TOWN_OFFICE).getStatus()).isEqualTo(200);
    }

    @Test
    void htmlByFormatParameterOrAcceptHeader() throws Exception {
        MockHttpServletResponse byF = send(get("/ogc/collections/buildings/items?limit=3&f=html"),
                DemoUsers.VILLAGE_CADRE);
        assertThat(byF.getContentType()).startsWith("text/html");
        assertThat(byF.getContentAsString()).contains("<table", "下一页", "/ogc/collections/buildings/items/");
        MockHttpServletResponse byAccept = send(get("/ogc/collections").accept("text/html,*/*;q=0.8"),
                DemoUsers.VILLAGE_CADRE);
        assertThat(byAccept.getContentType()).startsWith("text/html");
        MockHttpServletResponse gis = send(get("/ogc/collections/buildings/items?limit=1")
                .accept("application/geo+json, application/json"), DemoUsers.VILLAGE_CADRE);
        assertThat(gis.getContentType()).startsWith("application/geo+json");
        assertThat(gis.getHeader("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        MockHttpServletResponse problem = send(get("/ogc/collections/buildings/items?limit=9999")
                .accept("text/html"), DemoUsers.VILLAGE_CADRE);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutSignInGisClientsGetA401AndBrowsersTheSignInPage() throws Exception {
        MockHttpServletResponse gis = mvc.perform(get("/ogc/collections").accept("application/json")).andReturn()
                .getResponse();
        assertThat(gis.getStatus()).isEqualTo(401);
        assertThat(gis.getContentType()).startsWith("application/problem+json");
        assertThat(gis.getHeader("WWW-Authenticate")).startsWith("Bearer");
        MockHttpServletResponse browser = mvc.perform(get("/ogc").accept("text/html")).andReturn().getResponse();
        assertThat(browser.getStatus()).isEqualTo(302);
        assertThat(browser.getRedirectedUrl()).contains("/login.html");
    }

    private List<Long> dated(String datetime) throws Exception {
        JsonNode page = json(DemoUsers.TOWN_OFFICE, "/ogc/collections/disputes/items?limit=5000&datetime="
                + datetime);
        List<Long> ids = new ArrayList<>();
        page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        ids.retainAll(made.keySet());
        return ids;
    }

    private long id(LocalDate date) {
        return made.entrySet().stream().filter(e -> e.getValue().equals(date)).findFirst().orElseThrow().getKey();
    }

    private void assertProblem(String url, int status, String param) throws Exception {
        MockHttpServletResponse response = send(get(url), DemoUsers.TOWN_OFFICE);
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).as(url).startsWith("application/problem+json");
        if (param != null) {
            assertThat(JSON.readTree(response.getContentAsString()).get("invalid-params").get(0).get("name")
                    .asString()).as(url).contains(param);
        }
    }

    private long matched(String user, String collection) throws Exception {
        return json(user, "/ogc/collections/" + collection + "/items?limit=1").get("numberMatched").asLong();
    }

    private static Set<String> rels(JsonNode doc) {
        Set<String> rels = new HashSet<>();
        doc.get("links").forEach(l -> rels.add(l.get("rel").asString()));
        return rels;
    }

    private JsonNode json(String user, String url) throws Exception {
        MockHttpServletResponse response = send(get(url), user);
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(DemoUsers.as(users, user))).andReturn().getResponse();
    }

    private String area(String user, String prefix) {
        return users.loadUserByUsername(user).getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst().orElseThrow();
    }
}
