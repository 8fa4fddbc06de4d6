package cn.pingangrid.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoping matrix: every role × every read endpoint × an object in the user's own area and one in a foreign
 * area. Own objects must be visible to the roles with an area; foreign ones only to the whole-town roles; a
 * hidden object asked for by code is a 404, never a 403. Run once per database.
 */
abstract class AreaScopingContract {

    enum Endpoint {
        VILLAGE_LIST, VILLAGE_BY_CODE, GRID_LIST, GRID_BY_CODE, BUILDINGS_BY_BBOX, BUILDINGS_BY_GRID, LOCATE, SEARCH
    }

    enum Case {
        OWN, FOREIGN
    }

    /** Role → demo account; which cases each role must see. */
    static final Map<String, String> USERS = Map.of("TOWN_OFFICE", DemoUsers.TOWN_OFFICE, "LEADER", DemoUsers.LEADER,
            "GRID_MANAGER", DemoUsers.GRID_MANAGER, "VILLAGE_CADRE", DemoUsers.VILLAGE_CADRE, "AUX_POLICE",
            DemoUsers.AUX_POLICE, "MEDIATOR", DemoUsers.MEDIATOR, "ADMIN", DemoUsers.ADMIN);
    static final Set<String> WHOLE_TOWN = Set.of("TOWN_OFFICE", "LEADER");
    static final Set<String> WITH_OWN_AREA = Set.of("TOWN_OFFICE", "LEADER", "GRID_MANAGER", "VILLAGE_CADRE",
            "AUX_POLICE");

    static final List<Item> VILLAGES = TownDataset.read("villages");
    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");

    record Target(String village, String grid, Item building) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();
    Target own;
    Target foreign;

    /** Own = the demo grid manager's grid (in the demo village); foreign = a grid of another village. */
    @BeforeEach
    void findTargets() {
        String ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        own = target(ownGrid);
        String foreignGrid = GRIDS.stream().map(Item::code).filter(c -> !c.startsWith(ownGrid.substring(0, 12)))
                .filter(c -> BUILDINGS.stream().anyMatch(b -> b.code().startsWith(c))).findFirst().orElseThrow();
        foreign = target(foreignGrid);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : USERS.keySet().stream().sorted().toList()) {
            for (Endpoint endpoint : Endpoint.values()) {
                for (Case c : Case.values()) {
                    boolean visible = c == Case.OWN ? WITH_OWN_AREA.contains(role) : WHOLE_TOWN.contains(role);
                    cases.add(Arguments.of(role, endpoint, c, visible));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} → visible={3}")
    @MethodSource("matrix")
    void eachRoleSeesExactlyItsArea(String role, Endpoint endpoint, Case which, boolean expected) throws Exception {
        Target target = which == Case.OWN ? own : foreign;
        assertThat(visible(USERS.get(role), endpoint, target))
                .as("%s %s %s", role, endpoint, which).isEqualTo(expected);
    }

    private boolean visible(String username, Endpoint endpoint, Target t) throws Exception {
        Point inside = t.building().geometry().getInteriorPoint();
        return switch (endpoint) {
            case VILLAGE_LIST -> codes(get200(username, "/api/villages")).contains(t.village());
            case VILLAGE_BY_CODE -> found(username, "/api/villages/" + t.village());
            case GRID_LIST -> codes(get200(username, "/api/grids")).contains(t.grid());
            case GRID_BY_CODE -> found(username, "/api/grids/" + t.grid());
            case BUILDINGS_BY_BBOX -> {
                Envelope box = t.building().geometry().getEnvelopeInternal();
                box.expandBy(0.002);
                yield codes(get200(username, "/api/buildings?bbox=" + box.getMinX() + "," + box.getMinY() + ","
                        + box.getMaxX() + "," + box.getMaxY())).contains(t.building().code());
            }
            case BUILDINGS_BY_GRID -> codes(get200(username, "/api/buildings?grid=" + t.grid()))
                    .contains(t.building().code());
            case LOCATE -> found(username, "/api/locate?lng=" + inside.getX() + "&lat=" + inside.getY());
            case SEARCH -> {
                List<String> hits = new ArrayList<>();
                get200(username, "/api/search?q=" + t.grid()).forEach(h -> hits.add(h.get("code").asString()));
                yield hits.contains(t.grid());
            }
        };
    }

    private JsonNode get200(String username, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(DemoUsers.as(users, username))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return json.readTree(response.getContentAsByteArray());
    }

    /** 200 → visible; 404 → hidden; anything else (a 403 would leak existence) fails the test. */
    private boolean found(String username, String url) throws Exception {
        int status = mvc.perform(get(url).with(DemoUsers.as(users, username))).andReturn().getResponse().getStatus();
        assertThat(status).as(url).isIn(200, 404);
        return status == 200;
    }

    private static Target target(String grid) {
        Item building = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).findFirst().orElseThrow();
        return new Target(grid.substring(0, 12), grid, building);
    }

    private static List<String> codes(JsonNode collection) {
        List<String> codes = new ArrayList<>();
        collection.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
        return codes;
    }
}
