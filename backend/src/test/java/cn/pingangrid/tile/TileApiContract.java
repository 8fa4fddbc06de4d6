package cn.pingangrid.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.MvtTile;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;

/**
 * {@code /tiles/{layer}/{z}/{x}/{y}.mvt} on either database: the tile holds exactly the features of the caller's
 * area that meet it (derived from the committed dataset with JTS and the slippy-map formulas, not from the
 * server's code), decoded by the test's own reader; ETag and Cache-Control; bad addresses are 400/404 problems.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TileApiContract {

    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static final List<Item> ROADS = TownDataset.read("roads");
    static final GeometryFactory GEOMETRY = new GeometryFactory();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    /** The village cadre's village, and a building in the densest grid of another village. */
    String ownVillage;
    Item foreignBuilding;
    Item ownBuilding;
    final List<Long> disputes = new ArrayList<>();

    @BeforeAll
    void choose() throws Exception {
        ownVillage = users.loadUserByUsername(DemoUsers.VILLAGE_CADRE).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith("AREA_VILLAGE_"))
                .map(a -> a.substring("AREA_VILLAGE_".length())).findFirst().orElseThrow();
        Map<String, Long> perGrid = BUILDINGS.stream().collect(Collectors.groupingBy(b -> b.code().substring(0, 14),
                Collectors.counting()));
        String foreignGrid = perGrid.entrySet().stream().filter(e -> !e.getKey().startsWith(ownVillage))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String ownGrid = perGrid.entrySet().stream().filter(e -> e.getKey().startsWith(ownVillage))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        foreignBuilding = BUILDINGS.stream().filter(b -> b.code().startsWith(foreignGrid)).toList().get(10);
        ownBuilding = BUILDINGS.stream().filter(b -> b.code().startsWith(ownGrid)).toList().get(10);
        for (Item b : List.of(ownBuilding, foreignBuilding, BUILDINGS.stream()
                .filter(x -> x.code().startsWith(ownGrid)).toList().get(20))) {
            disputes.add(register(b.geometry().getInteriorPoint()));
        }
    }

    @Test
    void aBuildingTileHoldsEveryBuildingMeetingItAndNoneBeyondItsBuffer() throws Exception {
        int[] t = tileOf(foreignBuilding.geometry().getInteriorPoint(), 16);
        MvtTile tile = tile(DemoUsers.TOWN_OFFICE, "buildings", t);
        Set<String> codes = tile.layer("buildings").stream().map(f -> (String) f.properties().get("code"))
                .collect(Collectors.toSet());

        var inner = GEOMETRY.toGeometry(envelope(t, 0));
        var buffered = GEOMETRY.toGeometry(envelope(t, 64.0 / 4096 * 1.01));
        Set<String> meeting = BUILDINGS.stream().filter(b -> b.geometry().intersects(inner)).map(Item::code)
                .collect(Collectors.toSet());
        Set<String> nearby = BUILDINGS.stream().filter(b -> b.geometry().intersects(buffered)).map(Item::code)
                .collect(Collectors.toSet());
        assertThat(meeting).hasSizeGreaterThan(5).contains(foreignBuilding.code());
        assertThat(codes).containsAll(meeting);
        assertThat(nearby).containsAll(codes);
        for (MvtTile.Feature f : tile.layer("buildings")) {
            assertThat(f.type()).isEqualTo(3);
            assertThat(f.area(0)).as("exterior ring clockwise on screen: positive area, y down").isPositive();
            assertThat(f.properties()).containsKeys("use", "floors");
        }
        // the geometry lands where the footprint is: its first vertex within a tile unit or two
        MvtTile.Feature drawn = tile.layer("buildings").stream()
                .filter(f -> f.properties().get("code").equals(foreignBuilding.code())).findFirst().orElseThrow();
        Envelope footprint = foreignBuilding.geometry().getEnvelopeInternal();
        double[] min = tileUnits(t, footprint.getMinX(), footprint.getMaxY());
        double[] max = tileUnits(t, footprint.getMaxX(), footprint.getMinY());
        long minX = drawn.parts().get(0).stream().mapToLong(p -> p[0]).min().orElseThrow();
        long minY = drawn.parts().get(0).stream().mapToLong(p -> p[1]).min().orElseThrow();
        long maxX = drawn.parts().get(0).stream().mapToLong(p -> p[0]).max().orElseThrow();
        long maxY = drawn.parts().get(0).stream().mapToLong(p -> p[1]).max().orElseThrow();
        assertThat(new double[] { minX, minY, maxX, maxY }).containsExactly(new double[] { min[0], min[1], max[0],
                max[1] }, org.assertj.core.data.Offset.offset(1.5));
    }

    @Test
    void aRoadTileHoldsTheRoadsCrossingIt() throws Exception {
        int[] t = tileOf(foreignBuilding.geometry().getInteriorPoint(), 14);
        MvtTile tile = tile(DemoUsers.GRID_MANAGER, "roads", t); // public: the same for everyone
        Set<Long> ids = tile.layer("roads").stream().map(MvtTile.Feature::id).collect(Collectors.toSet());
        var inner = GEOMETRY.toGeometry(envelope(t, 0));
        var buffered = GEOMETRY.toGeometry(envelope(t, 64.0 / 4096 * 1.01));
        Set<Long> crossing = ROADS.stream().filter(r -> r.geometry().intersects(inner))
                .map(r -> r.properties().get("id").asLong()).collect(Collectors.toSet());
        Set<Long> nearby = ROADS.stream().filter(r -> r.geometry().intersects(buffered))
                .map(r -> r.properties().get("id").asLong()).collect(Collectors.toSet());
        assertThat(crossing).isNotEmpty();
        assertThat(ids).containsAll(crossing);
        assertThat(nearby).containsAll(ids);
        assertThat(tile.layer("roads")).allSatisfy(f -> {
            assertThat(f.type()).isEqualTo(2);
            assertThat(f.properties().get("roadClass")).isIn("national", "provincial", "county", "town", "village");
        });
    }

    @Test
    void aVillageCadresTilesHoldOnlyTheirVillage() throws Exception {
        int[] foreign = tileOf(foreignBuilding.geometry().getInteriorPoint(), 16);
        assertThat(tile(DemoUsers.TOWN_OFFICE, "buildings", foreign).layer("buildings")).isNotEmpty();
        assertThat(codes(tile(DemoUsers.VILLAGE_CADRE, "buildings", foreign), "buildings"))
                .allMatch(c -> c.startsWith(ownVillage));
        assertThat(codes(tile(DemoUsers.VILLAGE_CADRE, "grids", tileOf(foreignBuilding.geometry().getInteriorPoint(),
                13)), "grids")).allMatch(c -> c.startsWith(ownVillage));
        int[] own = tileOf(ownBuilding.geometry().getInteriorPoint(), 16);
        assertThat(codes(tile(DemoUsers.VILLAGE_CADRE, "buildings", own), "buildings")).contains(ownBuilding.code());
        assertThat(tile(DemoUsers.ADMIN, "buildings", own).layer("buildings")).as("an administrator: base map only")
                .isEmpty();
    }

    @Test
    void disputesArePointsCloseInAndCountsPerGridAndVillageFurtherOut() throws Exception {
        Point own = ownBuilding.geometry().getInteriorPoint();
        MvtTile points = tile(DemoUsers.VILLAGE_CADRE, "disputes", tileOf(own, 17));
        assertThat(points.layer("disputes")).extracting(MvtTile.Feature::id).contains(disputes.get(0))
                .doesNotContain(disputes.get(1));
        assertThat(points.layer("disputes").get(0).properties()).containsKeys("type", "status", "severity")
                .doesNotContainKeys("parties", "situation");

        String grid = ownBuilding.code().substring(0, 14);
        long inGrid = ids(DemoUsers.VILLAGE_CADRE, "/api/disputes?limit=5000").stream().filter(d -> d[1].equals(grid))
                .count();
        MvtTile grids = tile(DemoUsers.VILLAGE_CADRE, "disputes", tileOf(own, 14));
        assertThat(grids.layer("disputes")).filteredOn(f -> grid.equals(f.properties().get("code")))
                .singleElement().satisfies(f -> {
                    assertThat(((Number) f.properties().get("count")).longValue()).isEqualTo(inGrid).isPositive();
                    assertThat(f.properties().get("unit")).isEqualTo("grid");
                });
        long inVillage = ids(DemoUsers.VILLAGE_CADRE, "/api/disputes?limit=5000").size();
        MvtTile villages = tile(DemoUsers.VILLAGE_CADRE, "disputes", tileOf(own, 11));
        assertThat(villages.layer("disputes")).singleElement().satisfies(f -> {
            assertThat(f.properties().get("code")).isEqualTo(ownVillage);
            assertThat(((Number) f.properties().get("count")).longValue()).isEqualTo(inVillage);
        });
    }

    @Test
    void theEtagAnswers304AndCacheControlIsHonestAboutScope() throws Exception {
        int[] t = tileOf(ownBuilding.geometry().getInteriorPoint(), 16);
        MockHttpServletResponse roads = response(DemoUsers.TOWN_OFFICE, url("roads", t), null);
        assertThat(roads.getHeader("Cache-Control")).startsWith("public");
        assertThat(roads.getContentType()).isEqualTo("application/vnd.mapbox-vector-tile");
        MockHttpServletResponse buildings = response(DemoUsers.VILLAGE_CADRE, url("buildings", t), null);
        assertThat(buildings.getHeader("Cache-Control")).startsWith("private");
        String etag = buildings.getHeader("ETag");
        assertThat(etag).isNotBlank();

        MockHttpServletResponse again = response(DemoUsers.VILLAGE_CADRE, url("buildings", t), etag);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        int[] foreign = tileOf(foreignBuilding.geometry().getInteriorPoint(), 16);
        String cadres = response(DemoUsers.VILLAGE_CADRE, url("buildings", foreign), null).getHeader("ETag");
        MockHttpServletResponse town = response(DemoUsers.TOWN_OFFICE, url("buildings", foreign), cadres);
        assertThat(town.getStatus()).as("another scope, another tile").isEqualTo(200);
        assertThat(town.getHeader("ETag")).isNotEqualTo(cadres);

        MockHttpServletResponse disputes = response(DemoUsers.VILLAGE_CADRE, url("disputes", t), null);
        assertThat(disputes.getHeader("Cache-Control")).contains("private", "no-cache");
    }

    @Test
    void buildingsAreNotSentForTheWholeTown() throws Exception {
        int[] t = tileOf(ownBuilding.geometry().getInteriorPoint(), 12);
        MockHttpServletResponse response = response(DemoUsers.TOWN_OFFICE, url("buildings", t), null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({ "/tiles/buildings/23/0/0.mvt,400,z", "/tiles/buildings/3/8/0.mvt,400,x",
            "/tiles/buildings/3/0/8.mvt,400,y", "/tiles/buildings/a/0/0.mvt,400,z", "/tiles/buildings/1/-1/0.mvt,400,x",
            "/tiles/buildings/99999999999/0/0.mvt,400,z", "/tiles/buildings/1/0/1.5.mvt,400,y",
            "/tiles/nothing/1/0/0.mvt,404,", "/tiles/buildings/1/0/0.png,404," })
    void badAddressesAreProblems(String url, int status, String field) throws Exception {
        MockHttpServletResponse response = response(DemoUsers.TOWN_OFFICE, url, null);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(JSON.readTree(response.getContentAsString()).get("invalid-params").get(0).get("name")
                    .asString()).isEqualTo(field);
        }
    }

    // --- helpers

    static int[] tileOf(Point p, int z) {
        int n = 1 << z;
        int x = (int) Math.floor((p.getX() + 180) / 360 * n);
        double lat = Math.toRadians(p.getY());
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return new int[] { z, x, y };
    }

    /** The tile's lng/lat envelope, grown by {@code pad} of its size on each side. */
    static Envelope envelope(int[] t, double pad) {
        int n = 1 << t[0];
        return new Envelope(lng(t[1] - pad, n), lng(t[1] + 1 + pad, n), lat(t[2] + 1 + pad, n), lat(t[2] - pad, n));
    }

    static double lng(double x, int n) {
        return x / n * 360 - 180;
    }

    static double lat(double y, int n) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
    }

    /** A lng/lat position in the tile's 0..4096 units. */
    static double[] tileUnits(int[] t, double lng, double lat) {
        int n = 1 << t[0];
        double x = (lng + 180) / 360 * n;
        double r = Math.toRadians(lat);
        double y = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
        return new double[] { (x - t[1]) * 4096, (y - t[2]) * 4096 };
    }

    static String url(String layer, int[] t) {
        return "/tiles/" + layer + "/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
    }

    MvtTile tile(String user, String layer, int[] t) throws Exception {
        MockHttpServletResponse response = response(user, url(layer, t), null);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return MvtTile.read(response.getContentAsByteArray());
    }

    MockHttpServletResponse response(String user, String url, String ifNoneMatch) throws Exception {
        var request = get(url).with(DemoUsers.as(users, user));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    static List<String> codes(MvtTile tile, String layer) {
        return tile.layer(layer).stream().map(f -> (String) f.properties().get("code")).toList();
    }

    /** [id, grid code] of the disputes the user lists. */
    List<String[]> ids(String user, String url) throws Exception {
        JsonNode body = JSON.readTree(response(user, url, null).getContentAsString());
        List<String[]> rows = new ArrayList<>();
        body.get("features").forEach(f -> rows.add(new String[] { f.get("properties").get("id").asString(),
                f.get("properties").get("gridCode").asString() }));
        return rows;
    }

    long register(Point p) throws Exception {
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("lng", p.getX());
        dispute.put("lat", p.getY());
        dispute.put("type", "NEIGHBOURS");
        dispute.put("severity", "ORDINARY");
        dispute.put("source", "SWEEP");
        dispute.put("situation", "瓦片测试");
        dispute.put("parties", List.of(Map.of("name", "王五", "phone", "13811112222")));
        MockHttpServletResponse response = mvc.perform(post("/api/disputes").with(DemoUsers.as(users,
                DemoUsers.TOWN_OFFICE)).with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(dispute))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.getContentAsString());
        return (body.has("properties") ? body.get("properties") : body).get("id").asLong();
    }

}
