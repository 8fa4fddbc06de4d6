package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.geo.Gcj02Transform;
import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.DemoUsers;
import tools.jackson.databind.JsonNode;
import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.dispute.DisputeLocations;

/** The register and the workflow through the API, on either database. */
abstract class DisputeApiContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Rows in the register, read directly (the repository would cut them to a scope). */
    long disputeRows() {
        return jdbc.queryForObject("select count(*) from dispute", Long.class);
    }
    @Autowired
    OverdueDisputes overdueJob;
    @Autowired
    DisputeLocations locations;

    DisputeFixtures f;

    @BeforeEach
    void fixtures() {
        f = new DisputeFixtures(mvc, users);
    }

    @Test
    void aGridManagerRegistersInTheOwnGridAndVillageAndGridAreDerivedFromThePoint() throws Exception {
        JsonNode d = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 1),
                "NEIGHBOURS", "ORDINARY"));
        assertThat(d.get("grid").get("code").asString()).isEqualTo(f.ownGrid);
        assertThat(d.get("village").get("code").asString()).isEqualTo(f.ownVillage);
        assertThat(d.get("status").get("code").asString()).isEqualTo("REGISTERED");
        assertThat(d.get("level").get("code").asString()).isEqualTo("VILLAGE");
        assertThat(d.get("type").get("label").asString()).isEqualTo("邻里");
        // the creator handles it: parties in full; the default village deadline applies
        assertThat(d.get("parties").get(0).get("name").asString()).isEqualTo("张三丰");
        assertThat(LocalDate.parse(d.get("deadline").asString())).isEqualTo(LocalDate.now().plusDays(15));
        assertThat(d.get("timeline")).hasSize(1);
        assertThat(d.get("timeline").get(0).get("action").get("code").asString()).isEqualTo("REGISTER");
    }

    @Test
    void partiesAreMaskedForReadersNotHandlingTheCase() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 2),
                "MARRIAGE_FAMILY", "ORDINARY")).get("id").asLong();
        JsonNode byLeader = DisputeFixtures.read(f.get(DemoUsers.LEADER, "/api/disputes/" + id));
        assertThat(byLeader.get("partiesMasked").asBoolean()).isTrue();
        assertThat(byLeader.get("parties").get(0).get("name").asString()).isEqualTo("张**");
        assertThat(byLeader.get("parties").get(0).get("phone").asString()).isEqualTo("138****5678");
        assertThat(byLeader.get("parties").get(1).get("name").asString()).isEqualTo("李*");
        JsonNode byPolice = DisputeFixtures.read(f.get(DemoUsers.AUX_POLICE, "/api/disputes/" + id));
        assertThat(byPolice.get("partiesMasked").asBoolean()).isTrue();
        JsonNode byOffice = DisputeFixtures.read(f.get(DemoUsers.TOWN_OFFICE, "/api/disputes/" + id));
        assertThat(byOffice.get("parties").get(1).get("phone").asString()).isEqualTo("13987654321");
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() throws Exception {
        Point own = DisputeFixtures.pointIn(f.ownGrid, 3);
        long before = disputeRows();
        Map<String, Object> unknownType = DisputeFixtures.body(own, "FEUD", "ORDINARY");
        Map<String, Object> majorWithoutDeadline = DisputeFixtures.body(own, "LAND_FOREST", "MAJOR");
        majorWithoutDeadline.put("responsibleUnit", "镇综治办");
        majorWithoutDeadline.put("responsiblePerson", "王主任");
        Map<String, Object> outsideTown = DisputeFixtures.body(Wgs84.point(112.5, 28.9), "WAGES", "ORDINARY");
        Map<String, Object> unknownCrs = DisputeFixtures.body(own, "WAGES", "ORDINARY");
        unknownCrs.put("crs", "EPSG:3857");
        Map<String, Object> foreignGrid = DisputeFixtures.body(DisputeFixtures.pointIn(f.foreignGrid, 0), "WAGES",
                "ORDINARY");
        Map<String, Object> unknownSeverity = DisputeFixtures.body(own, "WAGES", "HUGE");
        Map<String, Object> noSituation = DisputeFixtures.body(own, "WAGES", "ORDINARY");
        noSituation.remove("situation");
        Map<String, Object> badDate = DisputeFixtures.body(own, "WAGES", "ORDINARY");
        badDate.put("occurredOn", "2025-13-45");
        Map<String, Object> namelessParty = DisputeFixtures.body(own, "WAGES", "ORDINARY");
        namelessParty.put("parties", List.of(Map.of("phone", "13800000000")));
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(unknownType, "type");
        cases.put(majorWithoutDeadline, "deadline");
        cases.put(outsideTown, "location");
        cases.put(unknownCrs, "crs");
        cases.put(foreignGrid, "location");
        cases.put(unknownSeverity, "severity");
        cases.put(noSituation, "situation");
        cases.put(badDate, "occurredOn");
        cases.put(namelessParty, "parties[0].name");
        for (var c : cases.entrySet()) {
            MockHttpServletResponse r = f.postJson(DemoUsers.GRID_MANAGER, "/api/disputes", c.getKey());
            assertThat(r.getStatus()).as(c.getValue()).isEqualTo(400);
            assertThat(r.getContentType()).isEqualTo("application/problem+json");
            assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(r))).isEqualTo(c.getValue());
        }
        assertThat(disputeRows()).isEqualTo(before);
    }

    @Test
    void aMajorDisputeNeedsUnitPersonAndDeadlineAndIsHandledByTheTown() throws Exception {
        Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 4), "LAND_FOREST", "MAJOR");
        body.put("responsiblePerson", "王主任");
        body.put("deadline", LocalDate.now().plusDays(10).toString());
        MockHttpServletResponse missingUnit = f.postJson(DemoUsers.TOWN_OFFICE, "/api/disputes", body);
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(missingUnit))).isEqualTo("responsibleUnit");
        body.put("responsibleUnit", "镇综治办");
        JsonNode d = f.register(DemoUsers.TOWN_OFFICE, body);
        assertThat(d.get("level").get("code").asString()).isEqualTo("TOWN");
        assertThat(d.get("deadline").asString()).isEqualTo(LocalDate.now().plusDays(10).toString());
    }

    @Test
    void rolesThatOnlyReadCannotRegister() throws Exception {
        Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 5), "WAGES", "ORDINARY");
        assertThat(f.postJson(DemoUsers.LEADER, "/api/disputes", body).getStatus()).isEqualTo(403);
        assertThat(f.postJson(DemoUsers.MEDIATOR, "/api/disputes", body).getStatus()).isEqualTo(403);
        assertThat(f.postJson(DemoUsers.ADMIN, "/api/disputes", body).getStatus()).isEqualTo(403);
    }

    @Test
    void gcj02CoordinatesAreConvertedBeforeStoring() throws Exception {
        Point wgs = DisputeFixtures.pointIn(f.ownGrid, 6);
        double[] gcj = Gcj02Transform.toGcj02(wgs.getX(), wgs.getY());
        Map<String, Object> body = DisputeFixtures.body(Wgs84.point(gcj[0], gcj[1]), "WAGES", "ORDINARY");
        body.put("crs", "GCJ02");
        JsonNode d = f.register(DemoUsers.GRID_MANAGER, body);
        Point stored = Wgs84.point(d.get("lng").asDouble(), d.get("lat").asDouble());
        assertThat(MetricProjection.toMetric(stored).distance(MetricProjection.toMetric(wgs))).isLessThan(1.0);
    }

    @Test
    void theWholeWorkflowIsRecordedOnTheTimeline() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 7),
                "NEIGHBOURS", "ORDINARY")).get("id").asLong();
        f.act(DemoUsers.VILLAGE_CADRE, id, "ACCEPT", Map.of("note", "村调委会受理"));
        f.act(DemoUsers.VILLAGE_CADRE, id, "START_MEDIATION", Map.of());
        JsonNode resolved = f.act(DemoUsers.VILLAGE_CADRE, id, "RESOLVE", Map.of("note", "双方签订调解协议"));
        assertThat(resolved.get("resolvedOn").asString()).isEqualTo(LocalDate.now().toString());
        f.act(DemoUsers.VILLAGE_CADRE, id, "CLOSE", Map.of());
        JsonNode visited = f.act(DemoUsers.GRID_MANAGER, id, "FOLLOW_UP_VISIT", Map.of("note", "回访无反复"));
        assertThat(visited.get("status").get("code").asString()).isEqualTo("FOLLOWED_UP");
        List<String> actions = new ArrayList<>();
        visited.get("timeline").forEach(e -> actions.add(e.get("action").get("code").asString()));
        assertThat(actions).containsExactly("REGISTER", "ACCEPT", "START_MEDIATION", "RESOLVE", "CLOSE",
                "FOLLOW_UP_VISIT");
        assertThat(visited.get("timeline").get(1).get("actor").asString()).isEqualTo(DemoUsers.VILLAGE_CADRE);
        assertThat(visited.get("timeline").get(1).get("note").asString()).isEqualTo("村调委会受理");
    }

    @Test
    void anIllegalTransitionIsA409NamingStatusAndActionAndChangesNothing() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 8),
                "NEIGHBOURS", "ORDINARY")).get("id").asLong();
        MockHttpServletResponse r = f.postJson(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + id + "/transitions",
                Map.of("action", "CLOSE"));
        assertThat(r.getStatus()).isEqualTo(409);
        JsonNode problem = DisputeFixtures.read(r);
        assertThat(problem.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(problem.get("action").asString()).isEqualTo("CLOSE");
        assertThat(problem.get("detail").asString()).contains("登记").contains("办结");
        MockHttpServletResponse unknown = f.postJson(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + id + "/transitions",
                Map.of("action", "DANCE"));
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(unknown))).isEqualTo("action");
        JsonNode after = DisputeFixtures.read(f.get(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + id));
        assertThat(after.get("status").get("code").asString()).isEqualTo("REGISTERED");
        assertThat(after.get("timeline")).hasSize(1);
        // the leader only reads
        assertThat(f.postJson(DemoUsers.LEADER, "/api/disputes/" + id + "/transitions", Map.of("action", "ACCEPT"))
                .getStatus()).isEqualTo(403);
    }

    @Test
    void escalationAndReferralRaiseTheLevelAndAMediatorSeesOnlyWhatIsReferredToTheUnit() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 9),
                "WAGES", "SERIOUS")).get("id").asLong();
        assertThat(f.get(DemoUsers.MEDIATOR, "/api/disputes/" + id).getStatus()).isEqualTo(404);
        JsonNode escalated = f.act(DemoUsers.VILLAGE_CADRE, id, "ESCALATE_TO_TOWN", Map.of("note", "村级调解未果"));
        assertThat(escalated.get("level").get("code").asString()).isEqualTo("TOWN");
        MockHttpServletResponse again = f.postJson(DemoUsers.TOWN_OFFICE, "/api/disputes/" + id + "/transitions",
                Map.of("action", "ESCALATE_TO_TOWN"));
        assertThat(again.getStatus()).isEqualTo(409);
        JsonNode referred = f.act(DemoUsers.TOWN_OFFICE, id, "REFER",
                Map.of("channel", "JUSTICE_OFFICE", "unit", "大栗港司法所"));
        assertThat(referred.get("referral").get("unit").asString()).isEqualTo("大栗港司法所");
        JsonNode byMediator = DisputeFixtures.read(f.get(DemoUsers.MEDIATOR, "/api/disputes/" + id));
        assertThat(byMediator.get("partiesMasked").asBoolean()).isFalse();
        assertThat(ids(f.get(DemoUsers.MEDIATOR, "/api/disputes"))).contains(id);
        JsonNode resolved = f.act(DemoUsers.MEDIATOR, id, "RESOLVE", Map.of("note", "司法所调解成功"));
        assertThat(resolved.get("status").get("code").asString()).isEqualTo("RESOLVED");
        long other = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 10),
                "WAGES", "ORDINARY")).get("id").asLong();
        assertThat(ids(f.get(DemoUsers.MEDIATOR, "/api/disputes"))).doesNotContain(other);
    }

    @Test
    void aGridManagerSeesOnlyTheOwnGridsDisputes() throws Exception {
        long own = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 11),
                "OTHER", "ORDINARY")).get("id").asLong();
        long foreign = f.register(DemoUsers.TOWN_OFFICE, DisputeFixtures.body(
                DisputeFixtures.pointIn(f.foreignGrid, 1), "OTHER", "ORDINARY")).get("id").asLong();
        List<Long> seen = ids(f.get(DemoUsers.GRID_MANAGER, "/api/disputes"));
        assertThat(seen).contains(own).doesNotContain(foreign);
        assertThat(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + foreign).getStatus()).isEqualTo(404);
        assertThat(f.get(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + foreign).getStatus()).isEqualTo(404);
        assertThat(f.get(DemoUsers.ADMIN, "/api/disputes/" + own).getStatus()).isEqualTo(404);
        assertThat(ids(f.get(DemoUsers.LEADER, "/api/disputes"))).contains(own, foreign);
        // every feature the grid manager gets lies in the own grid
        JsonNode all = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes?limit=5000"));
        all.get("features").forEach(feature -> assertThat(feature.get("properties").get("gridCode").asString())
                .isEqualTo(f.ownGrid));
        // a foreign dispute cannot be acted on either
        assertThat(f.postJson(DemoUsers.GRID_MANAGER, "/api/disputes/" + foreign + "/transitions",
                Map.of("action", "ACCEPT")).getStatus()).isEqualTo(404);
    }

    @Test
    void listFiltersAndClustersByGrid() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 12),
                "ROAD_TRAFFIC", "SERIOUS")).get("id").asLong();
        assertThat(ids(f.get(DemoUsers.GRID_MANAGER, "/api/disputes?type=ROAD_TRAFFIC&severity=SERIOUS")))
                .contains(id);
        assertThat(ids(f.get(DemoUsers.GRID_MANAGER, "/api/disputes?type=WAGES"))).doesNotContain(id);
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER,
                "/api/disputes?status=LOST")))).isEqualTo("status");
        JsonNode clusters = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER,
                "/api/disputes/clusters?zoom=14&type=ROAD_TRAFFIC"));
        assertThat(clusters.get("features")).hasSize(1);
        JsonNode cluster = clusters.get("features").get(0).get("properties");
        assertThat(cluster.get("code").asString()).isEqualTo(f.ownGrid);
        assertThat(cluster.get("count").asLong()).isEqualTo(ids(f.get(DemoUsers.GRID_MANAGER,
                "/api/disputes?type=ROAD_TRAFFIC&limit=5000")).size());
        // each count is drawn at a point inside its own grid (from zoom 13) or village (below), named
        assertThat(cluster.get("name").asString())
                .isEqualTo(item("grids", f.ownGrid).properties().get("name").asString());
        assertThat(item("grids", f.ownGrid).geometry().contains(point(clusters.get("features").get(0)))).isTrue();
        JsonNode villages = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER,
                "/api/disputes/clusters?zoom=10&type=ROAD_TRAFFIC")).get("features");
        assertThat(villages).hasSize(1);
        assertThat(villages.get(0).get("properties").get("code").asString()).isEqualTo(f.ownVillage);
        assertThat(villages.get(0).get("properties").get("name").asString())
                .isEqualTo(item("villages", f.ownVillage).properties().get("name").asString());
        assertThat(villages.get(0).get("properties").get("count").asLong()).isEqualTo(cluster.get("count").asLong());
        assertThat(item("villages", f.ownVillage).geometry().contains(point(villages.get(0)))).isTrue();
    }

    /**
     * The counts of "the period plus every open case" (the map's default) are taken in two halves and added (the
     * period's cases, the open ones outside it): they add up to exactly the points the list gives for the same
     * filters, per village and per grid, whichever half holds the cases.
     */
    @Test
    void countsOfThePeriodPlusEveryOpenCaseAddUpToThePoints() throws Exception {
        f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 21), "MEDICAL",
                "ORDINARY"));
        String today = LocalDate.now().toString();
        for (String period : List.of("from=" + today, "from=" + LocalDate.now().plusDays(1), "from=2000-01-01&to="
                + today, "to=2000-12-31")) {
            JsonNode points = DisputeFixtures.read(f.get(DemoUsers.TOWN_OFFICE, "/api/disputes?" + period
                    + "&withOpen=true&limit=5000")).get("features");
            long open = 0;
            for (JsonNode point : points) {
                open += DisputeStatus.CONCLUDED.contains(DisputeStatus.valueOf(point.get("properties").get("status")
                        .asString())) ? 0 : 1;
            }
            assertThat(points.size()).as(period).isPositive();
            for (int zoom : new int[] { 10, 14 }) {
                long count = 0;
                long countedOpen = 0;
                for (JsonNode c : DisputeFixtures.read(f.get(DemoUsers.TOWN_OFFICE, "/api/disputes/clusters?"
                        + period + "&withOpen=true&zoom=" + zoom)).get("features")) {
                    count += c.get("properties").get("count").asLong();
                    countedOpen += c.get("properties").get("open").asLong();
                }
                assertThat(count).as(period + " zoom " + zoom).isEqualTo(points.size());
                assertThat(countedOpen).as(period + " zoom " + zoom).isEqualTo(open);
            }
        }
    }

    private static cn.pingangrid.testsupport.TownDataset.Item item(String file, String code) {
        return cn.pingangrid.testsupport.TownDataset.read(file).stream().filter(i -> i.code().equals(code))
                .findFirst().orElseThrow();
    }

    private static Point point(JsonNode feature) {
        JsonNode xy = feature.get("geometry").get("coordinates");
        return Wgs84.point(xy.get(0).asDouble(), xy.get(1).asDouble());
    }

    @Test
    void theDuplicateHintNamesOpenDisputesOfTheSameTypeNearby() throws Exception {
        Point p = DisputeFixtures.pointIn(f.ownGrid, 13);
        long first = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(p, "ENTERPRISE_RESTRUCTURING",
                "ORDINARY")).get("id").asLong();
        Point near = Wgs84.point(p.getX() + 0.0005, p.getY()); // about 50 m east
        JsonNode second = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(near, "ENTERPRISE_RESTRUCTURING",
                "ORDINARY"));
        List<Long> hinted = new ArrayList<>();
        second.get("duplicates").forEach(d -> hinted.add(d.get("id").asLong()));
        assertThat(hinted).contains(first).doesNotContain(second.get("id").asLong());
        JsonNode otherType = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/nearby?lng="
                + near.getX() + "&lat=" + near.getY() + "&type=MEDICAL"));
        otherType.forEach(d -> assertThat(d.get("type").get("code").asString()).isEqualTo("MEDICAL"));
    }

    @Test
    void theOverdueJobMarksPassedDeadlinesOnceAndSuggestsEscalation() throws Exception {
        JsonNode d = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 14),
                "LABOUR", "ORDINARY"));
        long id = d.get("id").asLong();
        LocalDate deadline = LocalDate.parse(d.get("deadline").asString());
        Clock onDeadline = Clock.fixed(deadline.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        overdueJob.markOverdue(onDeadline);
        assertThat(DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + id)).get("overdue")
                .asBoolean()).isFalse();
        Clock dayAfter = Clock.offset(onDeadline, java.time.Duration.ofDays(1));
        assertThat(overdueJob.markOverdue(dayAfter)).isGreaterThanOrEqualTo(1);
        overdueJob.markOverdue(dayAfter);
        JsonNode after = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + id));
        assertThat(after.get("overdue").asBoolean()).isTrue();
        List<String> actions = new ArrayList<>();
        after.get("timeline").forEach(e -> actions.add(e.get("action").get("code").asString()));
        assertThat(actions).containsExactly("REGISTER", "OVERDUE");
        assertThat(after.get("timeline").get(1).get("note").asString()).contains("上报镇");
    }

    /**
     * The scheduled entry point, as the scheduler calls it: outside any transaction or request, with the
     * application's clock. A deadline moved into the past (as time passing would) is marked once, with its note.
     */
    @Test
    void theScheduledOverdueRunMarksAPassedDeadline() throws Exception {
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 16),
                "LABOUR", "ORDINARY")).get("id").asLong();
        jdbc.update("update dispute set deadline = ?, overdue = false where id = ?",
                java.sql.Date.valueOf(LocalDate.now().minusDays(3)), id);
        // a run by another test context sharing this database holds the job's lock for 30 s, and this run would be
        // skipped: release it, as those 30 s passing would
        jdbc.update("update shedlock set lock_until = locked_at where name = ?", OverdueDisputes.JOB);
        overdueJob.run();
        overdueJob.run();
        JsonNode after = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/" + id));
        assertThat(after.get("overdue").asBoolean()).isTrue();
        List<String> actions = new ArrayList<>();
        after.get("timeline").forEach(e -> actions.add(e.get("action").get("code").asString()));
        assertThat(actions).containsExactly("REGISTER", "OVERDUE");
    }

    @Test
    void theDuplicateHintIsOrderedByDistanceNearestFirst() throws Exception {
        Point p = DisputeFixtures.pointIn(f.ownGrid, 17);
        double metresPerDegreeLng = 111_000.0 * Math.cos(Math.toRadians(p.getY()));
        List<Long> ids = new ArrayList<>();
        for (int metres : new int[] { 150, 30, 90 }) { // registered far, near, middle
            Point at = Wgs84.point(p.getX() + metres / metresPerDegreeLng, p.getY());
            ids.add(f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(at, "WORK_SAFETY", "ORDINARY"))
                    .get("id").asLong());
        }
        JsonNode hint = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/disputes/nearby?lng=" + p.getX()
                + "&lat=" + p.getY() + "&type=WORK_SAFETY"));
        List<Long> order = new ArrayList<>();
        List<Long> metres = new ArrayList<>();
        hint.forEach(d -> {
            if (ids.contains(d.get("id").asLong())) {
                order.add(d.get("id").asLong());
                metres.add(d.get("distanceMeters").asLong());
            }
        });
        assertThat(order).containsExactly(ids.get(1), ids.get(2), ids.get(0));
        assertThat(metres).isSorted();
        assertThat(metres.get(0)).isBetween(25L, 35L);
    }

    @Test
    void disputeLocationsAreFoundInsideAnAreaAndCutToTheScope() throws Exception {
        Point p = DisputeFixtures.pointIn(f.ownGrid, 15);
        long id = f.register(DemoUsers.GRID_MANAGER, DisputeFixtures.body(p, "MEDICAL", "ORDINARY")).get("id")
                .asLong();
        Envelope box = new Envelope(p.getCoordinate());
        box.expandBy(0.0002);
        var area = Wgs84.FACTORY.toGeometry(box);
        assertThat(as(AreaScope.townAuthority(), () -> locations.within(area, LocalDate.now().minusDays(1),
                LocalDate.now()))).anySatisfy(l -> {
                    assertThat(l.id()).isEqualTo(id);
                    assertThat(l.type()).isEqualTo("MEDICAL");
                    assertThat(l.gridCode()).isEqualTo(f.ownGrid);
                    assertThat(l.location().getSRID()).isEqualTo(Wgs84.SRID);
                });
        assertThat(as(AreaScope.villageAuthority(f.foreignGrid.substring(0, 12)), () -> locations.within(area, null,
                null))).noneMatch(l -> l.id() == id);
        assertThat(as(AreaScope.townAuthority(), () -> locations.within(area, LocalDate.now().plusDays(1), null)))
                .noneMatch(l -> l.id() == id);
        assertThat(locations.within(area, null, null)).as("nobody signed in sees nothing").isEmpty();
    }

    /** Runs {@code read} as a user holding only {@code area}, the way a request would. */
    static <T> T as(org.springframework.security.core.GrantedAuthority area, java.util.function.Supplier<T> read) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var before = context.getAuthentication();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken("t",
                null, java.util.List.of(area)));
        try {
            return read.get();
        } finally {
            context.setAuthentication(before);
        }
    }

    static List<Long> ids(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        DisputeFixtures.read(response).get("features").forEach(feature -> ids.add(feature.get("id").asLong()));
        return ids;
    }
}
