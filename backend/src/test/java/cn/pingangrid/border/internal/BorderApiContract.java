package cn.pingangrid.border.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The derived borders of the committed dataset, checked against expectations computed independently from the
 * dataset's files (JTS overlay instead of edge tracing); zone widths; scoping; the cross-border check.
 */
abstract class BorderApiContract {

    static final List<Item> VILLAGES = TownDataset.read("villages");
    static final List<Item> NEIGHBOURS = readNeighbours();
    static final Geometry TOWN = TownDataset.read("town").get(0).geometry();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theTownBorderIsSplitIntoOneSegmentPerNeighbourCoveringTheWholeOutline() throws Exception {
        JsonNode segments = read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=TOWN").get("features");
        Map<String, Boolean> countyBorder = new TreeMap<>();
        double lengthM = 0;
        for (JsonNode s : segments) {
            JsonNode p = s.get("properties");
            countyBorder.put(p.get("neighbourName").asString(), p.get("countyBorder").asBoolean());
            Geometry line = geometry(s.get("geometry"));
            lengthM += MetricProjection.toMetric(line).getLength();
            assertThat(p.get("zoneWidthM").asInt()).isBetween(50, 5000);
        }
        Map<String, Boolean> expected = new TreeMap<>();
        for (Item n : NEIGHBOURS) {
            if (n.geometry().intersection(TOWN).getDimension() == 1) {
                expected.put(n.properties().get("name").asString(), n.properties().get("countyBorder").asBoolean());
            }
        }
        assertThat(countyBorder).isEqualTo(expected);
        assertThat(countyBorder).containsValue(true);
        double perimeterM = MetricProjection.toMetric(TOWN).getBoundary().getLength();
        assertThat(lengthM).isCloseTo(perimeterM, offset(1.0));
    }

