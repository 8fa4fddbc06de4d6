package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
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
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed in as the demo 辅警 {@code fujing}: plan a shift on the map, see the numbered route with its direction
 * arrows and times, and open the printable route sheet — on a 1440×900 screen and a 360×640 phone.
 */
@H2gisTest
class PatrolMapTests {

    @RegisterExtension
    static final SharedBrowser wide = new SharedBrowser(Viewport.WIDE);
    @RegisterExtension
    static final SharedBrowser phone = new SharedBrowser(Viewport.PHONE);

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void somethingToVisit() throws Exception {
        String village = users.loadUserByUsername(DemoUsers.AUX_POLICE).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.VILLAGE_PREFIX))
                .map(a -> a.substring(AreaScope.VILLAGE_PREFIX.length())).findFirst().orElseThrow();
        List<TownDataset.Item> buildings = TownDataset.read("buildings").stream()
                .filter(b -> b.code().startsWith(village)).toList();
        Point p = buildings.get(buildings.size() / 2).geometry().getInteriorPoint();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lng", p.getX());
        body.put("lat", p.getY());
        body.put("type", "LAND_FOREST");
        body.put("severity", "SERIOUS");
        body.put("source", "SWEEP");
        body.put("sensitive", true);
        body.put("situation", "浏览器测试：山林界址争议");
        body.put("parties", List.of(Map.of("name", "王五", "phone", "13700001111")));
        mvc.perform(post("/api/disputes").with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.builder().build().writeValueAsString(body)))
                .andReturn();
    }

    @Test
    void anOfficerPlansAShiftSeesTheRouteAndOpensTheSheetOnAWideScreen() {
        planAndOpenSheet(new MapPage(wide.get(), port));
    }

    @Test
    void anOfficerPlansAShiftSeesTheRouteAndOpensTheSheetOnAPhone() {
        planAndOpenSheet(new MapPage(phone.get(), port));
    }

    private void planAndOpenSheet(MapPage page) {
        page.signOut();
        page.driver.get("http://localhost:" + port + "/login.html");
        page.submitLogin(DemoUsers.AUX_POLICE, DemoUsers.PASSWORD);
        page.waitFor("the sign-in", p -> !p.driver.getCurrentUrl().contains("login.html"));
        page.open();
        assertThat(page.data("user")).isEqualTo(DemoUsers.AUX_POLICE);

        page.driver.findElement(By.cssSelector(".pg-patrol-toggle")).click();
        page.driver.findElement(By.cssSelector(".pg-patrol-plan")).click();
        page.waitFor("the plan", p -> p.data("patrolPlan") != null || p.data("patrolError") != null);
        assertThat(page.data("patrolError")).isNullOrEmpty();
        int stops = Integer.parseInt(page.data("patrolStops"));
        assertThat(stops).isPositive();
        assertThat(page.driver.findElements(By.cssSelector(".pg-patrol-stop"))).hasSize(stops);
        // an arrow per leg of the route (stops + 1), except a leg between two stops at the same road node, which
        // has no length: other tests of the shared context may register disputes a few metres apart
        assertThat(page.driver.findElements(By.cssSelector(".pg-patrol-arrow")).size()).isPositive()
                .isLessThanOrEqualTo(stops + 1);
        assertThat(page.driver.findElements(By.cssSelector(".pg-patrol-base"))).hasSize(1);
        assertThat(page.driver.findElement(By.cssSelector(".pg-patrol-stop")).getText()).isEqualTo("1");
        assertThat(page.driver.findElements(By.cssSelector(".pg-patrol-stops li"))).hasSize(stops);
        assertThat(page.driver.findElement(By.cssSelector(".pg-patrol-stops li")).getText()).matches("\\d\\d:\\d\\d–\\d\\d:\\d\\d .+");
        page.screenshot("patrol-route");

        String sheet = page.driver.findElement(By.cssSelector("a.pg-patrol-sheet")).getDomAttribute("href");
        page.driver.get("http://localhost:" + port + "/" + sheet);
        page.waitFor("the route sheet", p -> "ready".equals(p.data("sheet")) || "error".equals(p.data("sheet")));
        assertThat(page.data("sheet")).isEqualTo("ready");
        // base, each stop, back to base
        assertThat(page.driver.findElements(By.cssSelector("#stops tbody tr"))).hasSize(stops + 2);
        String text = page.driver.findElement(By.id("stops")).getText();
        assertThat(text).contains("王*").doesNotContain("王五", "13700001111");
        assertThat(page.driver.findElements(By.cssSelector("#overview circle"))).hasSize(stops);
        page.screenshot("patrol-sheet");
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }
}
