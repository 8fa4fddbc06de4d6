package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import tools.jackson.databind.JsonNode;

/**
 * Each role's home, on a phone and on a wide screen: where the map opens and the one line that matters today;
 * no control's text overflows. The expected numbers come from the API as that user.
 */
abstract class RoleHomeContract {

    @LocalServerPort
    int port;

    MapPage page;

    abstract HeadlessChromium browser();

    @BeforeEach
    void setUp() {
        page = new MapPage(browser(), port);
    }

    @Test
    void aGridManagerLandsOnTheGridWithItsOpenCasesAndOnlyNearbyRoads() {
        TownApi api = new TownApi(port, DemoUsers.GRID_MANAGER);
        String grid = api.get("/api/me").get("area").get("grids").get(0).asString();
        int open = api.get("/api/disputes?open=true&limit=5000").get("features").size();
        page.openAs(DemoUsers.GRID_MANAGER).waitFor("the home line", p -> p.data("home") != null
                && p.data("home").startsWith("open:"));
        page.waitFor("the open cases", p -> ("open:" + open).equals(p.data("home")));
        // the area's outline comes with its own request, which may answer after the disputes
        page.waitFor("my area", p -> grid.equals(p.data("myArea")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-home-line")).getText()).contains("未结 " + open + " 件");
        // the town's roads are not sent to a one-grid user: only those around the grid
        int townRoads = new TownApi(port).get("/api/roads").get("features").size();
        assertThat(Integer.parseInt(page.data("roadsLoaded"))).isPositive().isLessThan(townRoads / 2);
        assertThat(WebMapDesktopTests.overflowing(page)).isEmpty();
        page.screenshot("home-grid-manager");
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    @Test
    void aVillageCadreLandsOnTheVillageWithThisWeeksSweep() {
        TownApi api = new TownApi(port, DemoUsers.VILLAGE_CADRE);
        String village = api.get("/api/me").get("area").get("villages").get(0).asString();
        boolean filed = false;
        for (JsonNode v : api.get("/api/sweeps/compliance").get("villages")) {
            if (v.get("code").asString().equals(village)) {
                filed = v.get("filed").asBoolean();
            }
        }
        String expected = "sweep:" + (filed ? "filed" : "missing");
        page.openAs(DemoUsers.VILLAGE_CADRE).waitFor("the sweep line", p -> expected.equals(p.data("home")));
        page.waitFor("my area", p -> village.equals(p.data("myArea")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-home-line")).getText()).contains("本周排查");
        assertThat(WebMapDesktopTests.overflowing(page)).isEmpty();
        page.screenshot("home-village-cadre");
    }

    @Test
    void theTownOfficeLandsOnTheTownWithTodaysSensitiveReports() {
        TownApi api = new TownApi(port);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        long sensitive = 0;
        for (JsonNode f : api.get("/api/disputes?from=" + today + "&to=" + today).get("features")) {
            sensitive += f.get("properties").get("sensitive").asBoolean() ? 1 : 0;
        }
        String expected = "sensitive:" + sensitive;
        page.openAs(DemoUsers.TOWN_OFFICE).waitFor("the sensitive line", p -> expected.equals(p.data("home")));
        assertThat(page.data("myArea")).isNull();
        assertThat(page.driver.findElement(By.cssSelector(".pg-home-line")).getText())
                .isEqualTo("今日敏感上报 " + sensitive + " 件");
        assertThat(WebMapDesktopTests.overflowing(page)).isEmpty();
        page.screenshot("home-town-office");

        // clear defaults: the zones are off, one legend section per kind of symbol, from the layers that are on
        assertThat(page.js("return pinganMap.map.hasLayer(pinganMap.safety.zones)")).isEqualTo(false);
        java.util.List<String> sections = java.util.List.of(legendSections().split("\\|"));
        assertThat(sections).doesNotHaveDuplicates().contains("边界", "矛盾纠纷", "平安创建")
                .doesNotContain("边界敏感区（所选期间纠纷）");
        page.js("pinganMap.safety.zones.addTo(pinganMap.map)");
        page.waitFor("the zones", p -> p.data("zonesLoaded") != null && legendSections().contains("边界敏感区"));
        assertThat(List.of(legendSections().split("\\|"))).doesNotHaveDuplicates();
        page.js("pinganMap.safety.zones.remove()");
    }

    private String legendSections() {
        return (String) page.js("return document.getElementById('pg-legend-body').dataset.sections");
    }

    @Test
    void theLeaderLandsOnTheMonthsSummaryLinkingTheMeetingPack() {
        // the month in Beijing when the page opens (read again after it: at midnight on the 1st the two differ)
        String before = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        page.openAs(DemoUsers.LEADER).waitFor("the month line",
                p -> String.valueOf(p.data("home")).startsWith("month:"));
        String month = String.valueOf(page.data("home")).substring("month:".length());
        assertThat(month).isIn(before, LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7));
        assertThat(page.driver.findElements(By.cssSelector(".pg-register-here"))).as("leaders only read").isEmpty();
        page.tap(".pg-home-line");
        page.waitFor("the summary", p -> "home".equals(p.data("panel")));
        assertThat(page.driver.findElement(By.cssSelector(".pg-meeting-link")).getAttribute("href"))
                .endsWith("meeting.html?month=" + month);
        assertThat(WebMapDesktopTests.overflowing(page)).isEmpty();
        page.screenshot("home-leader");
        page.tap(".pg-panel-close");
    }
}