    @Test
    void villageBoundariesAreDerivedForEveryPairOfVillagesSharingAnEdge() throws Exception {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < VILLAGES.size(); i++) {
            for (int j = i + 1; j < VILLAGES.size(); j++) {
                Geometry shared = VILLAGES.get(i).geometry().getBoundary()
                        .intersection(VILLAGES.get(j).geometry().getBoundary());
                if (shared.getLength() > 0) {
                    expected.add(VILLAGES.get(i).code() + "|" + VILLAGES.get(j).code());
                }
            }
        }
        Set<String> actual = new HashSet<>();
        for (JsonNode s : read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=VILLAGE").get("features")) {
            List<String> codes = new ArrayList<>();
            s.get("properties").get("villageCodes").forEach(c -> codes.add(c.asString()));
            assertThat(codes).hasSize(2);
            actual.add(String.join("|", codes.stream().sorted().toList()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void eachZoneHoldsItsLineAndReachesItsWidthAndNoFarther() throws Exception {
        JsonNode zones = read(DemoUsers.TOWN_OFFICE, "/api/border-zones?kind=TOWN").get("features");
        JsonNode lines = read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=TOWN").get("features");
        for (int i = 0; i < zones.size(); i++) {
            Geometry zone = MetricProjection.toMetric(geometry(zones.get(i).get("geometry")));
            Geometry line = MetricProjection.toMetric(geometry(lines.get(i).get("geometry")));
            int width = zones.get(i).get("properties").get("zoneWidthM").asInt();
            assertThat(zone.buffer(0.5).covers(line)).isTrue();
            // the zone's outline is the width away from the line, everywhere (arcs are chords: up to 2 % nearer)
            assertThat(line.distance(zone.getBoundary())).isBetween(width * 0.98, width + 0.5);
            for (org.locationtech.jts.geom.Coordinate c : zone.getCoordinates()) {
                assertThat(line.distance(zone.getFactory().createPoint(c))).isBetween(width * 0.98, width + 0.5);
            }
        }
    }

    @Test
    void theTownOfficeChangesAZonesWidthAndOthersMayNot() throws Exception {
        long id = read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=VILLAGE").get("features").get(0).get("id")
                .asLong();
        assertThat(width(DemoUsers.TOWN_OFFICE, id, "{\"sensitive\":true}").getStatus()).isEqualTo(200);
        JsonNode segment = zone(id);
        int before = segment.get("properties").get("zoneWidthM").asInt();
        double areaBefore = MetricProjection.toMetric(geometry(segment.get("geometry"))).getArea();

        assertThat(width(DemoUsers.VILLAGE_CADRE, id, "{\"zoneWidthM\":200}").getStatus()).isEqualTo(403);
        MockHttpServletResponse bad = width(DemoUsers.TOWN_OFFICE, id, "{\"zoneWidthM\":10}");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json.readTree(bad.getContentAsByteArray()).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("zoneWidthM");
        assertThat(width(DemoUsers.TOWN_OFFICE, 999_999, "{\"zoneWidthM\":200}").getStatus()).isEqualTo(404);

        MockHttpServletResponse ok = width(DemoUsers.TOWN_OFFICE, id, "{\"zoneWidthM\":" + (before / 2) + "}");
        assertThat(ok.getStatus()).isEqualTo(200);
        JsonNode after = zone(id);
        assertThat(after.get("properties").get("zoneWidthM").asInt()).isEqualTo(before / 2);
        assertThat(MetricProjection.toMetric(geometry(after.get("geometry"))).getArea()).isLessThan(areaBefore);
        width(DemoUsers.TOWN_OFFICE, id, "{\"zoneWidthM\":" + before + "}");
        assertThat(zone(id).get("properties").get("zoneWidthM").asInt()).isEqualTo(before);
    }

    @Test
    void aVillageCadreSeesTheBordersOfTheirVillageOnly() throws Exception {
        String own = users.loadUserByUsername(DemoUsers.VILLAGE_CADRE).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith("AREA_VILLAGE_"))
                .map(a -> a.substring("AREA_VILLAGE_".length())).findFirst().orElseThrow();
        JsonNode all = read(DemoUsers.TOWN_OFFICE, "/api/border-segments").get("features");
        JsonNode mine = read(DemoUsers.VILLAGE_CADRE, "/api/border-segments").get("features");
        int expected = 0;
        for (JsonNode s : all) {
            List<String> codes = new ArrayList<>();
            s.get("properties").get("villageCodes").forEach(c -> codes.add(c.asString()));
            expected += codes.contains(own) ? 1 : 0;
        }
        assertThat(mine.size()).isEqualTo(expected).isGreaterThan(0).isLessThan(all.size());
        mine.forEach(s -> assertThat(s.get("properties").get("villageCodes").toString()).contains(own));
        assertThat(read(DemoUsers.MEDIATOR, "/api/border-zones").get("features").size()).isZero();
    }

    @Test
    void aPointNearAVillageBoundaryIsCrossBorderForBothVillages() throws Exception {
        JsonNode segment = read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=VILLAGE").get("features").get(3);
        markSensitive(segment.get("id").asLong(), true);
        Geometry line = geometry(segment.get("geometry"));
        Point onLine = Wgs84.FACTORY.createPoint(middle(line));
        JsonNode answer = read(DemoUsers.TOWN_OFFICE, "/api/border-check?lng=" + onLine.getX() + "&lat=" + onLine.getY());
        assertThat(answer.get("crossBorder").asBoolean()).isTrue();
        List<String> villages = new ArrayList<>();
        answer.get("villages").forEach(v -> villages.add(v.get("code").asString()));
        List<String> pair = new ArrayList<>();
        segment.get("properties").get("villageCodes").forEach(c -> pair.add(c.asString()));
        assertThat(villages).containsAll(pair);
    }

    @Test
    void aPointNearACountyBorderNamesTheNeighbouringJurisdiction() throws Exception {
        JsonNode county = null;
        for (JsonNode s : read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=TOWN").get("features")) {
            if (s.get("properties").get("countyBorder").asBoolean()) {
                county = s;
            }
        }
        assertThat(county).isNotNull();
        Geometry line = geometry(county.get("geometry"));
        // a point 100 m inside the town from the middle of the county border
        Geometry metricLine = MetricProjection.toMetric(line);
        Geometry inner = MetricProjection.toMetric(TOWN).buffer(-100).getBoundary();
        Point near = (Point) MetricProjection.toLngLat(metricLine.getFactory().createPoint(
                org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(inner,
                        metricLine.getFactory().createPoint(middle(metricLine)))[0]));
        JsonNode answer = read(DemoUsers.TOWN_OFFICE, "/api/border-check?lng=" + near.getX() + "&lat=" + near.getY());
        assertThat(answer.get("crossBorder").asBoolean()).isTrue();
        String p = county.get("properties").get("neighbourCounty").asString()
                + county.get("properties").get("neighbourName").asString();
        assertThat(answer.get("neighbours").toString()).contains(p);
    }

    @Test
    void theCrossBorderCheckAgreesWithTheDistanceToEverySegment() throws Exception {
        JsonNode segments = read(DemoUsers.TOWN_OFFICE, "/api/border-segments").get("features");
        for (Item village : VILLAGES.subList(0, 4)) {
            Point p = village.geometry().getInteriorPoint();
            boolean near = false;
            for (JsonNode s : segments) {
                if (!s.get("properties").get("sensitive").asBoolean()) {
                    continue; // an unmarked village boundary has no zone that counts
                }
                double d = MetricProjection.distanceMeters(geometry(s.get("geometry")), p);
                near |= d < s.get("properties").get("zoneWidthM").asInt() - 1;
            }
            JsonNode answer = read(DemoUsers.TOWN_OFFICE, "/api/border-check?lng=" + p.getX() + "&lat=" + p.getY());
            if (near) {
                assertThat(answer.get("crossBorder").asBoolean()).as(village.code()).isTrue();
            } else {
                assertThat(answer.get("crossBorder").asBoolean()).as(village.code()).isFalse();
            }
        }
        assertThat(mvc.perform(get("/api/border-check?lng=113.5&lat=28.4").with(DemoUsers.as(users,
                DemoUsers.TOWN_OFFICE))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aDisputeOnAVillageBoundaryIsListedForBothVillagesAndCountedInItsZone() throws Exception {
        JsonNode segment = read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=VILLAGE").get("features").get(5);
        long segmentId = segment.get("id").asLong();
        markSensitive(segmentId, true);
        List<String> pair = new ArrayList<>();
        segment.get("properties").get("villageCodes").forEach(c -> pair.add(c.asString()));
        Point onLine = Wgs84.FACTORY.createPoint(middle(geometry(segment.get("geometry"))));
        String period = "from=2021-06-01&to=2021-06-30";
        int before = zoneCount(segmentId, period);
        long id = dispute(onLine, "2021-06-15");
        assertThat(zoneCount(segmentId, period)).isEqualTo(before + 1);
        assertThat(zoneCount(segmentId, "from=2021-07-01&to=2021-07-31")).isZero();
        for (String village : pair) {
            JsonNode listed = find(read(DemoUsers.TOWN_OFFICE, "/api/cross-border-disputes?village=" + village + "&"
                    + period), id);
            assertThat(listed).as(village).isNotNull();
            assertThat(listed.get("crossBorder").asBoolean()).isTrue();
            List<String> concerned = new ArrayList<>();
            listed.get("villages").forEach(v -> concerned.add(v.get("code").asString()));
            assertThat(concerned).containsAll(pair);
        }
    }

    @Test
    void aDisputeNearTheCountyBorderNamesTheNeighbouringCountyAndTown() throws Exception {
        JsonNode county = null;
        for (JsonNode s : read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=TOWN").get("features")) {
            if (s.get("properties").get("countyBorder").asBoolean()) {
                county = s;
            }
        }
        Geometry metricLine = MetricProjection.toMetric(geometry(county.get("geometry")));
        Geometry inner = MetricProjection.toMetric(TOWN).buffer(-150).getBoundary();
        Point near = (Point) MetricProjection.toLngLat(metricLine.getFactory().createPoint(
                org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(inner,
                        metricLine.getFactory().createPoint(middle(metricLine)))[0]));
        long id = dispute(near, "2021-08-10");
        JsonNode listed = find(read(DemoUsers.TOWN_OFFICE, "/api/cross-border-disputes?from=2021-08-01&to=2021-08-31"),
                id);
        assertThat(listed).isNotNull();
        assertThat(listed.get("neighbours").toString()).contains(county.get("properties").get("neighbourCounty")
                .asString() + county.get("properties").get("neighbourName").asString());
        // the mediator's area holds no disputes: nothing is listed or counted for them
        assertThat(read(DemoUsers.MEDIATOR, "/api/cross-border-disputes?from=2021-08-01&to=2021-08-31").size()).isZero();
    }

    @Test
    void theTownBorderIsSensitiveAndAVillageBoundaryOnlyWhereTheTownOfficeMarksIt() throws Exception {
        for (JsonNode s : read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=TOWN").get("features")) {
            assertThat(s.get("properties").get("sensitive").asBoolean()).isTrue();
            assertThat(s.get("properties").get("zoneWidthM").asInt()).isEqualTo(500);
        }
        JsonNode villageSegments = read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=VILLAGE").get("features");
        for (JsonNode s : villageSegments) {
            if (!s.get("properties").get("sensitive").asBoolean()) {
                assertThat(s.get("properties").get("zoneWidthM").asInt()).isEqualTo(100); // the narrower default
            }
        }
        // an unmarked village boundary: no zone is listed for it and a point on it is not in its zone
        JsonNode segment = villageSegments.get(7);
        long id = segment.get("id").asLong();
        markSensitive(id, false);
        Point onLine = Wgs84.FACTORY.createPoint(middle(geometry(segment.get("geometry"))));
        JsonNode answer = read(DemoUsers.TOWN_OFFICE, "/api/border-check?lng=" + onLine.getX() + "&lat="
                + onLine.getY());
        assertThat(answer.get("segments").toString()).doesNotContain(String.valueOf(id));
        assertThat(ids(read(DemoUsers.TOWN_OFFICE, "/api/border-zones"))).doesNotContain(id);
        // marked: listed, and the point is in it, for both villages
        markSensitive(id, true);
        answer = read(DemoUsers.TOWN_OFFICE, "/api/border-check?lng=" + onLine.getX() + "&lat=" + onLine.getY());
        assertThat(answer.get("crossBorder").asBoolean()).isTrue();
        assertThat(ids(answer.get("segments"))).contains(id);
        assertThat(ids(read(DemoUsers.TOWN_OFFICE, "/api/border-zones"))).contains(id);
        markSensitive(id, false);
        // the town border cannot be unmarked
        long town = read(DemoUsers.TOWN_OFFICE, "/api/border-segments?kind=TOWN").get("features").get(0).get("id")
                .asLong();
        MockHttpServletResponse refused = width(DemoUsers.TOWN_OFFICE, town, "{\"sensitive\":false}");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(json.readTree(refused.getContentAsByteArray()).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("sensitive");
    }

    static List<Long> ids(JsonNode featuresOrIds) {
        List<Long> ids = new ArrayList<>();
        JsonNode list = featuresOrIds.has("features") ? featuresOrIds.get("features") : featuresOrIds;
        list.forEach(n -> ids.add(n.isNumber() ? n.asLong() : n.get("id").asLong()));
        return ids;
    }

    void markSensitive(long id, boolean sensitive) throws Exception {
        MockHttpServletResponse response = width(DemoUsers.TOWN_OFFICE, id, "{\"sensitive\":" + sensitive + "}");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }

    // --- helpers

    int zoneCount(long id, String period) throws Exception {
        for (JsonNode z : read(DemoUsers.TOWN_OFFICE, "/api/border-zones?kind=VILLAGE&" + period).get("features")) {
            if (z.get("id").asLong() == id) {
                return z.get("properties").get("disputeCount").asInt();
            }
        }
        throw new AssertionError("no zone " + id);
    }

    static JsonNode find(JsonNode list, long disputeId) {
        for (JsonNode row : list) {
            if (row.get("id").asLong() == disputeId) {
                return row;
            }
        }
        return null;
    }

    /** Registers a dispute through the dispute module's API; its id. */
    long dispute(Point p, String occurredOn) throws Exception {
        String body = "{\"lng\":" + p.getX() + ",\"lat\":" + p.getY() + ",\"type\":\"MARRIAGE_FAMILY\","
                + "\"severity\":\"ORDINARY\",\"source\":\"SWEEP\",\"sweptOn\":\"" + occurredOn + "\",\"occurredOn\":\""
                + occurredOn + "\",\"situation\":\"测试纠纷：两村因山林边界发生争执\",\"peopleInvolved\":2,"
                + "\"parties\":[{\"name\":\"张三丰\",\"phone\":\"13812345678\"}]}";
        MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.post("/api/disputes").with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsByteArray()).get("id").asLong();
    }

    JsonNode zone(long id) throws Exception {
        for (JsonNode z : read(DemoUsers.TOWN_OFFICE, "/api/border-zones").get("features")) {
            if (z.get("id").asLong() == id) {
                return z;
            }
        }
        throw new AssertionError("no zone " + id);
    }

    MockHttpServletResponse width(String user, long id, String body) throws Exception {
        return mvc.perform(patch("/api/border-segments/" + id).with(DemoUsers.as(users, user))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
    }

    JsonNode read(String user, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsByteArray());
    }

    static Geometry geometry(JsonNode geoJson) throws Exception {
        Geometry g = new GeoJsonReader(Wgs84.FACTORY).read(geoJson.toString());
        g.setSRID(Wgs84.SRID);
        return g;
    }

    /** The middle vertex of the first line of a MultiLineString. */
    static org.locationtech.jts.geom.Coordinate middle(Geometry lines) {
        org.locationtech.jts.geom.LineString first = (org.locationtech.jts.geom.LineString) lines.getGeometryN(0);
        return first.getCoordinateN(first.getNumPoints() / 2);
    }

    static List<Item> readNeighbours() {
        return TownDataset.read("neighbours");
    }
}
