package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.SignedInHttp;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The town office works a dispute on a 1440×900 screen: the side panel stays open through 受理, 开始调处, 交办
 * and 移交 (each with its form), showing the refreshed record, Beijing times and people by name and unit.
 */
@H2gisTest
class DisputeWorkflowTests {

    static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.WIDE);

    @LocalServerPort
    int port;

    MapPage page;
    TownApi api;

    @BeforeEach
    void setUp() {
        page = new MapPage(browser.get(), port);
        api = new TownApi(port);
    }

    @Test
    void thePanelStaysOpenThroughEveryStepAndShowsTheRefreshedRecord() {
        long id = registerAsGridManager(TownDataset.read("grids").get(60));
        page.openAs(DemoUsers.TOWN_OFFICE);
        page.consoleEntries(Level.ALL);
        page.js("pinganMap.controls.detail.show(arguments[0])", id);
        page.waitFor("the detail", p -> String.valueOf(id).equals(p.data("disputeShown")));
        page.screenshot("dispute-panel");

        JsonNode record = api.get("/api/disputes/" + id);
        JsonNode registered = record.get("timeline").get(0);
        String first = page.driver.findElement(By.cssSelector(".pg-timeline li")).getText();
        // Beijing time, and the grid manager by name and unit, not the login
        assertThat(first).startsWith(BEIJING.format(Instant.parse(registered.get("at").asString())))
                .contains(registered.get("actorName").asString()).contains("（").doesNotContain("wanggeyuan");
        assertThat(registered.get("actorName").asString()).isNotEqualTo("wanggeyuan");

        step("ACCEPT", "ACCEPTED");
        step("START_MEDIATION", "MEDIATING");

        // 交办: unit, person, deadline in a form of its own
        page.tap(".pg-panel-foot [data-action=ASSIGN]");
        page.driver.findElement(By.cssSelector(".pg-subform-assign [name=responsibleUnit]")).clear();
        page.driver.findElement(By.cssSelector(".pg-subform-assign [name=responsibleUnit]")).sendKeys("大栗港司法所");
        page.driver.findElement(By.cssSelector(".pg-subform-assign [name=responsiblePerson]")).clear();
        page.driver.findElement(By.cssSelector(".pg-subform-assign [name=responsiblePerson]")).sendKeys("李所长");
        page.js("document.querySelector('.pg-subform-assign [name=deadline]').value = arguments[0]",
                java.time.LocalDate.now().plusDays(20).toString());
        page.screenshot("dispute-assign-form");
        page.js("document.body.dataset.disputeAction = ''");
        page.tap(".pg-subform-assign .pg-primary");
        page.waitFor("the assignment", p -> "done".equals(p.data("disputeAction")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-panel")).isDisplayed()).isTrue();
        assertThat(api.get("/api/disputes/" + id).get("responsiblePerson").asString()).isEqualTo("李所长");
        assertThat(page.driver.findElement(By.cssSelector(".pg-panel-body")).getText()).contains("李所长");

        step("ESCALATE_TO_TOWN", "ESCALATED");
        // 移交: channel and receiving unit, no window.prompt
        page.tap(".pg-panel-foot [data-action=REFER]");
        new Select(page.driver.findElement(By.cssSelector(".pg-subform-refer [name=channel]"))).selectByValue("POLICE");
        assertThat(page.driver.findElement(By.cssSelector(".pg-subform-refer [name=unit]")).getAttribute("value")).isEqualTo("大栗港派出所");
        page.screenshot("dispute-refer-form");
        page.js("document.body.dataset.disputeAction = ''");
        page.tap(".pg-subform-refer .pg-primary");
        page.waitFor("the referral", p -> "REFERRED".equals(p.data("disputeStatus")));
        JsonNode referred = api.get("/api/disputes/" + id);
        assertThat(referred.get("referral").get("unit").asString()).isEqualTo("大栗港派出所");
        assertThat(referred.get("referral").get("channel").get("code").asString()).isEqualTo("POLICE");
        assertThat(page.driver.findElement(By.cssSelector(".pg-panel-body")).getText()).contains("大栗港派出所");
        page.screenshot("dispute-referred");
        assertThat(WebMapDesktopTests.overflowing(page)).isEmpty();
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    private void step(String action, String status) {
        page.js("document.body.dataset.disputeAction = ''");
        page.tap(".pg-panel-foot [data-action=" + action + "]");
        page.waitFor(action, p -> status.equals(p.data("disputeStatus")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-panel")).isDisplayed()).as("panel open").isTrue();
        assertThat(page.driver.findElement(By.cssSelector(".pg-badge")).getText())
                .isEqualTo(api.get("/api/disputes/" + page.data("disputeShown")).get("status").get("label").asString());
    }

    /** A dispute of the grid manager's own grid, registered over HTTP. */
    private long registerAsGridManager(TownDataset.Item ignored) {
        TownApi gm = new TownApi(port, DemoUsers.GRID_MANAGER);
        String grid = gm.get("/api/me").get("area").get("grids").get(0).asString();
        Point p = SiteLayerTests.spot(TownDataset.read("grids").stream().filter(g -> g.code().equals(grid))
                .findFirst().orElseThrow());
        SignedInHttp http = gm.http;
        String body = JsonMapper.builder().build().writeValueAsString(Map.of("lng", p.getX(), "lat", p.getY(),
                "type", "WAGES", "severity", "ORDINARY", "situation", "工地拖欠三名村民工资",
                "parties", List.of(Map.of("name", "王五", "phone", "13900001111"))));
        var response = http.send("POST", "/api/disputes", "application/json", body);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        return JsonMapper.builder().build().readTree(response.body()).get("id").asLong();
    }
}
