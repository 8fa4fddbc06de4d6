package cn.pingangrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.SignedInHttp;
import cn.pingangrid.testsupport.TestIdNumbers;
import cn.pingangrid.testsupport.TownDataset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against every write endpoint and every query parameter, through real HTTP, on either database.
 * The corpus is generated from two compact tables — each endpoint with one valid request, and lists of bad
 * values — by putting every bad value into every field (body) or parameter (query) in turn, plus hand-written
 * cases for what does not fit the pattern (geometries, uploads, sign-in, paths). For every case: no 5xx, every
 * 4xx is {@code application/problem+json}, and after every refusal the data is unchanged (row counts of the
 * tables an endpoint writes, and the rows the cases aim at). Rows the accepted cases made are deleted afterwards.
 */
public abstract class InputFuzzContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<TownDataset.Item> BUILDINGS = TownDataset.read("buildings");

    /** Bad JSON values (raw JSON text) put into every field of every body in turn. */
    static final List<String> BAD_JSON_VALUES = List.of(
            "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"" + "x".repeat(70_000) + "\"", "\"" + "界".repeat(2_001)
                    + "\"", "\"  \"", "null", "1.5", "2", "-1", "true", "[]", "{}", "[null]", "9223372036854775808",
            "1e400", "\"+999999999-01-01\"", "\"1899-12-31\"", "\"2101-01-01\"", "\"2026-02-30\"",
            "\"NO_SUCH_CODE\"", "NaN", "{\"type\":\"Point\",\"coordinates\":[111.8,28.4,9]}");

    /** Bad query values (already URL-encoded) put into every parameter of every query in turn. */
    static final List<String> BAD_QUERY_VALUES = List.of(
            "%00", "a%00b", "%ED%A0%80", "x".repeat(4_000), "", "-1", "1.5", "1e309", "NaN", "2147483648",
            "%2B999999999-01-01", "-999999999-12-31", "1899-12-31", "2101-01-01", "2026-02-30", "9999-W99",
            "NO_SUCH_CODE", "%5B%5D", "111.8,28.4,111.8,28.4", "111.9,28.5,111.8,28.4", "a,b,c,d",
            "1e400,0,0,0");

    /** Geometries: 3D, 4D, wrong types and shapes, malformed, outside the town, too big. */
    static final List<String> BAD_GEOMETRIES = List.of(
            "{\"type\":\"Point\",\"coordinates\":[111.8,28.4,10]}",
            "{\"type\":\"Point\",\"coordinates\":[111.8,28.4,10,5]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[111.8,28.4,1],[111.81,28.4,1],[111.81,28.41,1],[111.8,28.4,1]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[111.8,28.4],[111.81,28.4],[111.81,28.41],[111.8,28.41]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[111.8,28.4],[111.81,28.41],[111.81,28.4],[111.8,28.41],[111.8,28.4]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[111.8,28.4],[111.8,28.4],[111.8,28.4],[111.8,28.4]]]}",
            "{\"type\":\"LineString\",\"coordinates\":[[111.8,28.4],[111.81,28.41]]}",
            "{\"type\":\"GeometryCollection\",\"geometries\":[]}",
            "{\"type\":\"Point\"}", "{\"type\":\"Point\",\"coordinates\":[]}",
            "{\"type\":\"Point\",\"coordinates\":[111.8]}",
            "{\"type\":\"Point\",\"coordinates\":[\"111.8\",\"28.4\"]}",
            "{\"type\":\"Point\",\"coordinates\":[1e400,28.4]}",
            "{\"type\":\"Point\",\"coordinates\":[0,0]}",
            "{\"type\":\"Point\",\"coordinates\":[181,91]}",
            "{\"type\":\"Point\",\"coordinates\":[[[[[[[[[[111.8,28.4]]]]]]]]]]}",
            "{\"type\":\"Po\\u0000int\",\"coordinates\":[111.8,28.4]}",
            "{\"type\":\"MultiPoint\",\"coordinates\":[[111.8,28.4]]}",
            "\"POINT(111.8 28.4)\"", "{\"coordinates\":[111.8,28.4]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[" + ring(20_001) + "]]}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final List<String> failures = new ArrayList<>();
    final Map<String, Long> timing = new LinkedHashMap<>();
    final Map<String, Long> startIds = new LinkedHashMap<>();
    int cases;
    int refusals;

    /** One request of the corpus. */
    record Case(String name, String user, String method, String path, String contentType, String body) {
    }

    /** An endpoint with one valid body: every field of it gets every bad value in turn. */
    record BodyEndpoint(String user, String method, String path, Map<String, Object> valid, List<String> geometryFields) {
    }

    /** A query with valid parameters: every parameter gets every bad value in turn. */
    record Query(String path, Map<String, String> valid) {
    }

    @Test
    void noFiveHundredsProblemsForEveryRefusalAndNothingChangedByARefusal() throws Exception {
        long started = System.nanoTime();
        for (String table : List.of("patrol_track", "patrol_plan", "dispute", "sweep", "sweep_campaign", "safety_site",
                "hazard", "personal_access_token", "app_user", "household")) {
            startIds.put(table, jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class));
        }
        Map<String, SignedInHttp> sessions = Map.of(
                DemoUsers.TOWN_OFFICE, SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD),
                DemoUsers.GRID_MANAGER, SignedInHttp.signedIn(port, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD),
                DemoUsers.ADMIN, SignedInHttp.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD));
        Fixtures f = fixtures(sessions);
        List<Case> corpus = corpus(f);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        String snapshot = snapshot(f);
        for (Case c : corpus) {
            cases++;
            long t0 = System.nanoTime();
            HttpResponse<byte[]> answer = c.user() != null ? sessions.get(c.user())
                    .send(c.method(), c.path(), c.contentType(), c.body())
                    : new SignedInHttp(port).send(c.method(), c.path(), c.contentType(), c.body());
            int status = answer.statusCode();
            String type = answer.headers().firstValue("Content-Type").orElse("");
            long t1 = System.nanoTime();
            String after = snapshot(f);
            long t2 = System.nanoTime();
            String key = c.method() + " " + c.path().replaceAll("\\?.*", "").replaceAll("/[0-9]+", "/{id}");
            timing.merge(key + " http", (t1 - t0) / 1_000_000, Long::sum);
            timing.merge(key + " snap", (t2 - t1) / 1_000_000, Long::sum);
            if (status >= 500) {
                failures.add(status + " " + c.name() + ": " + new String(answer.body(), StandardCharsets.UTF_8));
            } else if (status >= 400) {
                refusals++;
                if (!type.startsWith("application/problem+json")) {
                    failures.add(status + " not a problem (" + type + "): " + c.name());
                }
                if (!after.equals(snapshot)) {
                    failures.add(status + " refused but changed data: " + c.name() + "\n  before " + snapshot
                            + "\n  after  " + after);
                }
            }
            snapshot = after;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        timing.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder())).limit(25)
                .forEach(e -> System.out.println("timing " + e.getKey() + " " + e.getValue() + " ms"));
        System.out.printf("input fuzz: %d cases, %d refused, %d failures, %.1f s%n", cases, refusals,
                failures.size(), seconds);
        assertThat(failures).as("fuzz failures (of %d cases)", cases).isEmpty();
        assertThat(refusals).isGreaterThan(cases / 2);
    }

    /**
     * Malformed, unknown and hostile personal access tokens on every kind of request: each a 401 problem (a well
     * formed known token writing: 403), never a 5xx, and nothing changed.
     */
    @Test
    void badTokensAre401ProblemsAndChangeNothing() throws Exception {
        SignedInHttp office = SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        String valid = cn.pingangrid.testsupport.TokenHttp.create(office, "fuzz");
        long tokensBefore = jdbc.queryForObject("select count(*) from personal_access_token", Long.class);
        String disputesBefore = jdbc.queryForList("select id, status from dispute order by id").toString();
        List<String> bad = new ArrayList<>(List.of("", " ", "pgt_", "pgt", "x", "null", "Bearer",
                "pgt_" + "A".repeat(49), "PGT_" + valid.substring(4), valid.substring(0, valid.length() - 1),
                valid + "A", valid.substring(0, 20) + "!" + valid.substring(21), " " + valid.replace('_', '-'),
                valid.toLowerCase(java.util.Locale.ROOT), "pgt_" + "\u00e9".repeat(49), "pgt_" + "A".repeat(4_000),
                "' or 1=1 --", "../../etc/passwd", "%00", "\t"));
        List<String> failures = new ArrayList<>();
        for (String token : bad) {
            for (String[] request : List.of(new String[] { "GET", "/ogc/collections" }, new String[] { "GET",
                    "/api/disputes" }, new String[] { "POST", "/api/disputes" }, new String[] { "DELETE",
                            "/api/me/tokens/1" })) {
                HttpResponse<byte[]> answer;
                try {
                    answer = new cn.pingangrid.testsupport.TokenHttp(port, token).send(request[0], request[1],
                            "application/json", "{}");
                } catch (IllegalArgumentException refusedByTheClient) {
                    continue; // a header value java.net.http will not send (control characters)
                }
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (answer.statusCode() != 401 || !type.startsWith("application/problem+json")) {
                    failures.add(answer.statusCode() + " " + type + " " + request[0] + " " + request[1] + " token="
                            + abbreviate(token));
                }
            }
        }
        HttpResponse<byte[]> write = new cn.pingangrid.testsupport.TokenHttp(port, valid).send("POST",
                "/api/disputes", "application/json", JSON.writeValueAsString(validDispute(BUILDINGS.get(5).geometry()
                        .getInteriorPoint())));
        if (write.statusCode() != 403) {
            failures.add(write.statusCode() + " a valid token writing");
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from personal_access_token", Long.class))
                .isEqualTo(tokensBefore);
        assertThat(jdbc.queryForList("select id, status from dispute order by id").toString())
                .isEqualTo(disputesBefore);
    }

    /** Deletes what the accepted cases created, so other tests on the shared database see what they expect. */
    @AfterEach
    void removeWhatTheCorpusCreated() {
        startIds.forEach((table, id) -> jdbc.update("delete from " + table + " where id > ?", id));
        if (borderSegment != null) {
            // through the API, so the zone is computed again for the width
            assertThat(office.send("PATCH", "/api/border-segments/" + borderSegment, "application/json",
                    "{\"zoneWidthM\":" + borderWidth + ",\"sensitive\":" + borderSensitive + "}").statusCode())
                    .isEqualTo(200);
        }
    }

    Long borderSegment;
    Integer borderWidth;
    Boolean borderSensitive;
    SignedInHttp office;

    /** The objects the cases aim at, made through the API. */
    record Fixtures(long dispute, long site, long hazard, long segment, long user, String village, String grid,
            Point point, long household, String householdBuilding) {
    }

    Fixtures fixtures(Map<String, SignedInHttp> sessions) throws Exception {
        office = sessions.get(DemoUsers.TOWN_OFFICE);
        TownDataset.Item building = BUILDINGS.get(BUILDINGS.size() / 3);
        Point point = building.geometry().getInteriorPoint();
        String grid = building.code().substring(0, 14);
        String village = grid.substring(0, 12);
        long dispute = created(office.send("POST", "/api/disputes", "application/json",
                JSON.writeValueAsString(validDispute(point)))).get("id").asLong();
        long site = created(office.send("POST", "/api/sites", "application/json",
                JSON.writeValueAsString(validSite(point)))).get("id").asLong();
        long hazard = created(office.send("POST", "/api/hazards", "application/json",
                JSON.writeValueAsString(validHazard(point)))).get("id").asLong();
        JsonNode segments = JSON.readTree(office.get("/api/border-segments").body());
        long segment = segments.get("features").get(0).get("id").asLong();
        borderSegment = segment;
        borderWidth = jdbc.queryForObject("select zone_width_m from border_segment where id = ?", Integer.class,
                segment);
        borderSensitive = jdbc.queryForObject("select sensitive from border_segment where id = ?", Boolean.class,
                segment);
        long user = created(sessions.get(DemoUsers.ADMIN).send("POST", "/api/admin/users", "application/json",
                JSON.writeValueAsString(validUser("fz" + UUID.randomUUID().toString().substring(0, 8), village))))
                .get("id").asLong();
        // a household in the grid manager's own grid: the archive's writes are its handlers'
        SignedInHttp gridManager = sessions.get(DemoUsers.GRID_MANAGER);
        String ownGrid = JSON.readTree(gridManager.get("/api/me").body()).get("area").get("grids").get(0).asString();
        String householdBuilding = BUILDINGS.stream().map(TownDataset.Item::code).filter(c -> c.startsWith(ownGrid))
                .toList().get(7);
        long household = created(gridManager.send("POST", "/api/households", "application/json",
                JSON.writeValueAsString(validHousehold(householdBuilding)))).get("id").asLong();
        return new Fixtures(dispute, site, hazard, segment, user, village, grid, point, household, householdBuilding);
    }

    private static JsonNode created(HttpResponse<byte[]> answer) {
        if (answer.statusCode() != 201) {
            throw new AssertionError("fixture: HTTP " + answer.statusCode() + " "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(answer.body());
    }

    List<Case> corpus(Fixtures f) {
        LocalDate today = LocalDate.now();
        String t = DemoUsers.TOWN_OFFICE;
        Map<String, Object> point = Map.of("type", "Point", "coordinates", List.of(f.point().getX(), f.point().getY()));
        List<BodyEndpoint> bodies = List.of(
                new BodyEndpoint(t, "POST", "/api/disputes", validDispute(f.point()), List.of()),
                new BodyEndpoint(t, "POST", "/api/disputes/" + f.dispute() + "/transitions",
                        map("action", "REFER", "channel", "POLICE", "unit", "派出所", "note", "移交", "measure",
                                "联合调解"), List.of()),
                new BodyEndpoint(t, "POST", "/api/disputes/" + f.dispute() + "/measures", map("measure", "上门走访"),
                        List.of()),
                new BodyEndpoint(t, "PUT", "/api/disputes/" + f.dispute() + "/assignment",
                        map("responsibleUnit", "综治办", "responsiblePerson", "王五", "deadline",
                                today.plusDays(20).toString(), "note", "交办"), List.of()),
                new BodyEndpoint(t, "POST", "/api/sweeps", map("kind", "VILLAGE_WEEKLY", "village", f.village(),
                        "period", today.minusWeeks(30).toString(), "sweptBy", "村综治专干", "zeroReport", false,
                        "disputeIds", List.of(f.dispute()), "note", "每周排查"), List.of()),
                new BodyEndpoint(t, "POST", "/api/sweep-campaigns", map("name", "专项排查", "startsOn",
                        today.toString(), "endsOn", today.plusDays(30).toString(), "villages", List.of(f.village())),
                        List.of()),
                new BodyEndpoint(t, "POST", "/api/sites", validSite(f.point()), List.of("geometry")),
                new BodyEndpoint(t, "PUT", "/api/sites/" + f.site(), validSite(f.point()), List.of("geometry")),
                new BodyEndpoint(t, "POST", "/api/sites/" + f.site() + "/inspections", map("inspectedOn",
                        today.minusDays(1).toString(), "result", "MET", "note", "检查", "nextInspectionDue",
                        today.plusDays(60).toString()), List.of()),
                new BodyEndpoint(t, "POST", "/api/hazards", validHazard(f.point()), List.of("location")),
                new BodyEndpoint(t, "PUT", "/api/hazards/" + f.hazard(), validHazard(f.point()), List.of("location")),
                new BodyEndpoint(t, "POST", "/api/hazards/" + f.hazard() + "/reviews", map("reviewedOn",
                        today.minusDays(1).toString(), "status", "CONTROLLED", "reviewDue",
                        today.plusDays(30).toString()), List.of()),
                new BodyEndpoint(t, "PATCH", "/api/border-segments/" + f.segment(), map("zoneWidthM", 600, "sensitive",
                        true),
                        List.of()),
                new BodyEndpoint(t, "POST", "/api/patrol/plans", map("date", today.toString(), "start", "08:00",
                        "lengthMinutes", 120, "mode", "WALK", "base", "VILLAGE", "village", f.village(), "seed", 7),
                        List.of()),
                new BodyEndpoint(t, "POST", "/api/patrol/town-plans", map("date", today.toString(), "start", "08:00",
                        "lengthMinutes", 120, "mode", "WALK", "base", "POLICE", "seed", 7), List.of()),
                new BodyEndpoint(t, "POST", "/api/me/tokens", map("name", "模糊测试令牌", "expiresOn",
                        today.plusDays(30).toString()), List.of()),
                new BodyEndpoint(DemoUsers.ADMIN, "POST", "/api/admin/users", validUser("fuzznew", f.village()),
                        List.of()),
                new BodyEndpoint(DemoUsers.GRID_MANAGER, "POST", "/api/households",
                        validHousehold(f.householdBuilding()), List.of()),
                new BodyEndpoint(DemoUsers.GRID_MANAGER, "PUT", "/api/households/" + f.household(),
                        validHousehold(f.householdBuilding()), List.of()),
                new BodyEndpoint(DemoUsers.GRID_MANAGER, "POST", "/api/households/" + f.household() + "/moves",
                        map("direction", "IN", "movedOn", today.minusDays(2).toString(), "reason", "婚嫁", "place",
                                "桃江县城", "name", "模糊迁入", "gender", "女", "birthDate", "1998-04-05", "idNumber",
                                TestIdNumbers.valid(LocalDate.of(1998, 4, 5), false), "relation", "儿媳", "phone",
                                TestIdNumbers.phone(), "education", "大专", "health", "健康"), List.of()),
                new BodyEndpoint(DemoUsers.GRID_MANAGER, "POST", "/api/households/" + f.household() + "/merits",
                        map("name", "模糊户主", "doneOn", today.minusDays(5).toString(), "deed", "义务修路",
                                "commendation", "村表彰"), List.of()),
                new BodyEndpoint(DemoUsers.GRID_MANAGER, "POST", "/api/households/" + f.household() + "/misconduct",
                        map("name", "模糊户主", "recordedOn", today.minusDays(5).toString(), "detail", "占道堆放",
                                "handling", "批评教育"), List.of()),
                new BodyEndpoint(DemoUsers.GRID_MANAGER, "POST", "/api/households/" + f.household() + "/conflicts",
                        map("checkedOn", today.minusDays(5).toString(), "situation", "邻里纠纷", "measures", "调解",
                                "remarks", "备注"), List.of()),
                new BodyEndpoint(DemoUsers.GRID_MANAGER, "POST", "/api/households/" + f.household() + "/reveal",
                        map("reason", "入户核对"), List.of()),
                new BodyEndpoint(DemoUsers.ADMIN, "PATCH", "/api/admin/users/" + f.user(), map("displayName", "改名",
                        "unit", "大栗港司法所", "roles", List.of("VILLAGE_CADRE"), "areas", List.of(f.village()),
                        "enabled", true), List.of()),
                new BodyEndpoint(DemoUsers.ADMIN, "POST", "/api/admin/users/" + f.user() + "/password",
                        map("password", "Fuzz2026pass"), List.of()));
        String bbox = String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", f.point().getX() - 0.01,
                f.point().getY() - 0.01, f.point().getX() + 0.01, f.point().getY() + 0.01);
        String lng = String.valueOf(f.point().getX());
        String lat = String.valueOf(f.point().getY());
        String from = today.minusMonths(3).toString();
        String to = today.toString();
        List<Query> queries = List.of(
                new Query("/api/villages", qmap("bbox", bbox)),
                new Query("/api/grids", qmap("bbox", bbox, "village", f.village())),
                new Query("/api/buildings", qmap("bbox", bbox, "grid", f.grid(), "village", f.village(), "limit", "10")),
                new Query("/api/locate", qmap("lng", lng, "lat", lat, "crs", "WGS84")),
                new Query("/api/search", qmap("q", "村")),
                new Query("/api/roads", qmap("bbox", bbox, "class", "county")),
                new Query("/api/disputes", qmap("bbox", bbox, "from", from, "to", to, "type", "NEIGHBOURS", "status",
                        "REGISTERED", "severity", "ORDINARY", "village", f.village(), "limit", "10")),
                new Query("/api/disputes/clusters", qmap("zoom", "12", "bbox", bbox, "from", from, "to", to, "type",
                        "NEIGHBOURS", "status", "REGISTERED", "severity", "ORDINARY")),
                new Query("/api/disputes/nearby", qmap("lng", lng, "lat", lat, "crs", "WGS84", "type", "NEIGHBOURS")),
                new Query("/api/disputes/export.xlsx", qmap("village", f.village(), "from", to, "to", to)),
                new Query("/api/sweeps", qmap("from", from, "to", to)),
                new Query("/api/sweeps/compliance", qmap("week", "2026-W05")),
                new Query("/api/kpis", qmap("from", from, "to", to)),
                new Query("/api/sites", qmap("kind", "VILLAGE,CAMPUS", "status", "BUILDING", "village", f.village(),
                        "bbox", bbox)),
                new Query("/api/site-scorecards", qmap("village", f.village(), "from", from, "to", to)),
                new Query("/api/hazards", qmap("category", "TRAFFIC", "level", "GENERAL", "status", "OPEN",
                        "overdue", "true")),
                new Query("/api/border-segments", qmap("kind", "TOWN")),
                new Query("/api/border-zones", qmap("kind", "VILLAGE", "from", from, "to", to)),
                new Query("/api/border-check", qmap("lng", lng, "lat", lat, "crs", "GCJ02")),
                new Query("/api/cross-border-disputes", qmap("village", f.village(), "from", from, "to", to)),
                new Query("/api/admin/audit", qmap("username", "zongzhiban", "limit", "5")),
                new Query("/api/patrol/plans", qmap("from", from, "to", to, "village", f.village())),
                new Query("/api/patrol/coverage", qmap("week", "2026-W05")),
                new Query("/api/hotspots/density", qmap("from", from, "to", to, "type", "NEIGHBOURS", "cell", "100",
                        "radius", "500")),
                new Query("/api/hotspots/gi", qmap("from", from, "to", to, "unit", "hex", "size", "300", "band",
                        "800")),
                new Query("/api/hotspots/emerging", qmap("to", to, "months", "12", "unit", "grid")),
                new Query("/api/hotspots/rates", qmap("from", from, "to", to, "severity", "ORDINARY")),
                new Query("/api/meeting", qmap("month", to.substring(0, 7))),
                new Query("/api/households", qmap("building", f.householdBuilding(), "grid", f.grid(), "q", "模",
                        "idNumber", TestIdNumbers.valid(), "sort", "head", "limit", "10")),
                new Query("/api/households/counts", qmap("building", f.householdBuilding(), "village", f.village())),
                new Query("/api/households/export.xlsx", qmap("building", f.householdBuilding(), "reveal", "true",
                        "reason", "fuzz")),
                new Query("/ogc/collections/disputes/items", qmap("bbox", bbox, "datetime", from + "/" + to, "limit",
                        "10", "offset", "0", "f", "json")),
                new Query("/ogc/collections/buildings/items", qmap("bbox", bbox, "limit", "10", "offset", "5", "f",
                        "html")),
                new Query("/ogc/collections/disputes", qmap("f", "json")),
                new Query("/ogc/api", qmap("f", "html")));

        List<Case> corpus = new ArrayList<>();
        // each endpoint's valid request once, so the bad values below are judged against a request that works
        for (BodyEndpoint e : bodies) {
            corpus.add(new Case("valid " + e.method() + " " + e.path(), e.user(), e.method(), e.path(),
                    "application/json", JSON.writeValueAsString(e.valid())));
        }
        for (BodyEndpoint e : bodies) {
            for (String field : e.valid().keySet()) {
                List<String> values = new ArrayList<>(BAD_JSON_VALUES);
                if (e.geometryFields().contains(field)) {
                    values.addAll(BAD_GEOMETRIES);
                }
                for (String value : values) {
                    corpus.add(new Case(e.method() + " " + e.path() + " " + field + "=" + abbreviate(value), e.user(),
                            e.method(), e.path(), "application/json", withField(e.valid(), field, value)));
                }
            }
            // whole bodies of the wrong kind
            for (String body : List.of("", "null", "[]", "\"text\"", "42", "{", "{}}", "{\"a\":1} trailing",
                    "[".repeat(2_000), "{\"\\u0000\":1}")) {
                corpus.add(new Case(e.method() + " " + e.path() + " body " + abbreviate(body), e.user(), e.method(),
                        e.path(), "application/json", body));
            }
            corpus.add(new Case(e.method() + " " + e.path() + " as text/plain", e.user(), e.method(), e.path(),
                    "text/plain", JSON.writeValueAsString(e.valid())));
        }
        for (Query q : queries) {
            String user = q.path().startsWith("/api/admin") ? DemoUsers.ADMIN
                    : q.path().startsWith("/api/households") ? DemoUsers.GRID_MANAGER : t;
            for (String param : q.valid().keySet()) {
                for (String value : BAD_QUERY_VALUES) {
                    Map<String, String> params = new LinkedHashMap<>(q.valid());
                    params.put(param, value);
                    corpus.add(new Case("GET " + q.path() + " " + param + "=" + abbreviate(value), user, "GET",
                            q.path() + "?" + query(params), null, null));
                }
            }
        }
        corpus.addAll(special(f));
        return corpus;
    }

    /** What does not fit the tables: paths, uploads, sign-in, other methods. */
    List<Case> special(Fixtures f) {
        String t = DemoUsers.TOWN_OFFICE;
        List<Case> cases = new ArrayList<>();
        for (String id : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%00", "1%00", "%2e%2e", "1;x=1",
                "%ED%A0%80", "1e3", "%20")) {
            for (String path : List.of("/api/disputes/", "/api/sites/", "/api/hazards/", "/api/patrol/plans/",
                    "/ogc/collections/disputes/items/", "/ogc/collections/buildings/items/",
                    "/api/me/tokens/", "/api/households/")) {
                cases.add(new Case("GET " + path + id, t, "GET", path + id, null, null));
            }
            cases.add(new Case("POST transitions of " + id, t, "POST", "/api/disputes/" + id + "/transitions",
                    "application/json", "{\"action\":\"ACCEPT\"}"));
            cases.add(new Case("PATCH segment " + id, t, "PATCH", "/api/border-segments/" + id, "application/json",
                    "{\"zoneWidthM\":600}"));
            cases.add(new Case("PATCH user " + id, DemoUsers.ADMIN, "PATCH", "/api/admin/users/" + id,
                    "application/json", "{\"displayName\":\"x\"}"));
        }
        for (String code : List.of("%00", "abc", "4309221170150000", "430922117015%00", "x".repeat(3_000))) {
            cases.add(new Case("GET village " + abbreviate(code), t, "GET", "/api/villages/" + code, null, null));
            cases.add(new Case("GET grid " + abbreviate(code), t, "GET", "/api/grids/" + code, null, null));
            cases.add(new Case("GET OGC collection " + abbreviate(code), t, "GET", "/ogc/collections/" + code, null,
                    null));
            cases.add(new Case("GET OGC items of " + abbreviate(code), t, "GET", "/ogc/collections/" + code
                    + "/items", null, null));
        }
        cases.add(new Case("OGC unknown parameter", t, "GET", "/ogc/collections/roads/items?colour=red", null, null));
        cases.add(new Case("OGC datetime on a layer without dates", t, "GET",
                "/ogc/collections/roads/items?datetime=2026-01-01", null, null));
        cases.add(new Case("OGC repeated limit", t, "GET", "/ogc/collections/roads/items?limit=1&limit=2", null,
                null));
        cases.add(new Case("OGC POST items", t, "POST", "/ogc/collections/roads/items", "application/json", "{}"));
        cases.add(new Case("OGC signed out", null, "GET", "/ogc/collections", null, null));
        for (String datetime : List.of("2026-01-01/2025-01-01", "../..", "..", "/", "2026-01-01//2026-02-01",
                "2026-01-01T25:00:00Z", "2026-01-01T00:00:00", "+2026-01-01", "1899-12-31/..", "2026-W01")) {
            cases.add(new Case("OGC datetime " + datetime, t, "GET", "/ogc/collections/disputes/items?datetime="
                    + URLEncoder.encode(datetime, StandardCharsets.UTF_8), null, null));
        }
        String boundary = "----fuzz" + UUID.randomUUID();
        cases.add(new Case("import as JSON", t, "POST", "/api/disputes/import", "application/json", "{}"));
        cases.add(new Case("track upload as JSON", t, "POST", "/api/patrol/plans/1/tracks", "application/json", "{}"));
        cases.add(new Case("track upload not GPX", t, "POST", "/api/patrol/plans/1/tracks",
                "multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.gpx\"\r\n\r\n<gpx><trk><trkseg><trkpt lat=\"NaN\" lon=\"1e400\">"
                        + "<time>+999999999-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>\r\n--" + boundary + "--\r\n"));
        cases.add(new Case("GPX of a plan id that is not a number", t, "GET", "/api/patrol/plans/x/gpx", null, null));
        cases.add(new Case("photo as JSON", t, "PUT", "/api/disputes/" + f.dispute() + "/photo", "application/json",
                "{}"));
        cases.add(new Case("photo that is not an image", t, "PUT", "/api/disputes/" + f.dispute() + "/photo",
                "image/jpeg", "not a jpeg \u0000"));
        cases.add(new Case("empty photo", t, "PUT", "/api/disputes/" + f.dispute() + "/photo", "image/png", ""));
        cases.add(new Case("import without a body", t, "POST", "/api/disputes/import", null, null));
        cases.add(new Case("import form-urlencoded", t, "POST", "/api/disputes/import",
                "application/x-www-form-urlencoded", "file=abc"));
        cases.add(new Case("import multipart without boundary", t, "POST", "/api/disputes/import",
                "multipart/form-data", "abc"));
        cases.add(new Case("import multipart without the file part", t, "POST", "/api/disputes/import",
                "multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n"));
        cases.add(new Case("import a file that is not XLSX", t, "POST", "/api/disputes/import",
                "multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        + "PK\u0003\u0004 not really a zip\r\n--" + boundary + "--\r\n"));
        cases.add(new Case("import a truncated multipart", t, "POST", "/api/disputes/import",
                "multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK"));
        // 一户一档: the faults the issue names, each a 400 naming the field with nothing written, and the import
        String g = DemoUsers.GRID_MANAGER;
        String head = TestIdNumbers.valid(LocalDate.of(1960, 2, 3), true);
        String child = TestIdNumbers.valid(LocalDate.of(1988, 8, 8), false);
        for (List<Map<String, Object>> members : List.<List<Map<String, Object>>>of(
                List.of(member("户主", head), member("女儿", TestIdNumbers.wrongCheck(child))),
                List.of(member("户主", TestIdNumbers.valid(LocalDate.now().plusDays(1), true))),
                List.of(member("户主", head), member("女儿", child), member("儿子", child)),
                List.of(member("户主", head), member("户主", child)), List.of(member("女儿", child)), List.of(),
                java.util.Arrays.asList(member("户主", head), null))) {
            Map<String, Object> body = validHousehold(f.householdBuilding());
            body.put("members", members);
            cases.add(new Case("household " + members.size() + " members with a fault", g, "POST",
                    "/api/households", "application/json", JSON.writeValueAsString(body)));
            cases.add(new Case("household edit with a fault", g, "PUT", "/api/households/" + f.household(),
                    "application/json", JSON.writeValueAsString(body)));
        }
        Map<String, Object> wrongBirth = member("户主", head);
        wrongBirth.put("birthDate", LocalDate.now().plusDays(3).toString());
        Map<String, Object> body = validHousehold(f.householdBuilding());
        body.put("members", List.of(wrongBirth));
        cases.add(new Case("household with a future birth date", g, "POST", "/api/households", "application/json",
                JSON.writeValueAsString(body)));
        body.put("members", List.of(map("name", "甲", "relation", "户主", "idNumber", head, "extra", List.of(1))));
        cases.add(new Case("household member with an unknown field", g, "POST", "/api/households",
                "application/json", JSON.writeValueAsString(body)));
        for (String memberValue : List.of("null", "1", "\"x\"", "[[]]", "{\"idNumber\":1}",
                "{\"idNumber\":\"\\u0000\"}")) {
            cases.add(new Case("household members = " + memberValue, g, "POST", "/api/households",
                    "application/json", "{\"building\":\"" + f.householdBuilding() + "\",\"members\":["
                            + memberValue + "]}"));
        }
        cases.add(new Case("household move out of the head", g, "POST", "/api/households/" + f.household()
                + "/moves", "application/json", JSON.writeValueAsString(map("direction", "OUT", "movedOn",
                        LocalDate.now().toString(), "name", "模糊户主", "relation", "户主", "idNumber", householdHead))));
        cases.add(new Case("household reveal without a reason", g, "POST", "/api/households/" + f.household()
                + "/reveal", "application/json", "{}"));
        cases.add(new Case("household reveal by the town office", t, "POST", "/api/households/" + f.household()
                + "/reveal", "application/json", "{\"reason\":\"想看\"}"));
        cases.add(new Case("household write by the town office", t, "POST", "/api/households", "application/json",
                JSON.writeValueAsString(validHousehold(f.householdBuilding()))));
        cases.add(new Case("household import as JSON", g, "POST", "/api/households/import", "application/json",
                "{}"));
        cases.add(new Case("household import not XLSX", g, "POST", "/api/households/import",
                "multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004 nope\r\n--" + boundary
                        + "--\r\n"));
        cases.add(new Case("household import without the file part", g, "POST", "/api/households/import",
                "multipart/form-data; boundary=" + boundary, "--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n"));
        // sign-in: unknown, overlong, NUL, missing, huge (never an existing account: no lock for other tests)
        for (String form : List.of("username=" + "a".repeat(33) + "&password=x", "username=ab%00cd&password=x",
                "username=&password=", "password=x", "username=x", "username=" + "b".repeat(5_000) + "&password=y",
                "username=nobody&password=" + "p".repeat(5_000), "username=%ED%A0%80&password=x",
                "username=%E2%80%AEadmin&password=x")) {
            cases.add(new Case("login " + abbreviate(form), null, "POST", "/api/login",
                    "application/x-www-form-urlencoded", form));
        }
        cases.add(new Case("login as JSON", null, "POST", "/api/login", "application/json",
                "{\"username\":\"admin\",\"password\":\"x\"}"));
        // methods and paths nobody serves
        cases.add(new Case("DELETE a dispute", t, "DELETE", "/api/disputes/" + f.dispute(), null, null));
        cases.add(new Case("PUT the dispute list", t, "PUT", "/api/disputes", "application/json", "{}"));
        cases.add(new Case("GET nowhere", t, "GET", "/api/no-such-thing", null, null));
        // vector tiles: every part of the address out of range, not a number, or not a layer
        for (String layer : List.of("buildings", "grids", "roads", "disputes")) {
            for (String zxy : List.of("23/0/0", "-1/0/0", "1/2/0", "1/0/2", "a/0/0", "1/b/0", "1/0/c", "1.5/0/0",
                    "99999999999/0/0", "1/0/0%00", "%20/0/0", "0x1/0/0", "1/1e3/0", "31/2147483647/0")) {
                cases.add(new Case("GET tile " + layer + " " + zxy, t, "GET", "/tiles/" + layer + "/" + zxy + ".mvt",
                        null, null));
            }
        }
        for (String layer : List.of("nothing", "%00", "..", "BUILDINGS", "x".repeat(3_000))) {
            cases.add(new Case("GET tile of layer " + abbreviate(layer), t, "GET", "/tiles/" + layer + "/1/0/0.mvt",
                    null, null));
        }
        cases.add(new Case("GET an encoded slash", t, "GET", "/api/disputes/1%2F2", null, null));
        cases.add(new Case("GET a backslash", t, "GET", "/api/disputes/%5C..%5C", null, null));
        cases.add(new Case("GET a double slash", t, "GET", "/api//disputes", null, null));
        cases.add(new Case("missing required zoom", t, "GET", "/api/disputes/clusters", null, null));
        cases.add(new Case("missing lng", t, "GET", "/api/locate?lat=28.4", null, null));
        cases.add(new Case("parameter name with NUL", t, "GET", "/api/villages?a%00b=1", null, null));
        cases.add(new Case("repeated bbox", t, "GET", "/api/villages?bbox=1,2,3,4&bbox=5,6,7,8", null, null));
        return cases;
    }

    /** Row counts of every table a write endpoint touches, and the rows the cases aim at. */
    String snapshot(Fixtures f) {
        StringBuilder s = new StringBuilder();
        s.append(jdbc.queryForList("select (select count(*) from dispute) d, (select count(*) from dispute_party) p, "
                + "(select count(*) from dispute_timeline where actor <> '系统') t, (select count(*) from sweep) s, "
                + "(select count(*) from sweep_finding) sf, (select count(*) from sweep_campaign) c, "
                + "(select count(*) from sweep_campaign_village) cv, (select count(*) from safety_site) si, "
                + "(select count(*) from site_inspection) i, (select count(*) from hazard) h, "
                + "(select count(*) from app_user) u, (select count(*) from app_user_role) r, "
                + "(select count(*) from app_user_area) a, (select count(*) from patrol_plan) pp, "
                + "(select count(*) from patrol_track) pt, (select count(*) from personal_access_token) pat, "
                + "(select count(*) from household) hh, "
                + "(select count(*) from household_member) hm, (select count(*) from household_move) hv, "
                + "(select count(*) from household_merit) he, (select count(*) from household_misconduct) hb, "
                + "(select count(*) from household_conflict) hc"));
        s.append(jdbc.queryForList("select group_name, head_name, member_count, poverty_registered, housing, "
                + "other_notes, updated_at from household where id = ?", f.household()));
        s.append(jdbc.queryForList("select seq, name, id_number_enc, phone_enc from household_member "
                + "where household_id = ? order by seq", f.household()));
        s.append(jdbc.queryForList("select status, handling_level, responsible_unit, responsible_person, deadline, "
                + "referral_channel, referral_unit, resolved_on from dispute where id = ?", f.dispute()));
        s.append(jdbc.queryForList("select kind, name, status, responsible_person, responsible_phone, village_code, "
                + "grid_code, last_inspected_on, next_inspection_due, updated_at, ST_AsText(geom) g "
                + "from safety_site where id = ?", f.site()));
        s.append(jdbc.queryForList("select category, title, description, level, owner, status, review_due, "
                + "last_reviewed_on, updated_at, ST_AsText(location) g from hazard where id = ?", f.hazard()));
        s.append(jdbc.queryForList("select zone_width_m, sensitive, updated_at from border_segment where id = ?", f.segment()));
        s.append(jdbc.queryForList("select username, display_name, password_hash, unit, enabled from app_user "
                + "where id = ?", f.user()));
        s.append(jdbc.queryForList("select role from app_user_role where user_id = ? order by role", f.user()));
        s.append(jdbc.queryForList("select area_code from app_user_area where user_id = ? order by area_code",
                f.user()));
        return s.toString();
    }

    static Map<String, Object> validDispute(Point p) {
        LocalDate today = LocalDate.now();
        return map("lng", p.getX(), "lat", p.getY(), "crs", "WGS84", "type", "NEIGHBOURS", "severity", "ORDINARY",
                "source", "SWEEP", "sweptOn", today.minusDays(1).toString(), "occurredOn",
                today.minusDays(2).toString(), "sweptBy", "村综治专干", "situation", "模糊测试：两户因排水沟发生争执",
                "measures", "上门调解", "remarks", "备注", "parties", List.of(map("name", "赵六", "phone", "13800001111")),
                "peopleInvolved", 2, "amountYuan", 1200.5, "sensitive", false, "responsibleUnit", "村委会",
                "responsiblePerson", "村主任", "deadline", today.plusDays(10).toString());
    }

    static Map<String, Object> validSite(Point p) {
        return map("kind", "ENTERPRISE", "name", "模糊测试企业", "status", "BUILDING", "responsiblePerson", "钱七",
                "responsiblePhone", "13900002222", "geometry", Map.of("type", "Point", "coordinates",
                        List.of(p.getX(), p.getY())), "crs", "WGS84", "nextInspectionDue",
                LocalDate.now().plusDays(90).toString());
    }

    static Map<String, Object> validHazard(Point p) {
        return map("category", "TRAFFIC", "title", "模糊测试隐患", "description", "急弯无护栏", "level", "GENERAL",
                "owner", "交管站", "reviewDue", LocalDate.now().plusDays(30).toString(), "location",
                Map.of("type", "Point", "coordinates", List.of(p.getX(), p.getY())), "crs", "WGS84");
    }

    /** The fixture household's head: one ID number for the whole run, so edits keep the same person. */
    static final String householdHead = TestIdNumbers.valid(LocalDate.of(1966, 6, 6), true);

    static Map<String, Object> validHousehold(String building) {
        return map("building", building, "groupName", "五组", "povertyRegistered", false, "housing", "砖混两层",
                "otherNotes", "模糊测试户", "members", List.of(map("name", "模糊户主", "gender", "男", "birthDate",
                        "1966-06-06", "idNumber", householdHead, "relation", "户主", "phone", "10012345678",
                        "education", "初中", "health", "健康")));
    }

    static Map<String, Object> member(String relation, String idNumber) {
        return map("name", "模糊成员", "relation", relation, "idNumber", idNumber);
    }

    static Map<String, Object> validUser(String username, String village) {
        return map("username", username, "displayName", "模糊测试", "password", "Fuzz2026pass", "unit", "村委会",
                "roles", List.of("VILLAGE_CADRE"), "areas", List.of(village));
    }

    /** The valid body with {@code field} replaced by raw JSON {@code value} (which may be malformed on purpose). */
    static String withField(Map<String, Object> valid, String field, String value) {
        Map<String, Object> rest = new LinkedHashMap<>(valid);
        rest.remove(field);
        String others = JSON.writeValueAsString(rest);
        return "{" + JSON.writeValueAsString(field) + ":" + value + (rest.isEmpty() ? "}" : "," + others.substring(1));
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(v.contains("%")
                || v.matches("[A-Za-z0-9,._+:-]*") ? v : URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> qmap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static String abbreviate(String value) {
        String v = value.replace("\u0000", "\\0");
        return v.length() > 60 ? v.substring(0, 60) + "…(" + v.length() + ")" : v;
    }

    static String ring(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            s.append(i == 0 ? "" : ",").append('[').append(111.8 + 0.001 * Math.cos(a)).append(',')
                    .append(28.4 + 0.001 * Math.sin(a)).append(']');
        }
        return s.append(",[111.801,28.4]").toString();
    }
}
