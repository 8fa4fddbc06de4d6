package cn.pingangrid.dispute.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Point;
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

/** Places and requests the dispute tests share: points inside the demo grid manager's grid and a foreign one. */
final class DisputeFixtures {

    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final MockMvc mvc;
    final UserDetailsService users;
    final String ownGrid;
    final String ownVillage;
    final String foreignGrid;

    DisputeFixtures(MockMvc mvc, UserDetailsService users) {
        this.mvc = mvc;
        this.users = users;
        this.ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        this.ownVillage = ownGrid.substring(0, 12);
        this.foreignGrid = GRIDS.stream().map(Item::code).filter(c -> !c.startsWith(ownVillage))
                .filter(c -> BUILDINGS.stream().anyMatch(b -> b.code().startsWith(c))).findFirst().orElseThrow();
    }

    /** A point inside the {@code k}-th building of a grid: surely inside the grid, distinct per k. */
    static Point pointIn(String grid, int k) {
        List<Item> inGrid = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).toList();
        return inGrid.get(k % inGrid.size()).geometry().getInteriorPoint();
    }

    static Map<String, Object> body(Point p, String type, String severity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lng", p.getX());
        body.put("lat", p.getY());
        body.put("type", type);
        body.put("severity", severity);
        body.put("source", "SWEEP");
        body.put("situation", "测试纠纷：" + type + " 两户因宅基地边界发生争执");
        body.put("parties", List.of(Map.of("name", "张三丰", "phone", "13812345678"),
                Map.of("name", "李四", "phone", "13987654321")));
        body.put("peopleInvolved", 2);
        return body;
    }

    MockHttpServletResponse postJson(String user, String url, Object body) throws Exception {
        return mvc.perform(post(url).with(DemoUsers.as(users, user)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn()
                .getResponse();
    }

    MockHttpServletResponse get(String user, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(DemoUsers.as(users, user))).andReturn().getResponse();
    }

    /** Registers and returns the 201 answer; fails on anything else. */
    JsonNode register(String user, Map<String, Object> body) throws Exception {
        MockHttpServletResponse response = postJson(user, "/api/disputes", body);
        if (response.getStatus() != 201) {
            throw new AssertionError("register: HTTP " + response.getStatus() + " " + response.getContentAsString());
        }
        return read(response);
    }

    JsonNode act(String user, long id, String action, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("action", action);
        MockHttpServletResponse response = postJson(user, "/api/disputes/" + id + "/transitions", body);
        if (response.getStatus() != 200) {
            throw new AssertionError(action + ": HTTP " + response.getStatus() + " " + response.getContentAsString());
        }
        return read(response);
    }

    static JsonNode read(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsByteArray());
    }

    static String invalidParam(JsonNode problem) {
        return problem.get("invalid-params").get(0).get("name").asString();
    }

}
