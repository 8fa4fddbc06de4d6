package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import org.locationtech.jts.geom.Point;

import cn.pingangrid.testsupport.TownDataset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A village cadre files the weekly sweep as a zero report on the sweep page; filing it twice is refused. */
@H2gisTest
class SweepPageTests {

    /** A week long past, so the shared test database's current-week compliance is left alone. */
    static final String WEEK = "2024-W10";
    static final String MONDAY = "2024-03-04";

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.DESKTOP);

    @LocalServerPort
    int port;

    @Test
    void villageCadreFilesAZeroReportAndCannotFileItTwice() {
        TownApi api = new TownApi(port, DemoUsers.VILLAGE_CADRE);
        String village = api.get("/api/me").get("area").get("villages").get(0).asString();
        MapPage page = new MapPage(browser.get(), port).signOut();
        page.submitLogin(DemoUsers.VILLAGE_CADRE, DemoUsers.PASSWORD);
        page.waitFor("the map", p -> "true".equals(p.data("mapReady")));

        page.driver.get("http://localhost:" + port + "/sweep.html");
        page.waitFor("this week's compliance", p -> "1".equals(p.data("complianceLoaded")));
        assertThat(page.driver.findElement(By.cssSelector("#compliance tbody tr")).getAttribute("data-village"))
                .isEqualTo(village);

        fileZeroReport(page);
        page.waitFor("the sweep to be filed", p -> p.data("sweepFiled") != null && p.data("sweepFiled").matches("\\d+"));
        page.screenshot("sweep");
        JsonNode filed = api.get("/api/sweeps?from=" + MONDAY + "&to=" + MONDAY);
        assertThat(filed).anySatisfy(s -> {
            assertThat(s.get("village").asString()).isEqualTo(village);
            assertThat(s.get("zeroReport").asBoolean()).isTrue();
            assertThat(s.get("id").asString()).isEqualTo(page.data("sweepFiled"));
        });

        fileZeroReport(page);
        page.waitFor("the refusal", p -> "error".equals(p.data("sweepFiled")));
        assertThat(page.driver.findElement(By.id("sweep-error")).getText()).contains("已经填报");
    }

    @Test
    void theWeeksDisputesOfTheVillageArePickedFromAList() {
        TownApi api = new TownApi(port, DemoUsers.VILLAGE_CADRE);
        String village = api.get("/api/me").get("area").get("villages").get(0).asString();
        TownDataset.Item grid = TownDataset.read("grids").stream().filter(g -> g.code().startsWith(village))
                .findFirst().orElseThrow();
        Point p = SiteLayerTests.spot(grid);
        String body = String.format(java.util.Locale.ROOT, "{\"lng\":%.7f,\"lat\":%.7f,\"type\":\"WAGES\","
                + "\"severity\":\"ORDINARY\",\"situation\":\"排查页清单测试\",\"sweptOn\":\"2024-03-19\"}", p.getX(), p.getY());
        var created = api.http.send("POST", "/api/disputes", "application/json", body);
        assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
        String id = JsonMapper.builder().build().readTree(created.body()).get("id").asString();

        MapPage page = new MapPage(browser.get(), port).signOut();
        page.submitLogin(DemoUsers.VILLAGE_CADRE, DemoUsers.PASSWORD);
        page.waitFor("the map", q -> "true".equals(q.data("mapReady")));
        page.driver.get("http://localhost:" + port + "/sweep.html");
        page.waitFor("this week's compliance", q -> "1".equals(q.data("complianceLoaded")));
        page.js("document.body.dataset.weekDisputes = ''; const f = document.getElementById('sweep-form');"
                + " f.period.value = '2024-W12'; f.period.dispatchEvent(new Event('change'));");
        page.waitFor("the week's disputes", q -> q.data("weekDisputes") != null && !q.data("weekDisputes").isEmpty());
        page.driver.findElement(By.cssSelector("#week-disputes input[value='" + id + "']")).click();
        page.screenshot("sweep-pick-disputes");
        page.js("document.body.dataset.sweepFiled = ''");
        page.driver.findElement(By.cssSelector("#sweep-form button[type=submit]")).click();
        page.waitFor("the sweep to be filed", q -> q.data("sweepFiled") != null && q.data("sweepFiled").matches("\\d+"));
        JsonNode filed = api.get("/api/sweeps?from=2024-03-18&to=2024-03-18");
        assertThat(filed).anySatisfy(s -> {
            assertThat(s.get("village").asString()).isEqualTo(village);
            assertThat(s.get("zeroReport").asBoolean()).isFalse();
            assertThat(s.get("disputeIds").toString()).contains(id);
        });
    }

    /** The week chosen in the form, then the one-tap zero report. */
    private static void fileZeroReport(MapPage page) {
        page.js("document.body.dataset.sweepFiled = ''; const f = document.getElementById('sweep-form');"
                + " f.period.value = arguments[0]; f.period.dispatchEvent(new Event('change'));", WEEK);
        page.waitFor("the button for that week", p -> p.driver.findElement(By.id("zero-report")).getText()
                .contains(WEEK));
        page.driver.findElement(By.id("zero-report")).click();
    }
}
