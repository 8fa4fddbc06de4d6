package cn.pingangrid.area.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.pingangrid.geo.Gcj02Transform;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The area API's behaviour, run once per database (see the *OnH2gisTests / *OnPostgisTests subclasses).
 * Expected answers are derived from the committed dataset with JTS, never typed in.
 */
abstract class AreaApiContract {

    static final List<Item> VILLAGES = TownDataset.read("villages");
    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GeographyImport geographyImport;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();

    /** The area API as seen by the town office, who sees the whole town. */
    ResultActions getAsTown(String url) throws Exception {
        return mvc.perform(get(url).with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE)));
    }

    JsonNode getJson(String url) throws Exception {
        MvcResult result = getAsTown(url).andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    @Test
    void villagesAreAllSeventeenWithTheirCodes() throws Exception {
        JsonNode villages = getJson("/api/villages");
        assertThat(villages.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(codes(villages)).hasSize(17)
                .isEqualTo(VILLAGES.stream().map(Item::code).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(villages.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Polygon");
    }

    @Test
    void villageBboxFilterReturnsExactlyTheIntersectingVillages() throws Exception {
        Item first = VILLAGES.get(0);
        Envelope box = first.geometry().getInteriorPoint().getEnvelopeInternal();
        box.expandBy(0.001);
        Set<String> expected = VILLAGES.stream()
                .filter(v -> v.geometry().intersects(first.geometry().getFactory().toGeometry(box)))
                .map(Item::code).collect(Collectors.toCollection(TreeSet::new));
        JsonNode answer = getJson("/api/villages?bbox=" + bbox(box));
        assertThat(codes(answer)).isEqualTo(expected).contains(first.code());
    }

    @Test
    void gridsOfAVillageAreExactlyItsGrids() throws Exception {
        String village = VILLAGES.get(3).code();
        Set<String> expected = GRIDS.stream().filter(g -> g.properties().get("villageCode").asString().equals(village))
                .map(Item::code).collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes(getJson("/api/grids?village=" + village))).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void villageDetailHasAreaEqualToTheSumOfItsGridsAndTheirBuildingCount() throws Exception {
        String village = VILLAGES.get(5).code();
        JsonNode detail = getJson("/api/villages/" + village).get("properties");
        long gridAreaSum = 0;
        List<Item> grids = GRIDS.stream().filter(g -> g.code().startsWith(village)).toList();
        for (Item grid : grids) {
            gridAreaSum += getJson("/api/grids/" + grid.code()).get("properties").get("areaM2").asLong();
        }
        // each grid's area is rounded to 1 m²; the tiling is exact, so the sums agree to that rounding
        assertThat(detail.get("areaM2").asLong()).isCloseTo(gridAreaSum, org.assertj.core.data.Offset.offset(
                (long) grids.size()));
        assertThat(detail.get("gridCount").asLong()).isEqualTo(grids.size());
        long buildings = BUILDINGS.stream().filter(b -> b.code().startsWith(village)).count();
        assertThat(detail.get("buildingCount").asLong()).isEqualTo(buildings);
    }

    @Test
    void gridDetailNamesItsVillageAndCountsItsBuildings() throws Exception {
        Item grid = GRIDS.get(7);
        JsonNode detail = getJson("/api/grids/" + grid.code()).get("properties");
        assertThat(detail.get("villageCode").asString()).isEqualTo(grid.properties().get("villageCode").asString());
        assertThat(detail.get("villageName").asString()).endsWith(grid.properties().get("villageCode").asString()
                .equals(communityCode()) ? "社区" : "村");
        assertThat(detail.get("buildingCount").asLong())
                .isEqualTo(BUILDINGS.stream().filter(b -> b.code().startsWith(grid.code())).count());
        assertThat(detail.get("areaM2").asLong()).isPositive();
    }

    @Test
    void buildingsInABboxAreThoseIntersectingItInCodeOrder() throws Exception {
        Item building = BUILDINGS.get(BUILDINGS.size() / 2);
        Envelope box = building.geometry().getEnvelopeInternal();
        box.expandBy(0.003);
        Geometry boxPolygon = building.geometry().getFactory().toGeometry(box);
        List<String> expected = BUILDINGS.stream().filter(b -> b.geometry().intersects(boxPolygon)).map(Item::code)
                .sorted().toList();
        JsonNode answer = getJson("/api/buildings?bbox=" + bbox(box));
        List<String> actual = new ArrayList<>();
        answer.get("features").forEach(f -> actual.add(f.get("properties").get("code").asString()));
        assertThat(actual).isEqualTo(expected).contains(building.code());
        assertThat(answer.get("truncated").asBoolean()).isFalse();
        // the geometry as the dataset has it (GeoJSON made by the database on PostGIS, by JTS on H2GIS)
        Map<String, Geometry> footprints = new HashMap<>();
        BUILDINGS.forEach(b -> footprints.put(b.code(), b.geometry()));
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode f : answer.get("features")) {
            Geometry sent = reader.read(f.get("geometry").toString());
            assertThat(sent.norm().equalsExact(footprints.get(f.get("id").asString()).norm(), 1e-7))
                    .as(f.get("id").asString()).isTrue();
        }
    }

    @Test
    void buildingsAreLimitedAndSayWhenTruncated() throws Exception {
        String village = communityCode();
        JsonNode answer = getJson("/api/buildings?village=" + village + "&limit=10");
        assertThat(answer.get("features")).hasSize(10);
        assertThat(answer.get("numberReturned").asInt()).isEqualTo(10);
        assertThat(answer.get("truncated").asBoolean()).isTrue();
        assertThat(answer.get("features").get(0).get("properties").get("code").asString()).startsWith(village);
    }

    @Test
    void locateFindsVillageGridAndBuilding() throws Exception {
        Item building = BUILDINGS.get(BUILDINGS.size() / 3);
        Point inside = building.geometry().getInteriorPoint();
        JsonNode answer = getJson("/api/locate?lng=" + inside.getX() + "&lat=" + inside.getY());
        String gridCode = building.properties().get("gridCode").asString();
        assertThat(answer.get("grid").get("code").asString()).isEqualTo(gridCode);
        assertThat(answer.get("village").get("code").asString()).isEqualTo(gridCode.substring(0, 12));
        assertThat(answer.get("building").get("code").asString()).isEqualTo(building.code());
    }

    @Test
    void locateOutsideAnyBuildingHasNoBuilding() throws Exception {
        Item grid = GRIDS.get(2);
        Point p = pointInGridAwayFromBuildings(grid);
        JsonNode answer = getJson("/api/locate?lng=" + p.getX() + "&lat=" + p.getY());
        assertThat(answer.get("grid").get("code").asString()).isEqualTo(grid.code());
        assertThat(answer.get("building").isNull()).isTrue();
    }

    @Test
    void locateConvertsGcj02Input() throws Exception {
        Item grid = GRIDS.get(11);
        Point p = pointInGridAwayFromBuildings(grid);
        double[] gcj = Gcj02Transform.toGcj02(p.getX(), p.getY());
        JsonNode answer = getJson("/api/locate?crs=GCJ02&lng=" + gcj[0] + "&lat=" + gcj[1]);
        assertThat(answer.get("grid").get("code").asString()).isEqualTo(grid.code());
        assertThat(answer.get("lng").asDouble()).isCloseTo(p.getX(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void searchFindsVillagesAndGridsByNameOrCode() throws Exception {
        Item village = VILLAGES.get(8);
        String name = village.properties().get("name").asString();
        MvcResult result = mvc.perform(get("/api/search").param("q", name)
                .with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))).andExpect(status().isOk()).andReturn();
        JsonNode hits = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(hits.get(0).get("type").asString()).isEqualTo("village");
        assertThat(hits.get(0).get("code").asString()).isEqualTo(village.code());
        assertThat(hits.get(0).get("bbox")).hasSize(4);
        JsonNode byCode = getJson("/api/search?q=" + GRIDS.get(0).code());
        assertThat(byCode).hasSize(1);
        assertThat(byCode.get(0).get("type").asString()).isEqualTo("grid");
    }

    @Test
    void baseMapLayersAreServed() throws Exception {
        assertThat(getJson("/api/town").get("properties").get("code").asString()).isEqualTo("430922117");
        assertThat(getJson("/api/roads").get("features").size()).isEqualTo(TownDataset.read("roads").size());
        assertThat(getJson("/api/roads?class=village").get("features")).allSatisfy(
                f -> assertThat(f.get("properties").get("roadClass").asString()).isEqualTo("village"));
        assertThat(getJson("/api/water").get("features").size()).isPositive();
        assertThat(getJson("/api/neighbours").get("features").size()).isEqualTo(TownDataset.read("neighbours").size());
        assertThat(getJson("/api/places").get("features").size()).isEqualTo(TownDataset.read("places").size());
    }

    @Test
    void secondImportAddsNothing() {
        long buildings = count("building");
        long imports = count("geography_import");
        geographyImport.importDataset(false);
        assertThat(count("building")).isEqualTo(buildings).isEqualTo(BUILDINGS.size());
        assertThat(count("geography_import")).isEqualTo(imports);
    }

    // ---- bad input: a problem+json naming the field, never a 500

    @Test
    void nonNumericLongitudeIsA400NamingTheField() throws Exception {
        expectProblem("/api/locate?lng=abc&lat=28.45", 400, "lng");
    }

    @Test
    void missingLatitudeIsA400NamingTheField() throws Exception {
        expectProblem("/api/locate?lng=111.85", 400, "lat");
    }

    @Test
    void outOfRangeLatitudeIsA400() throws Exception {
        expectProblem("/api/locate?lng=111.85&lat=128.45", 400, "lat");
    }

    @Test
    void unknownCrsIsA400() throws Exception {
        expectProblem("/api/locate?lng=111.85&lat=28.45&crs=EPSG:3857", 400, "crs");
    }

    @Test
    void pointOutsideTheTownIsA404Problem() throws Exception {
        getAsTown("/api/locate?lng=116.39&lat=39.91").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不在本镇范围内")));
    }

    @Test
    void bboxWithMinAboveMaxIsA400() throws Exception {
        expectProblem("/api/villages?bbox=111.9,28.4,111.8,28.5", 400, "bbox");
    }

    @Test
    void bboxWithTooFewNumbersIsA400() throws Exception {
        expectProblem("/api/grids?bbox=111.8,28.4,111.9", 400, "bbox");
    }

    @Test
    void wholeGlobeBboxForBuildingsIsA400() throws Exception {
        expectProblem("/api/buildings?bbox=-180,-90,180,90", 400, "bbox");
    }

    @Test
    void buildingsWithoutAnyFilterIsA400() throws Exception {
        expectProblem("/api/buildings", 400, "bbox");
    }

    @Test
    void buildingLimitOutOfRangeIsA400() throws Exception {
        expectProblem("/api/buildings?village=" + communityCode() + "&limit=0", 400, "limit");
    }

    @Test
    void malformedCodesAreA400AndUnknownOnesA404() throws Exception {
        expectProblem("/api/grids?village=abc", 400, "village");
        expectProblem("/api/villages/12", 400, "code");
        getAsTown("/api/villages/430922117999").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownApiPathIsA404Problem() throws Exception {
        getAsTown("/api/nothing-here").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    void expectProblem(String url, int status, String field) throws Exception {
        getAsTown(url).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$['invalid-params'][0].name").value(field));
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    static String communityCode() {
        return VILLAGES.stream().filter(v -> v.properties().get("kind").asString().equals("community"))
                .map(Item::code).findFirst().orElseThrow();
    }

    /** A point inside the grid, at least a few metres from every building. */
    static Point pointInGridAwayFromBuildings(Item grid) {
        Geometry free = grid.geometry();
        for (Item b : BUILDINGS) {
            if (b.code().startsWith(grid.code())) {
                free = free.difference(b.geometry().buffer(0.0001));
            }
        }
        return free.getInteriorPoint();
    }

    static Set<String> codes(JsonNode collection) {
        Set<String> codes = new TreeSet<>(Comparator.naturalOrder());
        collection.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
        return codes;
    }

    static String bbox(Envelope e) {
        return e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY();
    }
}
