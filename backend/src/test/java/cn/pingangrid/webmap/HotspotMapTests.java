package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 热点 layers in Chromium at 1440×900 (town office) and 360×640 (grid manager): heat overlay, Gi* units with the
 * FDR colours, a click listing a unit's disputes, the type filter's "too few disputes" problem shown in the panel,
 * the emerging classes' legend, and a grid manager's analysis covering only their grid.
 */
@H2gisTest
class HotspotMapTests {

    static final Viewport WIDE = new Viewport("wide", 1440, 900, false);

    @RegisterExtension
    static final SharedBrowser desktop = new SharedBrowser(WIDE);
    @RegisterExtension
    static final SharedBrowser phone = new SharedBrowser(Viewport.PHONE);

    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static boolean registered;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();
    String ownGrid;

    @BeforeEach
    void disputesThisMonth() throws Exception {
        ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        synchronized (HotspotMapTests.class) {
            if (registered) {
                return;
            }
            LocalDate today = LocalDate.now();
            List<String> others = GRIDS.stream().map(Item::code).filter(c -> !c.startsWith(ownGrid.substring(0, 12)))
                    .filter(c -> BUILDINGS.stream().anyMatch(b -> b.code().startsWith(c))).toList();
            for (int k = 0; k < 34; k++) {
                register(pointIn(ownGrid, k), k < 3 ? "WAGES" : "NEIGHBOURS", today.withDayOfMonth(1 + k % today.getDayOfMonth()));
            }
            for (int k = 0; k < 14; k++) {
                register(pointIn(others.get(k * others.size() / 14), 0), "NEIGHBOURS", today.withDayOfMonth(1));
            }
            registered = true;
        }
    }

