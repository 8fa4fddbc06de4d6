package cn.pingangrid.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.MvtTile;
import cn.pingangrid.testsupport.TestIdNumbers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;

/**
 * The scoping matrix of the modules that hold area-bound records: every role × every read and write endpoint of
 * disputes, sites, hazards, sweeps, borders, KPIs and households × a record in the user's own area and one in a
 * foreign village.
 * Reads must show exactly what the area allows (aggregates and exports included); foreign writes must be refused
 * with nothing changed. Plus the edge cases that once leaked: a placeholder-like referral unit, a grid manager and
 * their village's sweep. Run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the records are made once; no test may change what others read
abstract class ModuleScopingContract {

    /** Each read of the matrix, with the endpoint (as Spring maps it) whose own/foreign case it is. */
    enum Read {
        DISPUTE_LIST("GET /api/disputes"), DISPUTE_BY_ID("GET /api/disputes/{id}"),
        DISPUTE_CLUSTERS("GET /api/disputes/clusters"), DISPUTE_EXPORT("GET /api/disputes/export.xlsx"),
        DISPUTE_NEARBY("GET /api/disputes/nearby"), DISPUTE_PHOTO_DOWNLOAD("GET /api/disputes/{id}/photo"),
        BORDER_CHECK("GET /api/border-check"),
        SITE_LIST("GET /api/sites"), SITE_BY_ID("GET /api/sites/{id}"), SITE_SCORECARDS("GET /api/site-scorecards"),
        HAZARD_LIST("GET /api/hazards"), HAZARD_BY_ID("GET /api/hazards/{id}"), SWEEP_LIST("GET /api/sweeps"),
        SWEEP_COMPLIANCE("GET /api/sweeps/compliance"), KPI_ROWS("GET /api/kpis"),
        BORDER_SEGMENTS("GET /api/border-segments"), DISPUTE_TILE("GET /tiles/{layer}/{z}/{x}/{y}.mvt"),
        HOUSEHOLD_LIST("GET /api/households"),
        HOUSEHOLD_BY_ID("GET /api/households/{id}"), HOUSEHOLD_COUNTS("GET /api/households/counts"),
        HOUSEHOLD_EXPORT("GET /api/households/export.xlsx"), HOUSEHOLD_REVEAL("POST /api/households/{id}/reveal"),
        // aggregates: whether the answer for the target's own month counts its disputes (none elsewhere that month)
        HOTSPOT_DENSITY("GET /api/hotspots/density"), HOTSPOT_DENSITY_PNG("GET /api/hotspots/density.png"),
        HOTSPOT_GI("GET /api/hotspots/gi"), HOTSPOT_EMERGING("GET /api/hotspots/emerging"),
        HOTSPOT_RATES("GET /api/hotspots/rates"), HOTSPOT_UNIT_DISPUTES("GET /api/hotspots/units/{id}/disputes"),
        HOTSPOT_DENSITY_MAP("GET /api/hotspots/density-map.png"), HOTSPOT_GI_MAP("GET /api/hotspots/gi-map.png"),
        MEETING("GET /api/meeting"), MEETING_XLSX("GET /api/meeting.xlsx"),
        // OGC API – Features: the same records as collections
        OGC_DISPUTE_ITEMS(Read.OGC_ITEMS), OGC_DISPUTE_ITEM(Read.OGC_ITEM), OGC_SITE_ITEMS(Read.OGC_ITEMS),
        OGC_SITE_ITEM(Read.OGC_ITEM), OGC_HAZARD_ITEMS(Read.OGC_ITEMS), OGC_HAZARD_ITEM(Read.OGC_ITEM),
        OGC_GRID_ITEMS(Read.OGC_ITEMS), OGC_GRID_ITEM(Read.OGC_ITEM), OGC_BORDER_SEGMENTS(Read.OGC_ITEMS);

        private static final String OGC_ITEMS = "GET /ogc/collections/{collectionId}/items";
        private static final String OGC_ITEM = "GET /ogc/collections/{collectionId}/items/{featureId}";

        final String endpoint;

        Read(String endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** Each write of the matrix, with its endpoint: refused on a foreign record with nothing changed. */
    enum Write {
        DISPUTE_TRANSITION("POST /api/disputes/{id}/transitions"),
        DISPUTE_ASSIGNMENT("PUT /api/disputes/{id}/assignment"), DISPUTE_MEASURE("POST /api/disputes/{id}/measures"),
        DISPUTE_PHOTO("PUT /api/disputes/{id}/photo"), SITE_INSPECTION("POST /api/sites/{id}/inspections"),
        SITE_UPDATE("PUT /api/sites/{id}"), HAZARD_REVIEW("POST /api/hazards/{id}/reviews"),
        HAZARD_UPDATE("PUT /api/hazards/{id}"), SWEEP_FILING("POST /api/sweeps"),
        HOUSEHOLD_UPDATE("PUT /api/households/{id}"), HOUSEHOLD_MOVE("POST /api/households/{id}/moves"),
        HOUSEHOLD_MERIT("POST /api/households/{id}/merits"),
        HOUSEHOLD_MISCONDUCT("POST /api/households/{id}/misconduct"),
        HOUSEHOLD_CONFLICT("POST /api/households/{id}/conflicts"), HOUSEHOLD_IMPORT("POST /api/households/import");

        final String endpoint;

        Write(String endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** Creating a record: placed outside the caller's area it is refused ({@link #aRecordPlacedOutsideTheAreaIsRefused}). */
    static final Set<String> CREATES = Set.of("POST /api/disputes", "POST /api/sites", "POST /api/hazards",
            "POST /api/households", "POST /api/disputes/import");

    /**
     * Streams of the whole town, refused to every area-limited role ({@link #aWholeTownStreamIsRefusedToTheAreaLimited}):
     * a sensitive report of a foreign village cannot reach them.
     */
    static final Set<String> WHOLE_TOWN_STREAMS = Set.of("GET /api/disputes/events");

    /** Patrol plans, their GPX and tracks, and the weekly coverage: {@link #aForeignVillagesPatrolIsNotTheirs}. */
    static final Set<String> PATROL = Set.of("POST /api/patrol/plans", "POST /api/patrol/town-plans",
            "GET /api/patrol/plans", "GET /api/patrol/plans/{id}", "GET /api/patrol/plans/{id}/gpx",
            "POST /api/patrol/plans/{id}/tracks", "GET /api/patrol/plans/{id}/tracks", "GET /api/patrol/coverage");

    /**
     * Marking border zones and deploying sweep campaigns (the town office's alone) and the campaigns list (cut to
     * the villages one sees): {@link #townOfficeTools}.
     */
    static final Set<String> TOWN_OFFICE_TOOLS = Set.of("PATCH /api/border-segments/{id}",
            "POST /api/sweep-campaigns", "GET /api/sweep-campaigns");

    /** The sensitive zones' dispute counts and the disputes inside them: {@link #disputesInASensitiveZone}. */
    static final Set<String> BORDER_ZONES = Set.of("GET /api/border-zones", "GET /api/cross-border-disputes");

    /** The area module's reads: their own/foreign matrix is {@code area.AreaScopingContract}. */
    static final Set<String> AREA_MATRIX = Set.of("GET /api/villages", "GET /api/villages/{code}", "GET /api/grids",
            "GET /api/grids/{code}", "GET /api/buildings", "GET /api/locate", "GET /api/search");

    /** Endpoints that read or write nothing area-bound, each with the reason. */
    static final Map<String, String> NOT_AREA_BOUND = Map.ofEntries(
            Map.entry("ANY /error", "the problem+json error page"),
            Map.entry("GET /api/me", "the caller's own account"),
            Map.entry("GET /api/csrf", "sets the caller's CSRF cookie"),
            Map.entry("GET /api/map-settings", "display settings, the same for everyone"),
            Map.entry("GET /api/site-kinds", "code lists"),
            Map.entry("GET /api/hazard-terms", "code lists"),
            Map.entry("GET /api/town", "the town outline: public geography"),
            Map.entry("GET /api/roads", "base map (@Unbound)"),
            Map.entry("GET /api/water", "base map (@Unbound)"),
            Map.entry("GET /api/places", "base map (@Unbound)"),
            Map.entry("GET /api/neighbours", "neighbouring jurisdictions' outlines (@Unbound)"),
            Map.entry("GET /api/admin/audit", "ADMIN only; the audit log is @Unbound, read by role"),
            Map.entry("GET /api/admin/users", "ADMIN only; accounts are @Unbound"),
            Map.entry("POST /api/admin/users", "ADMIN only; accounts are @Unbound"),
            Map.entry("PATCH /api/admin/users/{id}", "ADMIN only; accounts are @Unbound"),
            Map.entry("POST /api/admin/users/{id}/password", "ADMIN only; accounts are @Unbound"),
            Map.entry("GET /api/me/tokens", "the caller's own tokens (@Unbound)"),
            Map.entry("POST /api/me/tokens", "the caller's own tokens (@Unbound)"),
            Map.entry("DELETE /api/me/tokens/{id}", "the caller's own tokens (@Unbound)"),
            Map.entry("GET /ogc", "OGC landing page: links only"),
            Map.entry("GET /ogc/", "OGC landing page: links only"),
            Map.entry("GET /ogc/conformance", "OGC conformance classes"),
            Map.entry("GET /ogc/api", "the OGC API's definition"),
            Map.entry("GET /ogc/collections", "the layers' ids, titles and the town's public extent"),
            Map.entry("GET /ogc/collections/{collectionId}", "one layer's title, description, public extent"),
            Map.entry("GET /api-docs", "the API's OpenAPI description (springdoc)"),
            Map.entry("GET /api-docs.yaml", "the API's OpenAPI description (springdoc)"),
            Map.entry("GET /api-docs/swagger-config", "the description's UI settings (springdoc)"),
            Map.entry("GET /api-docs.html", "redirect to the description's UI (springdoc)"));

    static final Map<String, String> USERS = Map.of("TOWN_OFFICE", DemoUsers.TOWN_OFFICE, "LEADER", DemoUsers.LEADER,
            "GRID_MANAGER", DemoUsers.GRID_MANAGER, "VILLAGE_CADRE", DemoUsers.VILLAGE_CADRE, "AUX_POLICE",
            DemoUsers.AUX_POLICE, "MEDIATOR", DemoUsers.MEDIATOR, "ADMIN", DemoUsers.ADMIN);
    static final Set<String> WHOLE_TOWN = Set.of("TOWN_OFFICE", "LEADER");
    static final Set<String> WITH_OWN_AREA = Set.of("TOWN_OFFICE", "LEADER", "GRID_MANAGER", "VILLAGE_CADRE",
            "AUX_POLICE");
    /** Records of a village as a whole (its weekly sweep): a grid manager's own grid is not enough. */
    static final Set<Read> WHOLE_VILLAGE_ONLY = Set.of(Read.SWEEP_LIST, Read.SWEEP_COMPLIANCE);
    /** The household archive itself (not its counts): never for the leadership, who see counts only. */
    static final Set<Read> HOUSEHOLD_ARCHIVE = Set.of(Read.HOUSEHOLD_LIST, Read.HOUSEHOLD_BY_ID,
            Read.HOUSEHOLD_EXPORT);
    /** Who keeps a household archive and may see its full values: the area's own cadre and grid manager. */
    static final Set<String> HOUSEHOLD_HANDLERS = Set.of("VILLAGE_CADRE", "GRID_MANAGER");
    /** The monthly meeting pack and its maps: for the leaders, the town office and village cadres only. */
    static final Set<Read> MEETING_READERS_ONLY = Set.of(Read.MEETING, Read.MEETING_XLSX, Read.HOTSPOT_DENSITY_MAP,
            Read.HOTSPOT_GI_MAP);
    /** Disputes planted per target in a month of its own: enough for a Gi* analysis (at least 30). */
    static final int PER_MONTH = 30;

    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static final List<Item> VILLAGES = TownDataset.read("villages");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers;

    /**
     * A dispute, site and hazard made by the town office in a grid; the village's sweep of a past week; a household
     * in the dispute's building made by the village's own cadre.
     */
    record Target(String village, String grid, long dispute, long site, long hazard, String situation, Point point,
            long household, String building) {
    }

    Target own;
    Target foreign;
    String ownGrid;
    /**
     * A month (1901–1908 for own, 1911–1918 for foreign: never within a year of each other) with {@link #PER_MONTH}
     * disputes in the target's grid and none anywhere else in the town a year either side: whatever an aggregate of
     * that month counts for a user is the target's, so a count above zero means the target's disputes reached them.
     */
    YearMonth ownMonth;
    YearMonth foreignMonth;
    /**
     * A dispute of the town office inside one border zone: for own in the own grid, for foreign in the other
     * village along it, each in a month of its own (1921–1928 for own, 1931–1938 for foreign) with no other
     * dispute in the town.
     */
    record BorderDispute(long id, String village, YearMonth month) {
    }

    BorderDispute ownBorder;
    BorderDispute foreignBorder;
    /** The segment in whose zone both lie; a village boundary is marked sensitive only while it is read. */
    long borderSegment;
    boolean borderSegmentIsTowns;

    @BeforeAll
    void createRecords() throws Exception {
        ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        String foreignGrid = GRIDS.stream().map(Item::code).filter(c -> !c.startsWith(ownGrid.substring(0, 12)))
                .filter(c -> BUILDINGS.stream().anyMatch(b -> b.code().startsWith(c))).findFirst().orElseThrow();
        own = create(ownGrid, 3);
        foreign = create(foreignGrid, 4);
        for (Target t : List.of(own, foreign)) { // the photo the download case reads
            assertThat(write(DemoUsers.TOWN_OFFICE, Write.DISPUTE_PHOTO, t).getStatus()).isEqualTo(204);
        }
        ownMonth = plantMonth(own, 1901);
        foreignMonth = plantMonth(foreign, 1911);
        plantBorderDisputes();
    }

    private void plantBorderDisputes() throws Exception {
        JsonNode segments = json(DemoUsers.TOWN_OFFICE, "/api/border-segments").get("features");
        // a town-border zone (always sensitive) first; else a boundary of the own village, marked while read
        List<JsonNode> candidates = new ArrayList<>();
        segments.forEach(s -> {
            if (s.get("properties").get("kind").asString().equals("TOWN")) {
                candidates.add(s);
            }
        });
        segments.forEach(s -> {
            if (s.get("properties").get("kind").asString().equals("VILLAGE")
                    && villageCodes(s).contains(own.village())) {
                candidates.add(s);
            }
        });
        Geometry ownArea = GRIDS.stream().filter(g -> g.code().equals(ownGrid)).findFirst().orElseThrow().geometry();
        for (JsonNode segment : candidates) {
            Point ownAt = insideBoth(ownArea, segment);
            if (ownAt == null) {
                continue;
            }
            for (String code : villageCodes(segment)) {
                if (code.equals(own.village())) {
                    continue;
                }
                Item village = VILLAGES.stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow();
                Point foreignAt = insideBoth(village.geometry(), segment);
                if (foreignAt != null) {
                    borderSegment = segment.get("id").asLong();
                    borderSegmentIsTowns = segment.get("properties").get("kind").asString().equals("TOWN");
                    ownBorder = plantBorder(ownAt, own.village(), 1921);
                    foreignBorder = plantBorder(foreignAt, code, 1931);
                    // where they were meant to be: the own one in the own grid, the foreign one in the other village
                    assertThat(jdbc.queryForObject("select grid_code from dispute where id = ?", String.class,
                            ownBorder.id())).isEqualTo(ownGrid);
                    assertThat(jdbc.queryForObject("select village_code from dispute where id = ?", String.class,
                            foreignBorder.id())).isEqualTo(code);
                    return;
                }
            }
        }
        throw new AssertionError("no border zone holds both the own grid " + ownGrid + " and another village");
    }

    private static List<String> villageCodes(JsonNode segment) {
        List<String> codes = new ArrayList<>();
        segment.get("properties").get("villageCodes").forEach(c -> codes.add(c.asString()));
        return codes;
    }

    /** A point well inside both the area and the segment's zone (20 m from either's edge), or null. */
    private static Point insideBoth(Geometry lngLatArea, JsonNode segment) throws Exception {
        Geometry line = new org.locationtech.jts.io.geojson.GeoJsonReader(Wgs84.FACTORY).read(segment
                .get("geometry").toString());
        line.setSRID(Wgs84.SRID);
        Geometry area = lngLatArea.copy();
        area.setSRID(Wgs84.SRID);
        Geometry zone = MetricProjection.toMetric(line).buffer(segment.get("properties").get("zoneWidthM").asInt()
                - 20);
        Geometry inner = MetricProjection.toMetric(area).buffer(-20).intersection(zone);
        if (inner.isEmpty()) {
            return null;
        }
        Geometry at = MetricProjection.toLngLat(inner.getInteriorPoint());
        return Wgs84.point(at.getCoordinate().x, at.getCoordinate().y);
    }

    /** A free month of {@code firstYear}..+7 (no dispute in the town), then the town office's dispute at {@code p}. */
    private BorderDispute plantBorder(Point p, String village, int firstYear) throws Exception {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 30; attempt++) {
            YearMonth m = YearMonth.of(firstYear + random.nextInt(8), 1 + random.nextInt(12));
            if (sum(json(DemoUsers.TOWN_OFFICE, "/api/hotspots/rates?month=" + m).get("grids"), "disputes") > 0) {
                continue; // planted by an earlier run on this database
            }
            Map<String, Object> dispute = new LinkedHashMap<>();
            dispute.put("lng", p.getX());
            dispute.put("lat", p.getY());
            dispute.put("type", "NEIGHBOURS");
            dispute.put("severity", "ORDINARY");
            dispute.put("source", "SWEEP");
            dispute.put("situation", "范围测试边界" + m);
            dispute.put("sweptOn", m.atDay(10).toString());
            dispute.put("occurredOn", m.atDay(10).toString());
            dispute.put("parties", List.of(Map.of("name", "钱七", "phone", "13811114444")));
            return new BorderDispute(created(postJson(DemoUsers.TOWN_OFFICE, "/api/disputes", dispute)).get("id")
                    .asLong(), village, m);
        }
        throw new AssertionError("no free month from " + firstYear);
    }

    private String borderPeriod(BorderDispute d) {
        return "from=" + d.month().atDay(1) + "&to=" + d.month().atEndOfMonth();
    }

    private YearMonth month(Target t) {
        return t == own ? ownMonth : foreignMonth;
    }

    /** A month of {@code firstYear}..+7 free a year either side (as the town office sees it), then its disputes. */
    private YearMonth plantMonth(Target t, int firstYear) throws Exception {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 30; attempt++) {
            YearMonth m = YearMonth.of(firstYear + random.nextInt(8), 1 + random.nextInt(12));
            int around = 0;
            for (JsonNode g : json(DemoUsers.TOWN_OFFICE, "/api/hotspots/rates?from=" + m.minusMonths(12).atDay(1)
                    + "&to=" + m.plusMonths(12).atEndOfMonth()).get("grids")) {
                around += g.get("disputes").asInt();
            }
            if (around > 0) {
                continue; // planted by an earlier run on this database
            }
            List<Item> inGrid = BUILDINGS.stream().filter(b -> b.code().startsWith(t.grid())).toList();
            for (int k = 0; k < PER_MONTH; k++) {
                Point p = inGrid.get(k % inGrid.size()).geometry().getInteriorPoint();
                Map<String, Object> dispute = new LinkedHashMap<>();
                dispute.put("lng", p.getX());
                dispute.put("lat", p.getY());
                dispute.put("type", "NEIGHBOURS");
                dispute.put("severity", "ORDINARY");
                dispute.put("source", "SWEEP");
                dispute.put("situation", "范围测试月" + m);
                dispute.put("sweptOn", m.atDay(1 + k % 28).toString());
                dispute.put("occurredOn", m.atDay(1 + k % 28).toString());
                dispute.put("parties", List.of(Map.of("name", "赵六", "phone", "13811113333")));
                created(postJson(DemoUsers.TOWN_OFFICE, "/api/disputes", dispute));
            }
            return m;
        }
        throw new AssertionError("no free month from " + firstYear);
    }

    static Stream<Arguments> reads() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : USERS.keySet().stream().sorted().toList()) {
            for (Read read : Read.values()) {
                for (boolean ownCase : new boolean[] { true, false }) {
                    boolean visible = ownCase ? WITH_OWN_AREA.contains(role) : WHOLE_TOWN.contains(role);
                    if (WHOLE_VILLAGE_ONLY.contains(read) && role.equals("GRID_MANAGER")) {
                        visible = false;
                    }
                    if (HOUSEHOLD_ARCHIVE.contains(read) && role.equals("LEADER")) {
                        visible = false;
                    }
                    if (read == Read.HOUSEHOLD_REVEAL) {
                        visible = ownCase && HOUSEHOLD_HANDLERS.contains(role);
                    }
                    if (MEETING_READERS_ONLY.contains(read) && Set.of("GRID_MANAGER", "AUX_POLICE").contains(role)) {
                        visible = false;
                    }
                    cases.add(Arguments.of(role, read, ownCase ? "OWN" : "FOREIGN", visible));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} → visible={3}")
    @MethodSource("reads")
    void eachRoleReadsExactlyItsArea(String role, Read read, String which, boolean expected) throws Exception {
        Target t = which.equals("OWN") ? own : foreign;
        assertThat(sees(USERS.get(role), read, t)).as("%s %s %s", role, read, which).isEqualTo(expected);
    }

    static Stream<Arguments> foreignWrites() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : USERS.keySet().stream().sorted().filter(r -> !WHOLE_TOWN.contains(r)).toList()) {
            for (Write write : Write.values()) {
                cases.add(Arguments.of(role, write));
            }
        }
        return cases.stream();
    }

    /** Every area-limited role, every write, on a foreign record: 403 or 404 (never 2xx), and nothing changes. */
    @ParameterizedTest(name = "{0} {1} on a foreign record → refused, unchanged")
    @MethodSource("foreignWrites")
    void foreignWritesAreRefusedAndChangeNothing(String role, Write write) throws Exception {
        String before = fingerprint();
        MockHttpServletResponse response = write(USERS.get(role), write, foreign);
        assertThat(response.getStatus()).as("%s %s: %s", role, write, response.getContentAsString())
                .isIn(400, 403, 404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(fingerprint()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void ownWritesByTheAreasHandlersSucceed() throws Exception {
        Target fresh = create(own.grid(), 5);
        assertThat(write(DemoUsers.VILLAGE_CADRE, Write.DISPUTE_TRANSITION, fresh).getStatus()).isEqualTo(200);
        assertThat(write(DemoUsers.GRID_MANAGER, Write.HAZARD_REVIEW, fresh).getStatus()).isEqualTo(200);
        assertThat(write(DemoUsers.GRID_MANAGER, Write.SITE_INSPECTION, fresh).getStatus()).isIn(200, 201);
        assertThat(write(DemoUsers.TOWN_OFFICE, Write.DISPUTE_ASSIGNMENT, create(foreign.grid(), 6)).getStatus())
                .isEqualTo(200);
        assertThat(write(DemoUsers.VILLAGE_CADRE, Write.DISPUTE_MEASURE, fresh).getStatus()).isEqualTo(200);
        assertThat(write(DemoUsers.GRID_MANAGER, Write.DISPUTE_PHOTO, fresh).getStatus()).isEqualTo(204);
        assertThat(write(DemoUsers.TOWN_OFFICE, Write.SITE_UPDATE, fresh).getStatus()).isEqualTo(200);
        assertThat(write(DemoUsers.GRID_MANAGER, Write.HAZARD_UPDATE, fresh).getStatus()).isEqualTo(200);
        assertThat(write(DemoUsers.GRID_MANAGER, Write.HOUSEHOLD_MERIT, fresh).getStatus()).isEqualTo(201);
        assertThat(write(DemoUsers.VILLAGE_CADRE, Write.HOUSEHOLD_MISCONDUCT, fresh).getStatus()).isEqualTo(201);
        assertThat(write(DemoUsers.GRID_MANAGER, Write.HOUSEHOLD_CONFLICT, fresh).getStatus()).isEqualTo(201);
        assertThat(write(DemoUsers.VILLAGE_CADRE, Write.HOUSEHOLD_MOVE, fresh).getStatus()).isEqualTo(201);
        assertThat(write(DemoUsers.GRID_MANAGER, Write.HOUSEHOLD_UPDATE, fresh).getStatus()).isEqualTo(200);
        MockHttpServletResponse imported = write(DemoUsers.GRID_MANAGER, Write.HOUSEHOLD_IMPORT, fresh);
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
        assertThat(postJson(DemoUsers.GRID_MANAGER, "/api/households", household(fresh.building())).getStatus())
                .isEqualTo(201);
    }

    /** A dispute, site or hazard placed in a foreign village by an area-limited user: refused, nothing added. */
    @ParameterizedTest(name = "{0} creates outside their area → refused")
    @MethodSource("areaLimitedRoles")
    void aRecordPlacedOutsideTheAreaIsRefused(String role) throws Exception {
        String before = fingerprint() + count("dispute") + count("safety_site") + count("hazard")
                + count("household");
        Point p = foreign.point();
        Map<String, Object> geometry = Map.of("type", "Point", "coordinates", List.of(p.getX(), p.getY()));
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("lng", p.getX());
        dispute.put("lat", p.getY());
        dispute.put("type", "NEIGHBOURS");
        dispute.put("severity", "ORDINARY");
        dispute.put("source", "SWEEP");
        dispute.put("situation", "越界登记" + role);
        List<MockHttpServletResponse> answers = List.of(postJson(USERS.get(role), "/api/disputes", dispute),
                postJson(USERS.get(role), "/api/sites", Map.of("kind", "ENTERPRISE", "name", "越界企业", "status",
                        "BUILDING", "geometry", geometry)),
                postJson(USERS.get(role), "/api/hazards", Map.of("category", "OTHER", "title", "越界隐患", "level",
                        "GENERAL", "owner", "测试", "reviewDue", LocalDate.now().plusMonths(1).toString(), "location",
                        geometry)),
                postJson(USERS.get(role), "/api/households", household(foreign.building())));
        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).as("%s: %s", role, answer.getContentAsString()).isIn(400, 403, 404);
            assertThat(answer.getContentType()).startsWith("application/problem+json");
        }
        assertThat(fingerprint() + count("dispute") + count("safety_site") + count("hazard") + count("household"))
                .isEqualTo(before);
    }

    /**
     * The 排查表 import: a sheet with a row in the foreign village is refused whole by every area-limited role, even
     * with a good row of their own beside it, and nothing is written; the same sheet is the town office's to import.
     */
    @ParameterizedTest(name = "{0} imports a sheet with a foreign row → refused, nothing written")
    @MethodSource("areaLimitedRoles")
    void aSheetWithARowOutsideTheAreaImportsNothing(String role) throws Exception {
        String before = fingerprint() + count("dispute");
        MockHttpServletResponse answer = importSheet(USERS.get(role), sheetOf(own, foreign, "越界导入" + role));
        assertThat(answer.getStatus()).as("%s: %s", role, answer.getContentAsString()).isIn(400, 403, 404);
        assertThat(answer.getContentType()).startsWith("application/problem+json");
        assertThat(fingerprint() + count("dispute")).isEqualTo(before);
    }

    /** 即时上报 goes to the town office and the leaders; an area-limited subscription is a 403, so nothing reaches it. */
    @ParameterizedTest(name = "{0} subscribes to the sensitive reports")
    @MethodSource("roles")
    void aWholeTownStreamIsRefusedToTheAreaLimited(String role) throws Exception {
        org.springframework.test.web.servlet.MvcResult result = mvc.perform(get("/api/disputes/events")
                .with(DemoUsers.as(users, USERS.get(role)))).andReturn();
        if (WHOLE_TOWN.contains(role)) {
            assertThat(result.getRequest().isAsyncStarted()).isTrue();
            assertThat(result.getResponse().getContentAsString()).contains("event:ready");
            result.getRequest().getAsyncContext().complete(); // unsubscribes
        } else {
            assertThat(result.getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        }
    }

    private Long foreignPlan;

    /** The town office's patrol plan for the foreign village (made once), read by the leaders. */
    private synchronized long foreignPlan() throws Exception {
        if (foreignPlan == null) {
            foreignPlan = created(postJson(DemoUsers.TOWN_OFFICE, "/api/patrol/plans", shift(foreign.village())))
                    .get("id").asLong();
            assertThat(status(DemoUsers.LEADER, "/api/patrol/plans/" + foreignPlan)).isEqualTo(200);
            assertThat(status(DemoUsers.LEADER, "/api/patrol/plans/" + foreignPlan + "/gpx")).isEqualTo(200);
            assertThat(status(DemoUsers.LEADER, "/api/patrol/coverage")).isEqualTo(200);
        }
        return foreignPlan;
    }

    private static Map<String, Object> shift(String village) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", LocalDate.now().plusDays(1).toString());
        body.put("start", "08:00");
        body.put("lengthMinutes", 60);
        body.put("mode", "CAR");
        if (village != null) {
            body.put("village", village);
        }
        return body;
    }

    /**
     * Every area-limited role and the foreign village's patrol: planning it (or the whole town) is refused with no
     * plan added, its plan, GPX and tracks are 403/404 and absent from their list, a track cannot be added to it,
     * and the town-wide coverage table is not theirs.
     */
    @ParameterizedTest(name = "{0} and a foreign village's patrol → refused, nothing added")
    @MethodSource("areaLimitedRoles")
    void aForeignVillagesPatrolIsNotTheirs(String role) throws Exception {
        String user = USERS.get(role);
        long plan = foreignPlan();
        String gpx = mvc.perform(get("/api/patrol/plans/" + plan + "/gpx").with(DemoUsers.as(users,
                DemoUsers.TOWN_OFFICE))).andReturn().getResponse().getContentAsString();
        long plans = count("patrol_plan");
        long tracks = count("patrol_track");
        List<MockHttpServletResponse> refused = new ArrayList<>(List.of(
                postJson(user, "/api/patrol/plans", shift(foreign.village())),
                postJson(user, "/api/patrol/town-plans", shift(null)),
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/patrol/plans/" + plan + "/tracks")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "track.gpx",
                                "application/gpx+xml", gpx.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(DemoUsers.as(users, user)).with(BrowserCsrf.token())).andReturn().getResponse()));
        for (String url : List.of("/api/patrol/plans/" + plan, "/api/patrol/plans/" + plan + "/gpx",
                "/api/patrol/plans/" + plan + "/tracks", "/api/patrol/coverage")) {
            refused.add(mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse());
        }
        for (MockHttpServletResponse answer : refused) {
            assertThat(answer.getStatus()).as("%s: %s", role, answer.getContentAsString()).isIn(403, 404);
            assertThat(answer.getContentType()).startsWith("application/problem+json");
        }
        MockHttpServletResponse list = mvc.perform(get("/api/patrol/plans").with(DemoUsers.as(users, user)))
                .andReturn().getResponse();
        if (list.getStatus() == 200) {
            List<Long> listed = new ArrayList<>();
            JSON.readTree(list.getContentAsString()).forEach(p -> listed.add(p.get("id").asLong()));
            assertThat(listed).as(role).doesNotContain(plan);
        } else {
            assertThat(list.getStatus()).isEqualTo(403);
        }
        assertThat(count("patrol_plan")).isEqualTo(plans);
        assertThat(count("patrol_track")).isEqualTo(tracks);
    }

    private List<Long> campaigns;

    /** Two sweep campaigns of the town office (made once): the own village's and the foreign village's. */
    private synchronized List<Long> campaigns() throws Exception {
        if (campaigns == null) {
            List<Long> made = new ArrayList<>();
            for (Target t : List.of(own, foreign)) {
                made.add(created(postJson(DemoUsers.TOWN_OFFICE, "/api/sweep-campaigns", Map.of("name",
                        "范围测试专题" + t.village(), "startsOn", "2026-01-05", "endsOn", "2026-01-25", "villages",
                        List.of(t.village())))).get("id").asLong());
            }
            campaigns = made;
        }
        return campaigns;
    }

    /**
     * Marking border zones and deploying sweep campaigns are the town office's: every other role is refused with
     * nothing changed. The campaigns list shows a village's campaign to those who see the village, and only them.
     */
    @ParameterizedTest(name = "{0} and the town office's tools")
    @MethodSource("roles")
    void townOfficeTools(String role) throws Exception {
        String user = USERS.get(role);
        List<Long> made = campaigns();
        List<Long> listed = new ArrayList<>();
        MockHttpServletResponse list = mvc.perform(get("/api/sweep-campaigns").with(DemoUsers.as(users, user)))
                .andReturn().getResponse();
        if (list.getStatus() == 200) {
            JSON.readTree(list.getContentAsString()).forEach(c -> listed.add(c.get("id").asLong()));
        } else {
            assertThat(list.getStatus()).as(role).isEqualTo(403);
        }
        assertThat(listed.contains(made.get(1))).as("%s sees the foreign village's campaign", role)
                .isEqualTo(WHOLE_TOWN.contains(role));
        if (Set.of("VILLAGE_CADRE", "AUX_POLICE").contains(role) || WHOLE_TOWN.contains(role)) {
            assertThat(listed).as("%s sees their village's campaign", role).contains(made.get(0));
        }
        if (role.equals("TOWN_OFFICE")) {
            return;
        }
        long segment = jdbc.queryForObject("select min(id) from border_segment", Long.class);
        String before = segmentsAndCampaigns();
        List<MockHttpServletResponse> refused = List.of(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .patch("/api/border-segments/" + segment).with(DemoUsers.as(users, user))
                        .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("sensitive", true, "zoneWidthM", 200))))
                        .andReturn().getResponse(),
                postJson(user, "/api/sweep-campaigns", Map.of("name", "越权专题" + role, "startsOn", "2026-01-05",
                        "endsOn", "2026-01-25", "villages", List.of(own.village()))));
        for (MockHttpServletResponse answer : refused) {
            assertThat(answer.getStatus()).as("%s: %s", role, answer.getContentAsString()).isEqualTo(403);
            assertThat(answer.getContentType()).startsWith("application/problem+json");
        }
        assertThat(segmentsAndCampaigns()).as("nothing changed").isEqualTo(before);
    }

    /**
     * The planted disputes in a sensitive zone: each role lists the one of its own area and never the foreign
     * one, and the zones' dispute counts it sees for the foreign dispute's month stay at zero (the zone itself
     * listed to those who see it); the town office and the leaders list and count both. A village boundary used
     * for them is marked sensitive for this test only and restored after.
     */
    @ParameterizedTest(name = "{0} and the disputes in a sensitive zone")
    @MethodSource("roles")
    void disputesInASensitiveZone(String role) throws Exception {
        String user = USERS.get(role);
        boolean ownVisible = WITH_OWN_AREA.contains(role);
        boolean foreignVisible = WHOLE_TOWN.contains(role);
        boolean wasSensitive = segmentSensitive();
        try {
            if (!wasSensitive) {
                markSensitive(true);
            }
            assertThat(crossBorderListed(user, ownBorder)).as("%s lists the own one", role).isEqualTo(ownVisible);
            assertThat(crossBorderListed(user, foreignBorder)).as("%s lists the foreign one", role)
                    .isEqualTo(foreignVisible);
            Map<Long, Integer> ownCounts = zoneCounts(user, ownBorder);
            Map<Long, Integer> foreignCounts = zoneCounts(user, foreignBorder);
            assertThat(ownCounts.values().stream().mapToInt(Integer::intValue).sum() > 0).as("%s counts own", role)
                    .isEqualTo(ownVisible);
            assertThat(foreignCounts.values().stream().mapToInt(Integer::intValue).sum() > 0)
                    .as("%s counts foreign", role).isEqualTo(foreignVisible);
            if (ownVisible) { // the zone both lie in is theirs: the foreign one is left out of its count, not hidden
                assertThat(ownCounts).as(role).containsEntry(borderSegment, 1);
                assertThat(foreignCounts).as(role).containsEntry(borderSegment, foreignVisible ? 1 : 0);
            }
        } finally {
            if (!wasSensitive) {
                markSensitive(false);
            }
        }
        assertThat(segmentSensitive()).isEqualTo(wasSensitive);
    }

    private boolean segmentSensitive() {
        return jdbc.queryForObject("select sensitive from border_segment where id = ?", Boolean.class,
                borderSegment);
    }

    private void markSensitive(boolean sensitive) throws Exception {
        assertThat(borderSegmentIsTowns).as("the town border is always sensitive").isFalse();
        MockHttpServletResponse r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .patch("/api/border-segments/" + borderSegment).with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("sensitive", sensitive)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    }

    /** Whether the user's cross-border list of the dispute's month holds it (and nothing else of that month). */
    private boolean crossBorderListed(String user, BorderDispute d) throws Exception {
        MockHttpServletResponse r = getAs(user, "/api/cross-border-disputes?" + borderPeriod(d));
        if (r.getStatus() == 403) {
            assertThat(r.getContentType()).startsWith("application/problem+json");
            return false;
        }
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        boolean listed = false;
        for (JsonNode row : JSON.readTree(r.getContentAsString())) {
            assertThat(row.get("id").asLong()).as("only the month's planted dispute").isEqualTo(d.id());
            assertThat(row.get("crossBorder").asBoolean()).isTrue();
            assertThat(field(row.get("villages"), "code")).contains(d.village());
            listed = true;
        }
        return listed;
    }

    /** The disputeCount of each sensitive zone the user sees, for the dispute's month. */
    private Map<Long, Integer> zoneCounts(String user, BorderDispute d) throws Exception {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (JsonNode zone : json(user, "/api/border-zones?" + borderPeriod(d)).get("features")) {
            int count = zone.get("properties").get("disputeCount").asInt();
            assertThat(count).as("the month holds one dispute").isBetween(0, 1);
            counts.put(zone.get("id").asLong(), count);
        }
        return counts;
    }

    private String segmentsAndCampaigns() {
        return jdbc.queryForList("select id, sensitive, zone_width_m, updated_at from border_segment order by id")
                + " " + count("sweep_campaign");
    }

    static Stream<String> roles() {
        return USERS.keySet().stream().sorted();
    }

    @Test
    void theTownOfficeImportsASheetAcrossVillages() throws Exception {
        long before = count("dispute");
        MockHttpServletResponse answer = importSheet(DemoUsers.TOWN_OFFICE, sheetOf(own, foreign, "镇导入"));
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isIn(200, 201);
        assertThat(count("dispute")).isEqualTo(before + 2);
    }

    /** A sheet (the export's headers) with one row at {@code a}'s point and one at {@code b}'s, in March 2024. */
    private static byte[] sheetOf(Target a, Target b, String situation) throws Exception {
        List<String> headers = List.of("排查时间", "村名", "排查单位或排查人", "矛盾情况", "化解措施", "备注", "类型", "等级", "状态",
                "网格", "经度", "纬度", "楼栋代码");
        try (XSSFWorkbook book = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet();
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            List<Target> at = List.of(a, b);
            for (int r = 0; r < at.size(); r++) {
                Point p = at.get(r).point();
                List<String> cells = List.of("2024-03-0" + (r + 1), "", "网格员", situation + r, "", "", "邻里", "一般",
                        "", "", String.valueOf(p.getX()), String.valueOf(p.getY()), "");
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private MockHttpServletResponse importSheet(String user, byte[] xlsx) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/disputes/import").file(new org.springframework.mock.web.MockMultipartFile("file",
                        "排查表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
                .with(DemoUsers.as(users, user)).with(BrowserCsrf.token())).andReturn().getResponse();
    }

    static Stream<String> areaLimitedRoles() {
        return USERS.keySet().stream().sorted().filter(r -> !WHOLE_TOWN.contains(r));
    }

    /**
     * Every handler method of the application is either a case of this matrix (or the area matrix), or listed with
     * its reason: a new endpoint cannot slip in without its own/foreign case.
     */
    @Test
    void everyEndpointIsInTheMatrixOrListedWithItsReason() {
        Set<String> mapped = new java.util.TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            methods.forEach(m -> info.getPatternValues().forEach(pattern -> mapped.add(m + " " + pattern)));
        });
        Set<String> listed = new java.util.TreeSet<>();
        Stream.of(Read.values()).forEach(r -> listed.add(r.endpoint));
        Stream.of(Write.values()).forEach(w -> listed.add(w.endpoint));
        listed.addAll(CREATES);
        listed.addAll(WHOLE_TOWN_STREAMS);
        listed.addAll(PATROL);
        listed.addAll(TOWN_OFFICE_TOOLS);
        listed.addAll(BORDER_ZONES);
        listed.addAll(AREA_MATRIX);
        listed.addAll(NOT_AREA_BOUND.keySet());
        List<String> missing = mapped.stream().filter(e -> !listed.contains(e)).map(e -> e
                + " — if it reads or writes area-bound rows, add a Read or Write constant with this endpoint to"
                + " ModuleScopingContract and its own/foreign case in sees()/write(); if it does not, add it to"
                + " ModuleScopingContract.NOT_AREA_BOUND with the reason").toList();
        assertThat(missing).as("endpoints outside the scoping matrix").isEmpty();
        assertThat(listed.stream().filter(e -> !mapped.contains(e)).toList())
                .as("listed in ModuleScopingContract but no longer mapped: remove them").isEmpty();
    }

    /** Brings a new dispute of {@code t}'s grid to 调处中, where it may be referred. */
    private long mediating(Target t, int k) throws Exception {
        long id = create(t.grid(), k).dispute();
        for (String action : List.of("ACCEPT", "START_MEDIATION")) {
            assertThat(transition(DemoUsers.TOWN_OFFICE, id, Map.of("action", action)).getStatus()).isEqualTo(200);
        }
        return id;
    }

    /** "-" was once the scope's own placeholder for "no referral unit": a case referred to it leaked to everyone. */
    @Test
    void aPlaceholderLikeReferralUnitReachesNobody() throws Exception {
        long id = mediating(foreign, 7);
        MockHttpServletResponse referred = transition(DemoUsers.TOWN_OFFICE, id,
                Map.of("action", "REFER", "channel", "JUSTICE_OFFICE", "unit", "-"));
        if (referred.getStatus() == 200) {
            for (String user : List.of(DemoUsers.VILLAGE_CADRE, DemoUsers.GRID_MANAGER, DemoUsers.AUX_POLICE,
                    DemoUsers.MEDIATOR, DemoUsers.ADMIN)) {
                assertThat(status(user, "/api/disputes/" + id)).as(user).isEqualTo(404);
                assertThat(ids(json(user, "/api/disputes"))).as(user).doesNotContain(id);
                assertThat(transition(user, id, Map.of("action", "RESOLVE")).getStatus()).as(user).isIn(403, 404);
            }
        } else {
            assertThat(referred.getStatus()).isEqualTo(400); // refusing such a unit outright is as good
        }
    }

    @Test
    void aMediatorSeesTheCasesReferredToTheirUnitAndNoOthers() throws Exception {
        long id = mediating(foreign, 8);
        MockHttpServletResponse referred = transition(DemoUsers.TOWN_OFFICE, id,
                Map.of("action", "REFER", "channel", "JUSTICE_OFFICE", "unit", "大栗港司法所"));
        assertThat(referred.getStatus()).as(referred.getContentAsString()).isEqualTo(200);
        assertThat(status(DemoUsers.MEDIATOR, "/api/disputes/" + id)).isEqualTo(200);
        assertThat(ids(json(DemoUsers.MEDIATOR, "/api/disputes"))).contains(id).doesNotContain(foreign.dispute());
        assertThat(status(DemoUsers.MEDIATOR, "/api/disputes/" + foreign.dispute())).isEqualTo(404);
        assertThat(status(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + id)).as("a referral is no window for others")
                .isEqualTo(404);
    }

    /** A grid manager's view of their village is for orientation: the village's weekly sweep is not theirs. */
    @Test
    void aGridManagerCannotFileTheVillagesSweep() throws Exception {
        long before = count("sweep");
        MockHttpServletResponse filed = postJson(DemoUsers.GRID_MANAGER, "/api/sweeps", Map.of("kind",
                "VILLAGE_WEEKLY", "village", own.village(), "period", "2026-W02", "zeroReport", true));
        assertThat(filed.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(filed.getContentAsString()).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("village");
        assertThat(count("sweep")).isEqualTo(before);
    }

    private boolean sees(String user, Read read, Target t) throws Exception {
        return switch (read) {
            case DISPUTE_LIST -> ids(json(user, "/api/disputes")).contains(t.dispute());
            case DISPUTE_BY_ID -> found(user, "/api/disputes/" + t.dispute());
            case DISPUTE_CLUSTERS -> codes(json(user, "/api/disputes/clusters?zoom=14")).contains(t.grid());
            case DISPUTE_EXPORT -> exported(user).contains(t.situation());
            case DISPUTE_NEARBY -> {
                JsonNode nearby = jsonOrRefused(user, "/api/disputes/nearby?type=NEIGHBOURS&lng=" + t.point().getX()
                        + "&lat=" + t.point().getY());
                List<Long> ids = new ArrayList<>();
                nearby.forEach(d -> ids.add(d.get("id").asLong()));
                yield ids.contains(t.dispute());
            }
            case DISPUTE_PHOTO_DOWNLOAD -> {
                MockHttpServletResponse photo = mvc.perform(get("/api/disputes/" + t.dispute() + "/photo")
                        .with(DemoUsers.as(users, user))).andReturn().getResponse();
                assertThat(photo.getStatus()).isIn(200, 403, 404);
                if (photo.getStatus() != 200) {
                    assertThat(photo.getContentType()).startsWith("application/problem+json");
                    yield false;
                }
                assertThat(photo.getContentAsByteArray()).isEqualTo(JPEG);
                yield true;
            }
            case BORDER_CHECK -> found(user, "/api/border-check?lng=" + t.point().getX() + "&lat=" + t.point().getY());
            case SITE_LIST -> ids(json(user, "/api/sites")).contains(t.site());
            case SITE_BY_ID -> found(user, "/api/sites/" + t.site());
            case SITE_SCORECARDS -> field(json(user, "/api/site-scorecards"), "villageCode").contains(t.village());
            case HAZARD_LIST -> ids(json(user, "/api/hazards")).contains(t.hazard());
            case HAZARD_BY_ID -> found(user, "/api/hazards/" + t.hazard());
            case SWEEP_LIST -> field(json(user, "/api/sweeps?from=2025-12-01&to=2026-01-31"), "village")
                    .contains(t.village());
            case SWEEP_COMPLIANCE -> field(json(user, "/api/sweeps/compliance?week=2026-W01").get("villages"),
                    "code").contains(t.village());
            case KPI_ROWS -> field(json(user, "/api/kpis").get("villages"), "code").contains(t.village());
            case DISPUTE_TILE -> disputeTile(user, t).stream().map(MvtTile.Feature::id).toList().contains(t.dispute());
            case HOUSEHOLD_LIST -> {
                MockHttpServletResponse r = getAs(user, "/api/households");
                List<Long> ids = new ArrayList<>();
                if (r.getStatus() == 200) {
                    JSON.readTree(r.getContentAsString()).get("households").forEach(h -> ids.add(h.get("id").asLong()));
                } else {
                    assertThat(r.getStatus()).as(user).isEqualTo(403); // a role that sees counts only
                }
                yield ids.contains(t.household());
            }
            case HOUSEHOLD_BY_ID -> found(user, "/api/households/" + t.household());
            case HOUSEHOLD_COUNTS -> json(user, "/api/households/counts?building=" + t.building()).get("households")
                    .asLong() > 0;
            case HOUSEHOLD_EXPORT -> {
                MockHttpServletResponse r = getAs(user, "/api/households/export.xlsx");
                yield r.getStatus() == 200 && sheetText(r).contains(t.building());
            }
            case HOUSEHOLD_REVEAL -> {
                MockHttpServletResponse r = postJson(user, "/api/households/" + t.household() + "/reveal",
                        Map.of("reason", "范围测试"));
                assertThat(r.getStatus()).as(user).isIn(200, 403, 404);
                yield r.getStatus() == 200;
            }
            case BORDER_SEGMENTS -> {
                List<String> along = new ArrayList<>();
                json(user, "/api/border-segments").get("features").forEach(f -> f.get("properties")
                        .get("villageCodes").forEach(c -> along.add(c.asString())));
                yield along.contains(t.village());
            }
            case OGC_DISPUTE_ITEMS -> ogcIds(user, "disputes").contains(String.valueOf(t.dispute()));
            case OGC_DISPUTE_ITEM -> found(user, "/ogc/collections/disputes/items/" + t.dispute());
            case OGC_SITE_ITEMS -> ogcIds(user, "sites").contains(String.valueOf(t.site()));
            case OGC_SITE_ITEM -> found(user, "/ogc/collections/sites/items/" + t.site());
            case OGC_HAZARD_ITEMS -> ogcIds(user, "hazards").contains(String.valueOf(t.hazard()));
            case OGC_HAZARD_ITEM -> found(user, "/ogc/collections/hazards/items/" + t.hazard());
            case OGC_GRID_ITEMS -> ogcIds(user, "grids").contains(t.grid());
            case OGC_GRID_ITEM -> found(user, "/ogc/collections/grids/items/" + t.grid());
            case OGC_BORDER_SEGMENTS -> {
                List<String> along = new ArrayList<>();
                json(user, "/ogc/collections/border-segments/items?limit=5000").get("features").forEach(f -> along
                        .addAll(List.of(f.get("properties").get("villageCodes").asString().split(","))));
                yield along.contains(t.village());
            }
            default -> counted(user, read, t) > 0;
        };
    }

    /** A village user's dispute tile over a foreign village's dispute holds none of that village's disputes. */
    @Test
    void aVillageUsersDisputeTileOverAForeignVillageHoldsNoneOfItsFeatures() throws Exception {
        for (String user : List.of(DemoUsers.VILLAGE_CADRE, DemoUsers.GRID_MANAGER, DemoUsers.AUX_POLICE)) {
            for (MvtTile.Feature f : disputeTile(user, foreign)) {
                assertThat(jdbc.queryForObject("select village_code from dispute where id = ?", String.class, f.id()))
                        .as(user).isEqualTo(own.village());
            }
        }
        assertThat(disputeTile(DemoUsers.TOWN_OFFICE, foreign)).extracting(MvtTile.Feature::id)
                .contains(foreign.dispute());
    }

    /** The disputes layer's z17 tile around the target's dispute, as the user gets it. */
    private List<MvtTile.Feature> disputeTile(String user, Target t) throws Exception {
        Map<String, Object> at = jdbc.queryForMap("select ST_X(location) x, ST_Y(location) y from dispute where id = ?",
                t.dispute());
        double lng = ((Number) at.values().toArray()[0]).doubleValue();
        double lat = Math.toRadians(((Number) at.values().toArray()[1]).doubleValue());
        int n = 1 << 17;
        int x = (int) Math.floor((lng + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        MockHttpServletResponse response = mvc.perform(get("/tiles/disputes/17/" + x + "/" + y + ".mvt")
                .with(DemoUsers.as(users, user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return MvtTile.read(response.getContentAsByteArray()).layer("disputes");
    }

    /** The ids of a collection's features the user sees (one page: the test records are few). */
    private List<String> ogcIds(String user, String collection) throws Exception {
        List<String> ids = new ArrayList<>();
        json(user, "/ogc/collections/" + collection + "/items?limit=5000").get("features")
                .forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    /**
     * A personal access token reads exactly what its owner's area allows, on /ogc and /api alike, and writes
     * nothing: for a village user, a grid user and a town user, own and foreign records.
     */
    @ParameterizedTest(name = "token of {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "VILLAGE_CADRE", "GRID_MANAGER", "TOWN_OFFICE" })
    void aTokenReadsItsOwnersAreaAndWritesNothing(String role) throws Exception {
        String user = USERS.get(role);
        MockHttpServletResponse created = postJson(user, "/api/me/tokens", Map.of("name", "矩阵 " + role));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String bearer = "Bearer " + JSON.readTree(created.getContentAsString()).get("token").asString();
        boolean foreignVisible = WHOLE_TOWN.contains(role);
        for (String url : List.of("/ogc/collections/disputes/items/", "/api/disputes/")) {
            assertThat(tokenStatus(bearer, url + own.dispute())).as(role + " own " + url).isEqualTo(200);
            assertThat(tokenStatus(bearer, url + foreign.dispute())).as(role + " foreign " + url)
                    .isEqualTo(foreignVisible ? 200 : 404);
        }
        assertThat(tokenStatus(bearer, "/ogc/collections/sites/items/" + foreign.site()))
                .isEqualTo(foreignVisible ? 200 : 404);
        String before = fingerprint();
        for (Target t : List.of(own, foreign)) {
            MockHttpServletResponse write = mvc.perform(post("/api/disputes/" + t.dispute() + "/transitions")
                    .header("Authorization", bearer).with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"ACCEPT\"}")).andReturn().getResponse();
            assertThat(write.getStatus()).as(role + " writes with a token").isEqualTo(403);
            assertThat(write.getContentType()).startsWith("application/problem+json");
        }
        assertThat(fingerprint()).as("nothing changed").isEqualTo(before);
    }

    private int tokenStatus(String bearer, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", bearer)).andReturn().getResponse().getStatus();
    }

    /**
     * How many disputes of the target's month an aggregate counted for the user: read from a 200; a refusal (403,
     * or 404 for a unit outside the area) counts none; a 400 about too few disputes says how many it found.
     */
    private int counted(String user, Read read, Target t) throws Exception {
        String m = "month=" + month(t);
        boolean gridUser = users.loadUserByUsername(user).getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().startsWith(AreaScope.GRID_PREFIX));
        String units = gridUser ? "unit=hex&size=100&" : "unit=grid&"; // a single grid is too few grids for Gi*
        String url = switch (read) {
            case HOTSPOT_DENSITY -> "/api/hotspots/density?" + m;
            case HOTSPOT_DENSITY_PNG -> "/api/hotspots/density.png?" + m;
            case HOTSPOT_GI -> "/api/hotspots/gi?" + units + m;
            case HOTSPOT_EMERGING -> "/api/hotspots/emerging?" + units + m;
            case HOTSPOT_RATES -> "/api/hotspots/rates?" + m;
            case HOTSPOT_UNIT_DISPUTES -> "/api/hotspots/units/" + t.grid() + "/disputes?" + m;
            case HOTSPOT_DENSITY_MAP -> "/api/hotspots/density-map.png?" + m;
            case HOTSPOT_GI_MAP -> "/api/hotspots/gi-map.png?" + m;
            case MEETING -> "/api/meeting?" + m;
            case MEETING_XLSX -> "/api/meeting.xlsx?" + m;
            default -> throw new IllegalArgumentException(read.name());
        };
        MockHttpServletResponse r = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse();
        if (r.getStatus() != 200) {
            assertThat(r.getStatus()).as(url + " " + r.getContentAsString()).isIn(400, 403, 404);
            assertThat(r.getContentType()).as(url).startsWith("application/problem+json");
            if (r.getStatus() != 400) {
                return 0;
            }
            JsonNode problem = JSON.readTree(r.getContentAsString());
            String detail = problem.get("detail").asString();
            assertThat(problem.get("invalid-params").get(0).get("name").asString()).as(detail).isEqualTo("month");
            java.util.regex.Matcher only = java.util.regex.Pattern.compile("只有 (\\d+) 件").matcher(detail);
            if (only.find()) {
                return Integer.parseInt(only.group(1));
            }
            assertThat(detail).contains("没有符合条件的纠纷");
            return 0;
        }
        return switch (read) {
            case HOTSPOT_DENSITY, HOTSPOT_GI, HOTSPOT_EMERGING -> JSON.readTree(r.getContentAsString())
                    .get("disputes").asInt();
            case HOTSPOT_DENSITY_PNG -> Integer.parseInt(r.getHeader("X-Disputes"));
            case HOTSPOT_RATES -> sum(JSON.readTree(r.getContentAsString()).get("grids"), "disputes");
            case HOTSPOT_UNIT_DISPUTES -> JSON.readTree(r.getContentAsString()).get("disputes").size();
            // drawn only over at least one dispute (none is the 400 above)
            case HOTSPOT_DENSITY_MAP -> 1;
            case HOTSPOT_GI_MAP -> 1; // PER_MONTH or more (fewer is the 400 above)
            case MEETING -> {
                int registered = 0;
                for (JsonNode v : JSON.readTree(r.getContentAsString()).get("villages")) {
                    registered += v.get("current").get("registered").asInt();
                }
                yield registered;
            }
            case MEETING_XLSX -> {
                int registered = 0;
                try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
                    for (Row row : book.getSheet("枫桥指标")) {
                        if (row.getRowNum() > 0) { // the town's row, when there is one, counts them again
                            registered += (int) row.getCell(1).getNumericCellValue();
                        }
                    }
                }
                yield registered;
            }
            default -> throw new IllegalArgumentException(read.name());
        };
    }

    private static int sum(JsonNode rows, String name) {
        int total = 0;
        for (JsonNode row : rows) {
            total += row.get(name).asInt();
        }
        return total;
    }

    private MockHttpServletResponse write(String user, Write write, Target t) throws Exception {
        return switch (write) {
            case DISPUTE_TRANSITION -> transition(user, t.dispute(), Map.of("action", "ACCEPT"));
            case DISPUTE_ASSIGNMENT -> mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .put("/api/disputes/" + t.dispute() + "/assignment").with(DemoUsers.as(users, user))
                    .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(
                            Map.of("responsibleUnit", "镇司法所", "responsiblePerson", "测试", "deadline",
                                    LocalDate.now().plusDays(10).toString()))))
                    .andReturn().getResponse();
            case DISPUTE_MEASURE -> postJson(user, "/api/disputes/" + t.dispute() + "/measures",
                    Map.of("measure", "范围测试措施"));
            case DISPUTE_PHOTO -> mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .put("/api/disputes/" + t.dispute() + "/photo").with(DemoUsers.as(users, user))
                    .with(BrowserCsrf.token()).contentType("image/jpeg").content(JPEG)).andReturn().getResponse();
            case SITE_UPDATE -> putJson(user, "/api/sites/" + t.site(), Map.of("kind", "ENTERPRISE", "name",
                    "改名企业", "status", "MET", "geometry", point(t)));
            case HAZARD_UPDATE -> putJson(user, "/api/hazards/" + t.hazard(), Map.of("category", "OTHER", "title",
                    "改名隐患", "level", "GENERAL", "owner", "测试", "reviewDue",
                    LocalDate.now().plusMonths(2).toString(), "location", point(t)));
            case SITE_INSPECTION -> postJson(user, "/api/sites/" + t.site() + "/inspections", Map.of("inspectedOn",
                    LocalDate.now().toString(), "result", "MET", "nextInspectionDue",
                    LocalDate.now().plusMonths(3).toString()));
            case HAZARD_REVIEW -> postJson(user, "/api/hazards/" + t.hazard() + "/reviews", Map.of("reviewedOn",
                    LocalDate.now().toString(), "status", "CONTROLLED", "reviewDue",
                    LocalDate.now().plusMonths(1).toString()));
            case SWEEP_FILING -> postJson(user, "/api/sweeps", Map.of("kind", "VILLAGE_WEEKLY", "village",
                    t.village(), "period", "2026-W03", "zeroReport", true));
            case HOUSEHOLD_UPDATE -> putJson(user, "/api/households/" + t.household(), household(t.building()));
            case HOUSEHOLD_MOVE -> postJson(user, "/api/households/" + t.household() + "/moves", Map.of("direction",
                    "IN", "movedOn", LocalDate.now().minusDays(1).toString(), "name", "范围迁入", "relation", "儿媳",
                    "idNumber", TestIdNumbers.valid()));
            case HOUSEHOLD_MERIT -> postJson(user, "/api/households/" + t.household() + "/merits", Map.of("name",
                    "范围测试", "doneOn", LocalDate.now().minusDays(1).toString(), "deed", "义务修路"));
            case HOUSEHOLD_MISCONDUCT -> postJson(user, "/api/households/" + t.household() + "/misconduct",
                    Map.of("name", "范围测试", "recordedOn", LocalDate.now().minusDays(1).toString(), "detail", "占道"));
            case HOUSEHOLD_CONFLICT -> postJson(user, "/api/households/" + t.household() + "/conflicts",
                    Map.of("checkedOn", LocalDate.now().minusDays(1).toString(), "situation", "邻里纠纷"));
            case HOUSEHOLD_IMPORT -> {
                // the members form naming the target's archive by its number: replaces its members
                byte[] book;
                try (XSSFWorkbook workbook = new XSSFWorkbook();
                        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
                    var sheet = workbook.createSheet("家庭人员基本信息表");
                    Row header = sheet.createRow(0);
                    Row row = sheet.createRow(1);
                    String[][] cells = { { "户编号", String.valueOf(t.household()) }, { "姓名", "范围户主" },
                        { "身份证号码", TestIdNumbers.valid() }, { "与户主关系", "户主" } };
                    for (int i = 0; i < cells.length; i++) {
                        header.createCell(i).setCellValue(cells[i][0]);
                        row.createCell(i).setCellValue(cells[i][1]);
                    }
                    workbook.write(out);
                    book = out.toByteArray();
                }
                yield mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/households/import").file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "a.xlsx", "application/octet-stream", book))
                        .with(DemoUsers.as(users, user)).with(BrowserCsrf.token())).andReturn().getResponse();
            }
        };
    }

    private Target create(String grid, int k) throws Exception {
        Item building = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).toList().get(k);
        Point p = building.geometry().getInteriorPoint();
        String situation = "范围测试" + grid + "-" + System.nanoTime();
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("lng", p.getX());
        dispute.put("lat", p.getY());
        dispute.put("type", "NEIGHBOURS");
        dispute.put("severity", "ORDINARY");
        dispute.put("source", "SWEEP");
        dispute.put("situation", situation);
        dispute.put("parties", List.of(Map.of("name", "王五", "phone", "13811112222")));
        long disputeId = created(postJson(DemoUsers.TOWN_OFFICE, "/api/disputes", dispute)).get("id").asLong();
        Map<String, Object> geometry = Map.of("type", "Point", "coordinates", List.of(p.getX(), p.getY()));
        long siteId = created(postJson(DemoUsers.TOWN_OFFICE, "/api/sites", Map.of("kind", "ENTERPRISE", "name",
                "测试企业" + k, "status", "BUILDING", "geometry", geometry, "nextInspectionDue",
                LocalDate.now().plusMonths(1).toString()))).get("id").asLong();
        long hazardId = created(postJson(DemoUsers.TOWN_OFFICE, "/api/hazards", Map.of("category", "OTHER", "title",
                "测试隐患" + k, "level", "GENERAL", "owner", "测试", "reviewDue", LocalDate.now().plusMonths(1).toString(),
                "location", geometry))).get("id").asLong();
        MockHttpServletResponse sweep = postJson(DemoUsers.TOWN_OFFICE, "/api/sweeps", Map.of("kind",
                "VILLAGE_WEEKLY", "village", grid.substring(0, 12), "period", "2026-W01", "zeroReport", true));
        assertThat(sweep.getStatus()).as(sweep.getContentAsString()).isIn(201, 409); // 409: filed by an earlier test
        String cadre = grid.startsWith(ownGrid.substring(0, 12)) ? DemoUsers.VILLAGE_CADRE
                : "cunganbu-" + grid.substring(9, 12); // DemoCadres: each village's own cadre keeps its archive
        long householdId = created(postJson(cadre, "/api/households", household(building.code()))).get("id")
                .asLong();
        return new Target(grid.substring(0, 12), grid, disputeId, siteId, hazardId, situation, p, householdId,
                building.code());
    }

    /** A household of two with valid (fictitious, GB 11643) ID numbers. */
    static Map<String, Object> household(String building) {
        return Map.of("building", building, "members", List.of(
                Map.of("name", "范围户主", "relation", "户主", "idNumber", TestIdNumbers.valid(), "phone",
                        TestIdNumbers.phone()),
                Map.of("name", "范围家属", "relation", "妻子", "idNumber", TestIdNumbers.valid())));
    }

    private JsonNode created(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.getContentAsString());
        return body.has("properties") ? body.get("properties") : body;
    }

    private MockHttpServletResponse transition(String user, long id, Map<String, Object> body) throws Exception {
        return postJson(user, "/api/disputes/" + id + "/transitions", body);
    }

    /** The smallest body whose first bytes say JPEG (the photo endpoint checks them). */
    private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I',
            'F', 0 };

    private static Map<String, Object> point(Target t) {
        return Map.of("type", "Point", "coordinates", List.of(t.point().getX(), t.point().getY()));
    }

    private MockHttpServletResponse putJson(String user, String url, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(url)
                .with(DemoUsers.as(users, user)).with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn().getResponse();
    }

    private MockHttpServletResponse postJson(String user, String url, Object body) throws Exception {
        return mvc.perform(post(url).with(DemoUsers.as(users, user)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn()
                .getResponse();
    }

    private MockHttpServletResponse getAs(String user, String url) throws Exception {
        return mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse();
    }

    private static String sheetText(MockHttpServletResponse response) throws Exception {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(formatter
                    .formatCellValue(cell)).append('\t'))));
        }
        return text.toString();
    }

    private JsonNode json(String user, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn()
                .getResponse();
        if (response.getStatus() == 403) {
            return JSON.readTree("{\"features\":[],\"villages\":[]}"); // a role without this view sees nothing
        }
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    /** The JSON of a 200; an empty array for a refusal (4xx, as problem+json): a point outside the caller's area. */
    private JsonNode jsonOrRefused(String user, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn()
                .getResponse();
        if (response.getStatus() >= 400 && response.getStatus() < 500) {
            assertThat(response.getContentType()).as(url).startsWith("application/problem+json");
            return JSON.readTree("[]");
        }
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private int status(String user, String url) throws Exception {
        return mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse().getStatus();
    }

    /** 200 → visible; 404 → hidden (403 is allowed only for a role that may not read the kind at all). */
    private boolean found(String user, String url) throws Exception {
        int status = status(user, url);
        assertThat(status).as(url).isIn(200, 403, 404);
        return status == 200;
    }

    private String exported(String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/disputes/export.xlsx").with(DemoUsers.as(users,
                user))).andReturn().getResponse();
        if (response.getStatus() == 403) {
            return "";
        }
        assertThat(response.getStatus()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (Row row : book.getSheetAt(0)) {
                row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('\t'));
            }
        }
        return text.toString();
    }

    /** Every row of the tables a write could touch, as text: equal before and after means nothing changed. */
    private String fingerprint() {
        return jdbc.queryForList("select id, status, handling_level, overdue, responsible_unit, referral_unit "
                + "from dispute order by id").toString() + count("dispute_timeline") + jdbc.queryForList("select * from site_inspection order by id")
                + jdbc.queryForList("select id, status, review_due, title from hazard order by id")
                + jdbc.queryForList("select id, name, status from safety_site order by id") + count("dispute_measure")
                + count("dispute_photo")
                + jdbc.queryForList("select id, village_code, period_start from sweep order by id")
                + jdbc.queryForList("select id, member_count, head_name, updated_at from household order by id")
                + count("household_member") + count("household_move") + count("household_merit")
                + count("household_misconduct") + count("household_conflict");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static List<Long> ids(JsonNode collection) {
        List<Long> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("properties").get("id").asLong()));
        return ids;
    }

    private static List<String> codes(JsonNode collection) {
        return field(collection.get("features"), "code", true);
    }

    private static List<String> field(JsonNode rows, String name) {
        return field(rows, name, false);
    }

    private static List<String> field(JsonNode rows, String name, boolean inProperties) {
        List<String> values = new ArrayList<>();
        if (rows == null) {
            return values;
        }
        rows.forEach(row -> {
            JsonNode value = (inProperties ? row.get("properties") : row).get(name);
            if (value != null && !value.isNull()) {
                values.add(value.asString());
            }
        });
        return values;
    }
}
