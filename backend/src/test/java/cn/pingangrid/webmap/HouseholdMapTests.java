package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
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
import cn.pingangrid.testsupport.TestIdNumbers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一户一档 on the map: the grid manager finds their grid's households by head of household, opens one (masked),
 * reveals the full values with a reason; a building's popup counts its households; the leadership sees the counts
 * and no way into the archive — on a 1440×900 screen and a 360×640 phone.
 */
@H2gisTest
class HouseholdMapTests {

    @RegisterExtension
    static final SharedBrowser wide = new SharedBrowser(Viewport.WIDE);
    @RegisterExtension
    static final SharedBrowser phone = new SharedBrowser(Viewport.PHONE);

    static final JsonMapper JSON = JsonMapper.builder().build();
    static String building;
    static Point point;
    static String headId;
    static long household;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void aHouseholdInTheGridManagersGrid() throws Exception {
        if (building != null) {
            return;
        }
        String grid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        TownDataset.Item b = TownDataset.read("buildings").stream().filter(i -> i.code().startsWith(grid)).toList()
                .get(11);
        headId = TestIdNumbers.valid(LocalDate.of(1968, 4, 12), true);
        var response = mvc.perform(post("/api/households").with(DemoUsers.as(users, DemoUsers.GRID_MANAGER))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(
                        Map.of("building", b.code(), "groupName", "二组", "povertyRegistered", true, "housing", "砖混两层",
                                "members", List.of(Map.of("name", "覃建国", "relation", "户主", "idNumber", headId,
                                        "phone", "10087654321", "education", "初中", "health", "健康"),
                                        Map.of("name", "覃春花", "relation", "妻子", "idNumber",
                                                TestIdNumbers.valid(LocalDate.of(1970, 9, 1), false)))))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        household = JSON.readTree(response.getContentAsString()).get("id").asLong();
        building = b.code();
        point = b.geometry().getInteriorPoint();
    }

    @Test
    void aGridManagerFindsOpensAndRevealsAHouseholdOnAWideScreen() {
        findOpenReveal(new MapPage(wide.get(), port));
    }

    @Test
    void aGridManagerFindsOpensAndRevealsAHouseholdOnAPhone() {
        findOpenReveal(new MapPage(phone.get(), port));
    }

    @Test
    void theLeadershipSeesCountsOnlyOnAPhone() {
        countsOnly(new MapPage(phone.get(), port));
    }

    @Test
    void theLeadershipSeesCountsOnlyOnAWideScreen() {
        countsOnly(new MapPage(wide.get(), port));
    }

    private void findOpenReveal(MapPage page) {
        page.openAs(DemoUsers.GRID_MANAGER);
        page.consoleEntries(Level.ALL);
        page.waitFor("the 住户 button", p -> "true".equals(p.data("householdsReady")));
        assertThat(page.reachable(".pg-hh-toggle")).isTrue();
        page.tap(".pg-hh-toggle");
        page.waitFor("the grid's households", p -> p.data("householdList") != null
                && !"error".equals(p.data("householdList")));
        page.js("delete document.body.dataset.householdList"); // the search's answer, not the first list's
        page.driver.findElement(By.cssSelector(".pg-hh-search input")).sendKeys("覃建");
        page.tap(".pg-hh-search-go");
        page.waitFor("the search", p -> "1".equals(p.data("householdList")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-hh-item")).getText()).contains("户主 覃建国");
        page.screenshot("households-search");

        page.tap(".pg-hh-item");
        page.waitFor("the household", p -> String.valueOf(household).equals(p.data("householdDetail")));
        String masked = page.driver.findElement(By.cssSelector(".pg-panel-body")).getText();
        assertThat(masked).contains("家庭人员基本信息表（2）", "覃春花（妻子）", "999999********" + headId.substring(14),
                "100****4321").doesNotContain(headId, "10087654321");
        assertThat(page.reachable(".pg-hh-reveal-go")).isTrue();
        page.screenshot("household-detail");

        page.driver.findElement(By.cssSelector(".pg-hh-reveal input")).sendKeys("入户走访核对");
        page.tap(".pg-hh-reveal-go");
        page.waitFor("the full values", p -> String.valueOf(household).equals(p.data("householdRevealed")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-panel-body")).getText()).contains(headId,
                "10087654321", "1968-04-12", "已记入审计日志");
        page.screenshot("household-revealed");

        page.tap(".pg-panel-close");
        popup(page);
        assertThat(page.driver.findElements(By.cssSelector(".pg-hh-open"))).hasSize(1);
        page.screenshot("household-popup");
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    private void countsOnly(MapPage page) {
        page.openAs(DemoUsers.LEADER);
        page.consoleEntries(Level.ALL);
        page.waitFor("the household module", p -> "true".equals(p.data("householdsReady")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-hh-control")).isDisplayed()).isFalse();
        String text = popup(page);
        assertThat(text).contains("住户：").doesNotContain("覃");
        assertThat(page.driver.findElements(By.cssSelector(".pg-hh-open"))).isEmpty();
        page.screenshot("household-popup-counts");
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    /** Clicks the building through the map's own click event and waits for the popup's household line. */
    private String popup(MapPage page) {
        page.setView(point.getX(), point.getY(), 18);
        page.js("pinganMap.map.fire('click', {latlng: L.latLng(arguments[0], arguments[1])})", point.getY(),
                point.getX());
        page.waitFor("the household counts", p -> p.data("householdPopup") != null);
        page.locatePopup("done");
        assertThat(Integer.parseInt(page.data("householdPopup"))).isPositive();
        String text = page.driver.findElement(By.cssSelector(".leaflet-popup-content")).getText();
        assertThat(text).contains("住户：" + page.data("householdPopup") + " 户");
        return text;
    }
}