    @Test
    void theTownOfficeSeesHeatHotSpotsAndEmergingClassesAndClicksAUnit() throws Exception {
        MapPage page = new MapPage(desktop.get(), port).open();
        page.driver.findElement(By.cssSelector(".pg-hotspot-panel-toggle")).click();
        page.waitFor("the heat map and the hot spots", p -> "ready".equals(p.data("hotspotDensity"))
                && "ready".equals(p.data("hotspotGi")));
        assertThat(page.driver.findElements(By.cssSelector("img.pg-density"))).hasSize(1);
        assertThat(page.number("return pinganMap.hotspots.gi.getLayers().length")).isEqualTo(GRIDS.size());
        // the own grid holds the cluster: red (99 % after FDR), as the API says
        JsonNode gi = read("/api/hotspots/gi?unit=grid&from=" + LocalDate.now().withDayOfMonth(1) + "&to="
                + LocalDate.now());
        int fdrBin = 0;
        for (JsonNode f : gi.get("features")) {
            if (f.get("id").asString().equals(ownGrid)) {
                fdrBin = f.get("properties").get("fdrBin").asInt();
            }
        }
        assertThat(fdrBin).isEqualTo(3);
        assertThat(page.js("let c = null; pinganMap.hotspots.gi.eachLayer(l => { if (l.feature.id === arguments[0])"
                + " c = l.options.fillColor; }); return c", ownGrid)).isEqualTo("#d62f27");
        assertThat(page.driver.findElement(By.cssSelector(".pg-hotspot-legend")).getText())
                .contains("核密度").contains("热点 99% 置信").contains("冷点 90% 置信");

        // a click on the own grid lists its disputes of the period
        JsonNode listed = read("/api/hotspots/units/" + ownGrid + "/disputes?from="
                + LocalDate.now().withDayOfMonth(1) + "&to=" + LocalDate.now());
        page.js("pinganMap.hotspots.gi.eachLayer(l => { if (l.feature.id === arguments[0]) l.fire('click'); })", ownGrid);
        page.waitFor("the unit's disputes", p -> (ownGrid + ":" + listed.get("disputes").size())
                .equals(p.data("hotspotUnitDisputes")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-unit-popup")).getText())
                .contains("共 " + listed.get("disputes").size() + " 件纠纷");
        page.screenshot("hotspots-town-office");

        // the emerging classes with their legend
        page.driver.findElement(By.cssSelector(".pg-hotspot-panel input[name=emerging]")).click();
        page.waitFor("the emerging classes", p -> "ready".equals(p.data("hotspotEmerging")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-hotspot-legend")).getText()).contains("时空趋势");
        page.js("pinganMap.map.closePopup()");
        page.screenshot("hotspots-emerging");

        // 劳资 alone is too few for a statistical claim: the panel says why, the units are gone
        page.driver.findElement(By.cssSelector(".pg-hotspot-panel input[name=emerging]")).click();
        new Select(page.driver.findElement(By.cssSelector(".pg-hotspot-panel select[name=type]"))).selectByValue("WAGES");
        // the status is written once every chosen layer has answered (the density may still be on its way)
        page.waitFor("the refusal", p -> "error".equals(p.data("hotspotGi"))
                && p.driver.findElement(By.cssSelector(".pg-hotspot-status")).getText().contains("少于 30 件"));
        assertThat(page.number("return pinganMap.hotspots.gi.getLayers().length")).isZero();
        page.screenshot("hotspots-too-few");
        assertThat(page.consoleEntries(Level.SEVERE)).as("console").allSatisfy(e ->
                assertThat(e.getMessage()).contains("400"));
    }

    @Test
    void aGridManagerOnAPhoneAnalysesOnlyTheirGrid() throws Exception {
        MapPage page = new MapPage(phone.get(), port);
        page.signOut();
        page.submitLogin(DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        page.waitFor("the sign-in", p -> !p.driver.getCurrentUrl().contains("login.html"));
        page.open();
        // on a phone the closed panel is not shown: 热点 in the layer control opens it
        assertThat(page.driver.findElement(By.cssSelector(".pg-hotspot-panel")).isDisplayed()).isFalse();
        page.driver.findElement(By.cssSelector(".leaflet-control-layers-toggle")).click();
        page.driver.findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
                .filter(l -> l.getText().trim().equals("热点")).findFirst().orElseThrow()
                .findElement(By.tagName("input")).click();
        page.waitFor("the panel", p -> p.driver.findElement(By.cssSelector(".pg-hotspot-panel")).isDisplayed());
        page.js("document.querySelector('.leaflet-control-layers').classList.remove('leaflet-control-layers-expanded')");
        new Select(page.driver.findElement(By.cssSelector(".pg-hotspot-panel select[name=unit]"))).selectByValue("hex");
        page.waitFor("the hot spots", p -> "ready".equals(p.data("hotspotGi")) && "ready".equals(p.data("hotspotDensity")));
        double units = page.number("return pinganMap.hotspots.gi.getLayers().length");
        double counted = page.number("let n = 0; pinganMap.hotspots.gi.eachLayer(l => n += l.feature.properties.count);"
                + " return n");
        JsonNode own = json.readTree(mvc.perform(get("/api/hotspots/units/" + ownGrid + "/disputes?from="
                + LocalDate.now().withDayOfMonth(1) + "&to=" + LocalDate.now())
                .with(DemoUsers.as(users, DemoUsers.GRID_MANAGER))).andReturn().getResponse().getContentAsByteArray());
        assertThat(counted).isEqualTo(own.get("disputes").size());
        assertThat(units).isBetween(3.0, 200.0);
        page.screenshot("hotspots-grid-manager");
    }

    static Point pointIn(String grid, int k) {
        List<Item> inGrid = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).toList();
        return inGrid.get(k % inGrid.size()).geometry().getInteriorPoint();
    }

    void register(Point p, String type, LocalDate sweptOn) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lng", p.getX());
        body.put("lat", p.getY());
        body.put("type", type);
        body.put("severity", "ORDINARY");
        body.put("source", "SWEEP");
        body.put("situation", "热点地图测试纠纷");
        body.put("sweptOn", sweptOn.toString());
        body.put("parties", List.of(Map.of("name", "王五", "phone", "13712345678")));
        body.put("peopleInvolved", 2);
        int status = mvc.perform(post("/api/disputes").with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
    }

    JsonNode read(String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))).andReturn()
                .getResponse().getContentAsByteArray());
    }
}
