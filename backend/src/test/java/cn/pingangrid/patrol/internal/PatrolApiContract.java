package cn.pingangrid.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jenetics.jpx.GPX;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Patrol plans through the API on both databases: who may plan and read what, the plan's promises, GPX, audit. */
abstract class PatrolApiContract {

    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate DAY = LocalDate.now().plusDays(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    String ownGrid;
    String ownVillage;
    String foreignVillage;
    String foreignGrid;

    @BeforeEach
    void areas() {
        ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        ownVillage = ownGrid.substring(0, 12);
        foreignGrid = GRIDS.stream().map(Item::code).filter(c -> !c.startsWith(ownVillage))
                .filter(c -> BUILDINGS.stream().anyMatch(b -> b.code().startsWith(c))).findFirst().orElseThrow();
        foreignVillage = foreignGrid.substring(0, 12);
    }

    static Point pointIn(String grid, int k) {
        List<Item> inGrid = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).toList();
        return inGrid.get(k % inGrid.size()).geometry().getInteriorPoint();
    }

    long sensitiveDispute(String grid, int k) throws Exception {
        Point p = pointIn(grid, k);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lng", p.getX());
        body.put("lat", p.getY());
        body.put("type", "NEIGHBOURS");
        body.put("severity", "ORDINARY");
        body.put("source", "SWEEP");
        body.put("sensitive", true);
        body.put("situation", "巡逻测试：两户因宅基地边界争执");
        body.put("parties", List.of(Map.of("name", "张三丰", "phone", "13812345678")));
        MockHttpServletResponse r = postJson(DemoUsers.TOWN_OFFICE, "/api/disputes", body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return JSON.readTree(r.getContentAsString()).get("id").asLong();
    }

    long siteDue(String grid, int k, LocalDate due) throws Exception {
        Point p = pointIn(grid, k);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "ENTERPRISE");
        body.put("name", "巡逻测试企业" + k);
        body.put("status", "NOT_MET");
        body.put("geometry", Map.of("type", "Point", "coordinates", List.of(p.getX(), p.getY())));
        body.put("nextInspectionDue", due.toString());
        MockHttpServletResponse r = postJson(DemoUsers.TOWN_OFFICE, "/api/sites", body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return JSON.readTree(r.getContentAsString()).get("id").asLong();
    }

    static Map<String, Object> shift(String village, int minutes, String mode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", DAY.toString());
        body.put("start", "08:00");
        body.put("lengthMinutes", minutes);
        body.put("mode", mode);
        if (village != null) {
            body.put("village", village);
        }
        return body;
    }

    /**
     * Other tests sharing this database leave sensitive disputes and due sites in the same village; a shift has
     * room for only some stops, so whether ours are chosen would depend on test order. Take the others out of the
     * running (directly in the tables: this is test isolation, not behaviour under test).
     */
    private void onlyTheseCompete(long dispute, long site) {
        jdbc.update("update dispute set sensitive = false, overdue = false where village_code = ? and id <> ?",
                ownVillage, dispute);
        jdbc.update("update safety_site set next_inspection_due = ? where village_code = ? and id <> ?",
                java.sql.Date.valueOf("2100-01-01"), ownVillage, site);
    }

    @Test
    void theOfficerPlansTheirVillagesShiftWithinTheShiftAndBackToBase() throws Exception {
        long dispute = sensitiveDispute(ownGrid, 3);
        long site = siteDue(ownGrid, 5, DAY);
        long foreignDispute = sensitiveDispute(foreignGrid, 1);
        onlyTheseCompete(dispute, site);

        MockHttpServletResponse r = postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", shift(null, 240, "EBIKE"));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode plan = JSON.readTree(r.getContentAsString());
        assertThat(plan.get("villageCode").asString()).isEqualTo(ownVillage);
        List<String> keys = new ArrayList<>();
        plan.get("stops").forEach(s -> keys.add(s.get("key").asString()));
        assertThat(keys).contains("DISPUTE-" + dispute, "SITE-" + site).doesNotContain("DISPUTE-" + foreignDispute);

        LocalDateTime start = LocalDateTime.parse(plan.get("start").asString());
        LocalDateTime end = LocalDateTime.parse(plan.get("end").asString());
        assertThat(Duration.between(start, end).toMinutes()).isEqualTo(240);
        LocalDateTime previous = LocalDateTime.parse(plan.get("departAt").asString());
        assertThat(previous).isAfterOrEqualTo(start);
        int order = 1;
        for (JsonNode s : plan.get("stops")) {
            assertThat(s.get("order").asInt()).isEqualTo(order++);
            LocalDateTime arrive = LocalDateTime.parse(s.get("arrive").asString());
            LocalDateTime leave = LocalDateTime.parse(s.get("leave").asString());
            assertThat(arrive).isAfterOrEqualTo(previous);
            assertThat(Duration.between(arrive, leave).toMinutes()).isGreaterThanOrEqualTo(15);
            previous = leave;
        }
        assertThat(LocalDateTime.parse(plan.get("returnAt").asString())).isAfterOrEqualTo(previous)
                .isBeforeOrEqualTo(end);
        // the route starts and ends at the base: one leg more than stops, the last one back home
        JsonNode legs = plan.get("legs");
        assertThat(legs.size()).isEqualTo(plan.get("stops").size() + 1);
        JsonNode lastLeg = legs.get(legs.size() - 1);
        Point base = Wgs84.point(plan.get("base").get(0).asDouble(), plan.get("base").get(1).asDouble());
        Point home = Wgs84.point(lastLeg.get(lastLeg.size() - 1).get(0).asDouble(),
                lastLeg.get(lastLeg.size() - 1).get(1).asDouble());
        assertThat(cn.pingangrid.geo.MetricProjection.distanceMeters(base, home)).isLessThan(1000);

        // what to check at the dispute: parties masked
        JsonNode disputeStop = null;
        for (JsonNode s : plan.get("stops")) {
            if (s.get("key").asString().equals("DISPUTE-" + dispute)) {
                disputeStop = s;
            }
        }
        String checks = disputeStop.get("checks").toString();
        assertThat(checks).contains("张**", "138****5678").doesNotContain("张三丰", "13812345678");

        // the same shift with the same seed is the same plan; the read answers what was planned
        Map<String, Object> again = shift(null, 240, "EBIKE");
        again.put("seed", plan.get("seed").asLong());
        JsonNode replanned = JSON.readTree(postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", again)
                .getContentAsString());
        assertThat(replanned.get("stops").toString()).isEqualTo(plan.get("stops").toString());
        JsonNode read = JSON.readTree(get(DemoUsers.AUX_POLICE, "/api/patrol/plans/" + plan.get("id").asLong())
                .getContentAsString());
        assertThat(read.get("stops").toString()).isEqualTo(plan.get("stops").toString());
    }

    @Test
    void whoMayPlanAndWhoSeesWhichPlan() throws Exception {
        // role × own/foreign: the officer only for their village; the town office anywhere; others not at all
        assertThat(postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", shift(foreignVillage, 120, "WALK"))
                .getStatus()).isEqualTo(403);
        assertThat(postJson(DemoUsers.GRID_MANAGER, "/api/patrol/plans", shift(ownVillage, 120, "WALK"))
                .getStatus()).isEqualTo(403);
        assertThat(postJson(DemoUsers.VILLAGE_CADRE, "/api/patrol/plans", shift(ownVillage, 120, "WALK"))
                .getStatus()).isEqualTo(403);
        assertThat(postJson(DemoUsers.AUX_POLICE, "/api/patrol/town-plans", shift(null, 120, "WALK"))
                .getStatus()).isEqualTo(403);

        MockHttpServletResponse foreign = postJson(DemoUsers.TOWN_OFFICE, "/api/patrol/plans",
                shift(foreignVillage, 180, "CAR"));
        assertThat(foreign.getStatus()).as(foreign.getContentAsString()).isEqualTo(201);
        long foreignId = JSON.readTree(foreign.getContentAsString()).get("id").asLong();
        MockHttpServletResponse own = postJson(DemoUsers.TOWN_OFFICE, "/api/patrol/plans",
                shift(ownVillage, 180, "WALK"));
        JsonNode ownPlan = JSON.readTree(own.getContentAsString());
        long ownId = ownPlan.get("id").asLong();

        assertThat(get(DemoUsers.AUX_POLICE, "/api/patrol/plans/" + ownId).getStatus()).isEqualTo(200);
        assertThat(get(DemoUsers.AUX_POLICE, "/api/patrol/plans/" + foreignId).getStatus()).isEqualTo(404);
        assertThat(get(DemoUsers.AUX_POLICE, "/api/patrol/plans/" + foreignId + "/gpx").getStatus()).isEqualTo(404);
        assertThat(get(DemoUsers.VILLAGE_CADRE, "/api/patrol/plans/" + ownId).getStatus()).isEqualTo(200);
        assertThat(get(DemoUsers.MEDIATOR, "/api/patrol/plans/" + ownId).getStatus()).isEqualTo(404);
        assertThat(get(DemoUsers.LEADER, "/api/patrol/plans/" + foreignId).getStatus()).isEqualTo(200);
        assertThat(ids(get(DemoUsers.AUX_POLICE, "/api/patrol/plans"))).contains(ownId).doesNotContain(foreignId);

        // a grid manager sees a plan of their grid's village exactly when its route passes through their grid
        // (worked out here with JTS, over every plan the town office lists); another village's plan never, even if
        // its route crosses the grid: its stops are that village's records
        Geometry grid = GRIDS.stream().filter(g -> g.code().equals(ownGrid)).findFirst().orElseThrow().geometry();
        List<Long> seen = ids(get(DemoUsers.GRID_MANAGER, "/api/patrol/plans"));
        assertThat(seen.contains(ownId)).isEqualTo(routeOf(ownPlan).intersects(grid));
        assertThat(seen).doesNotContain(foreignId);
        List<Long> expected = new ArrayList<>();
        for (JsonNode p : JSON.readTree(get(DemoUsers.TOWN_OFFICE, "/api/patrol/plans").getContentAsString())) {
            if (p.get("villageCode").asString().equals(ownVillage) && routeOf(p).intersects(grid)) {
                expected.add(p.get("id").asLong());
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        for (long id : seen) {
            assertThat(get(DemoUsers.GRID_MANAGER, "/api/patrol/plans/" + id).getStatus()).isEqualTo(200);
        }
        if (!seen.contains(ownId)) {
            assertThat(get(DemoUsers.GRID_MANAGER, "/api/patrol/plans/" + ownId).getStatus()).isEqualTo(404);
        }
        assertThat(get(DemoUsers.GRID_MANAGER, "/api/patrol/plans/" + foreignId).getStatus()).isEqualTo(404);
    }

    @Test
    void theTownPlanPutsEveryOfficerOnTheRoadAndNeverDoubleBooksAStop() throws Exception {
        MockHttpServletResponse r = postJson(DemoUsers.TOWN_OFFICE, "/api/patrol/town-plans",
                shift(null, 240, "EBIKE"));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        JsonNode town = JSON.readTree(r.getContentAsString());
        assertThat(town.get("plans").size()).isEqualTo(17);
        Map<String, List<LocalDateTime>> visits = new HashMap<>();
        for (JsonNode plan : town.get("plans")) {
            String village = plan.get("villageCode").asString();
            for (JsonNode s : plan.get("stops")) {
                List<String> owners = new ArrayList<>();
                s.get("villageCodes").forEach(v -> owners.add(v.asString()));
                assertThat(owners).as("stop %s of %s", s.get("key"), village).contains(village);
                LocalDateTime at = LocalDateTime.parse(s.get("arrive").asString());
                for (LocalDateTime other : visits.getOrDefault(s.get("key").asString(), List.of())) {
                    assertThat(Duration.between(other, at).abs()).as(s.get("key").asString())
                            .isGreaterThanOrEqualTo(Duration.ofHours(1));
                }
                visits.computeIfAbsent(s.get("key").asString(), k -> new ArrayList<>()).add(at);
            }
            assertThat(LocalDateTime.parse(plan.get("returnAt").asString()))
                    .isBeforeOrEqualTo(LocalDateTime.parse(plan.get("end").asString()));
        }
    }

    @Test
    void theGpxOpensWithTheStopsAsWaypointsAndTheRoadPathAsATrack() throws Exception {
        sensitiveDispute(ownGrid, 7);
        JsonNode plan = JSON.readTree(postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", shift(null, 180, "WALK"))
                .getContentAsString());
        MockHttpServletResponse r = get(DemoUsers.AUX_POLICE, "/api/patrol/plans/" + plan.get("id").asLong() + "/gpx");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("Content-Disposition")).contains("attachment", ".gpx");
        GPX gpx = GPX.Reader.DEFAULT.read(new ByteArrayInputStream(r.getContentAsByteArray()));
        assertThat(gpx.getWayPoints()).hasSize(plan.get("stops").size());
        assertThat(gpx.getRoutes().get(0).getPoints()).hasSize(plan.get("stops").size() + 2);
        assertThat(gpx.getWayPoints().get(0).getName().orElseThrow()).startsWith("1 ");
        assertThat(gpx.getTracks().get(0).getSegments().get(0).getPoints()).isNotEmpty();
    }

    @Test
    void aBadShiftIsA400NamingTheFieldAndEveryPlanIsAudited() throws Exception {
        MockHttpServletResponse fly = postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", shift(null, 120, "FLY"));
        assertThat(fly.getStatus()).isEqualTo(400);
        assertThat(fly.getContentAsString()).contains("\"name\":\"mode\"");
        MockHttpServletResponse tooShort = postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", shift(null, 5, "WALK"));
        assertThat(tooShort.getStatus()).isEqualTo(400);
        assertThat(tooShort.getContentAsString()).contains("lengthMinutes");

        long id = JSON.readTree(postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", shift(null, 60, "WALK"))
                .getContentAsString()).get("id").asLong();
        JsonNode audit = JSON.readTree(get(DemoUsers.ADMIN, "/api/admin/audit?username=fujing&limit=50")
                .getContentAsString());
        boolean found = false;
        for (JsonNode entry : audit) {
            found |= "PATROL_PLAN".equals(entry.path("action").asString())
                    && String.valueOf(id).equals(entry.path("objectId").asString());
        }
        assertThat(found).as(audit.toString()).isTrue();
    }

    @Test
    void aWalkedTrackIsCheckedStoredAndCoveredAndARefusedFileStoresNothing() throws Exception {
        sensitiveDispute(ownGrid, 11);
        JsonNode plan = JSON.readTree(postJson(DemoUsers.AUX_POLICE, "/api/patrol/plans", shift(null, 180, "WALK"))
                .getContentAsString());
        long id = plan.get("id").asLong();
        assertThat(plan.get("stops").size()).isPositive();
        JsonNode first = plan.get("stops").get(0);
        // the officer stood 6 minutes at the first stop, yesterday (an upload cannot be in the future)
        java.time.Instant t0 = java.time.Instant.now().minus(Duration.ofDays(1));
        List<io.jenetics.jpx.WayPoint> points = new ArrayList<>();
        TrackCoverageTests.stay(points, first.get("lng").asDouble(), first.get("lat").asDouble(), t0, 6, 10,
                new java.util.Random(5));

        MockHttpServletResponse malformed = upload(DemoUsers.AUX_POLICE, id, "<gpx><trk>".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.getContentAsString()).get("fault").asString()).isEqualTo("MALFORMED");
        List<io.jenetics.jpx.WayPoint> future = new ArrayList<>();
        TrackCoverageTests.stay(future, first.get("lng").asDouble(), first.get("lat").asDouble(),
                java.time.Instant.now().plus(Duration.ofHours(3)), 2, 0, new java.util.Random(6));
        MockHttpServletResponse inFuture = upload(DemoUsers.AUX_POLICE, id, TrackCoverageTests.gpx(future));
        assertThat(inFuture.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(inFuture.getContentAsString()).get("fault").asString()).isEqualTo("FUTURE");
        assertThat(JSON.readTree(get(DemoUsers.AUX_POLICE, "/api/patrol/plans/" + id + "/tracks")
                .getContentAsString()).size()).isZero();

        MockHttpServletResponse ok = upload(DemoUsers.AUX_POLICE, id, TrackCoverageTests.gpx(points));
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(201);
        JsonNode coverage = JSON.readTree(ok.getContentAsString()).get("coverage");
        assertThat(coverage.get("stops").get(0).get("visited").asBoolean()).isTrue();
        assertThat(coverage.get("visited").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(JSON.readTree(get(DemoUsers.AUX_POLICE, "/api/patrol/plans/" + id + "/tracks")
                .getContentAsString()).size()).isEqualTo(1);

        // a foreign village's plan: not the officer's to upload to (not even visible)
        long foreign = JSON.readTree(postJson(DemoUsers.TOWN_OFFICE, "/api/patrol/plans",
                shift(foreignVillage, 120, "CAR")).getContentAsString()).get("id").asLong();
        assertThat(upload(DemoUsers.AUX_POLICE, foreign, TrackCoverageTests.gpx(points)).getStatus()).isEqualTo(404);
        assertThat(upload(DemoUsers.VILLAGE_CADRE, id, TrackCoverageTests.gpx(points)).getStatus()).isEqualTo(403);

        // the town office's weekly table: every village, this track counted
        String week = LocalDate.now().minusDays(1).format(java.time.format.DateTimeFormatter.ISO_WEEK_DATE)
                .substring(0, 8);
        assertThat(get(DemoUsers.AUX_POLICE, "/api/patrol/coverage").getStatus()).isEqualTo(403);
        MockHttpServletResponse table = get(DemoUsers.TOWN_OFFICE, "/api/patrol/coverage?week=" + DAY.format(
                java.time.format.DateTimeFormatter.ISO_WEEK_DATE).substring(0, 8));
        assertThat(table.getStatus()).as(table.getContentAsString()).isEqualTo(200);
        JsonNode rows = JSON.readTree(table.getContentAsString()).get("villages");
        assertThat(rows.size()).isEqualTo(17);
        for (JsonNode row : rows) {
            if (row.get("villageCode").asString().equals(ownVillage)) {
                assertThat(row.get("tracks").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(row.get("stopsVisited").asInt()).isGreaterThanOrEqualTo(1);
            }
        }
        assertThat(week).startsWith("20");
    }

    MockHttpServletResponse upload(String user, long planId, byte[] gpx) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/patrol/plans/" + planId + "/tracks")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "track.gpx", "application/gpx+xml", gpx))
                .with(DemoUsers.as(users, user)).with(BrowserCsrf.token())).andReturn().getResponse();
    }

    static Geometry routeOf(JsonNode plan) {
        List<LineString> lines = new ArrayList<>();
        for (JsonNode leg : plan.get("legs")) {
            if (leg.size() < 2) {
                continue;
            }
            Coordinate[] c = new Coordinate[leg.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = new Coordinate(leg.get(i).get(0).asDouble(), leg.get(i).get(1).asDouble());
            }
            lines.add(Wgs84.FACTORY.createLineString(c));
        }
        return Wgs84.FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
    }

    static List<Long> ids(MockHttpServletResponse r) throws Exception {
        List<Long> ids = new ArrayList<>();
        JSON.readTree(r.getContentAsString()).forEach(p -> ids.add(p.get("id").asLong()));
        return ids;
    }

    MockHttpServletResponse postJson(String user, String url, Object body) throws Exception {
        return mvc.perform(post(url).with(DemoUsers.as(users, user)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn()
                .getResponse();
    }

    MockHttpServletResponse get(String user, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(url).with(DemoUsers.as(users, user))).andReturn().getResponse();
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return r;
    }
}
