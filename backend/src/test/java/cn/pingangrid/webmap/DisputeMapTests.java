package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;

/** Registering a dispute from the map, and the KPI page, in headless Chromium. */
@H2gisTest
class DisputeMapTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.DESKTOP);

    @LocalServerPort
    int port;

    MapPage page;

    @BeforeEach
    void setUp() {
        page = new MapPage(browser.get(), port);
    }

    @Test
    void aDisputeRegisteredByClickingTheMapAppearsOnIt() {
        page.consoleEntries(Level.ALL);
        // a grid far from the demo village, with a point surely inside it
        TownDataset.Item grid = TownDataset.read("grids").get(40);
        Point inside = grid.geometry().getInteriorPoint();
        page.open().setView(inside.getX(), inside.getY(), 16)
                .waitFor("the dispute markers", p -> "points".equals(p.data("disputesMode")));

        // a click on the map names the place; its popup offers 在此登记纠纷
        clickAt(page.pixelOf(inside.getX(), inside.getY()));
        page.locatePopup("done");
        page.driver.findElement(By.cssSelector(".pg-register-at")).click();
        page.waitFor("the form", p -> "true".equals(p.data("disputeFormOpen")));

        WebElement form = page.driver.findElement(By.cssSelector(".pg-dispute-form"));
        // 重大 without unit, person or deadline: the server refuses and the page shows why next to the field
        form.findElement(By.cssSelector(".pg-chip input[value=LAND_FOREST] + span")).click();
        new Select(form.findElement(By.name("severity"))).selectByValue("MAJOR");
        form.findElement(By.name("situation")).sendKeys("两组村民因山林界址发生争执");
        form.findElement(By.name("parties[0].name")).sendKeys("赵六");
        page.tap(".pg-dispute-submit");
        page.waitFor("the server's field error", p -> "responsibleUnit".equals(p.data("disputeFormError")));
        assertThat(form.findElement(By.cssSelector("[data-error-for='responsibleUnit']")).getText())
                .contains("责任单位");
        page.screenshot("dispute-form-error");
        // the refused POST is logged by the browser as an error: that one was intended
        assertThat(page.consoleEntries(Level.SEVERE)).allMatch(e -> e.getMessage().contains("status of 400"));

        new Select(form.findElement(By.name("severity"))).selectByValue("ORDINARY");
        page.tap(".pg-dispute-submit");
        page.waitFor("the registration", p -> p.data("disputeRegistered") != null);
        String id = page.data("disputeRegistered");
        page.waitFor("the new dot", p -> Boolean.TRUE.equals(p.js(
                "return pinganMap.layers.disputes.hasDispute(arguments[0])", id)));
        page.waitFor("its detail in the panel", p -> id.equals(p.data("disputeShown")));
        page.screenshot("dispute-registered");

        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    /**
     * The layer asks for the view's box (padded), not the whole scope: the town fits in the first view, so one
     * answer holds the town's disputes wherever one zooms inside it; a view beyond the padded box is asked for
     * again, and then holds only what lies around it (issue 14: a county office's map).
     */
    @Test
    void disputesAreAskedForByTheViewsPaddedBox() {
        Point west = endOfTown(Comparator.reverseOrder());
        Point east = endOfTown(Comparator.naturalOrder());
        TownApi api = new TownApi(port);
        long westId = register(api, west);
        long eastId = register(api, east);

        page.open().waitFor("both disputes", p -> has(p, westId) && has(p, eastId));
        page.js("window.disputeAsks = 0; pinganMap.layers.disputes.on('loading', () => { window.disputeAsks += 1; })");
        int asked = disputeRequests();
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) page.js(
                "return pinganMap.layers.disputes._box.toBBoxString().split(',').map(Number)");
        double[] view = page.bounds();
        assertThat(box.get(0).doubleValue()).isLessThan(view[0]);
        assertThat(box.get(2).doubleValue()).isGreaterThan(view[2]);

        // zoomed in on the town's west end: still inside the first box, nothing asked, the east one still held
        page.setView(west.getX(), west.getY(), 17).waitFor("points", p -> "points".equals(p.data("disputesMode")));
        assertThat(disputeRequests()).isEqualTo(asked);
        assertThat(has(page, eastId)).isTrue();

        // far beyond the town: asked again for that view, which holds neither
        page.setView(east.getX() + 0.5, east.getY(), 17)
                .waitFor("a new answer", p -> disputeRequests() > asked && !has(p, westId) && !has(p, eastId));
        // back at the west end at zoom 17: its box holds the west dispute, not the one ~10 km east
        int away = disputeRequests();
        page.setView(west.getX(), west.getY(), 17)
                .waitFor("the west dispute again", p -> disputeRequests() > away && has(p, westId));
        assertThat(has(page, eastId)).isFalse();
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    /**
     * A wide view asks the per-village counts first and draws them when the view holds more than the layer's
     * limit of points (a county office looking at several towns; here the limit is lowered to fit the town): one
     * ring per village, adding up to what the points showed, and a click on one zooms in to the points.
     */
    @Test
    void aWideViewHoldingMoreThanTheLimitDrawsOneCountPerVillage() {
        Point west = endOfTown(Comparator.reverseOrder());
        Point east = endOfTown(Comparator.naturalOrder());
        TownApi api = new TownApi(port);
        register(api, west);
        register(api, east);
        double lng = (west.getX() + east.getX()) / 2;
        double lat = (west.getY() + east.getY()) / 2;

        // the town at zoom 12 holds fewer than 2,000: its points, as before
        page.open().setView(lng, lat, 12).waitFor("points", p -> "clusters".equals(p.data("disputesMode"))
                && !"0".equals(p.data("disputesLoaded")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) page.js("return pinganMap.layers.disputes"
                + ".features().map(f => ({village: f.properties.villageCode, status: f.properties.status}))");
        long shown = points.size();
        long open = points.stream().filter(f -> !List.of("RESOLVED", "CLOSED", "FOLLOWED_UP")
                .contains(f.get("status"))).count();
        Set<Object> villages = points.stream().map(f -> f.get("village")).collect(Collectors.toSet());
        assertThat(villages).hasSizeGreaterThan(1);

        page.js("pinganMap.layers.disputes.options.maxPoints = arguments[0] - 1;"
                + " return pinganMap.layers.disputes.reload()", shown);
        page.waitFor("the village counts", p -> "counts".equals(p.data("disputesMode")));
        assertThat(page.data("disputesLoaded")).isEqualTo(String.valueOf(shown));
        assertThat(page.number("return pinganMap.layers.disputes.totals().open")).isEqualTo(open);
        assertThat(page.number("return pinganMap.layers.disputes.features().length")).isZero();
        List<WebElement> rings = page.driver.findElements(By.cssSelector(".leaflet-marker-pane .pg-cluster"));
        assertThat(rings).hasSize(villages.size());
        assertThat(rings.stream().mapToLong(r -> Long.parseLong(r.getText())).sum()).isEqualTo(shown);
        assertThat(page.driver.findElement(By.cssSelector(".pg-notice")).getText()).contains("按村显示件数");
        page.screenshot("dispute-village-counts");

        // a click on a ring zooms in to zoom 14 (12 + 2), where the village's disputes are points again
        rings.get(0).click();
        page.waitFor("the points again", p -> p.zoom() >= 14 && !"counts".equals(p.data("disputesMode")));
        assertThat(page.number("return pinganMap.layers.disputes.features().length")).isPositive();
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    /** A point in the town's westernmost (reverse order) or easternmost building. */
    private static Point endOfTown(Comparator<Double> order) {
        return TownDataset.read("buildings").stream().map(b -> b.geometry().getInteriorPoint())
                .max(Comparator.comparing(Point::getX, order)).orElseThrow();
    }

    private static boolean has(MapPage p, long id) {
        return Boolean.TRUE.equals(p.js("return pinganMap.layers.disputes.hasDispute(arguments[0])", id));
    }

    /** The layer's requests since the counter was set. */
    private int disputeRequests() {
        return ((Number) page.js("return window.disputeAsks")).intValue();
    }

    private static long register(TownApi api, Point at) {
        String body = "{\"lng\":%s,\"lat\":%s,\"type\":\"NEIGHBOURS\",\"severity\":\"ORDINARY\",\"source\":\"SWEEP\","
                .formatted(at.getX(), at.getY())
                + "\"situation\":\"地图范围测试：邻里纠纷\",\"peopleInvolved\":2,\"parties\":[{\"name\":\"张三\"}]}";
        var answer = api.http.send("POST", "/api/disputes", "application/json", body);
        assertThat(answer.statusCode()).as(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body()).get("id").asLong();
    }

    @Test
    void theKpiPageShowsEveryVillage() {
        page.open();
        page.driver.get("http://localhost:" + port + "/kpi.html?from=2025-01-01");
        page.waitFor("the KPI table", p -> "ready".equals(p.data("kpiState")));
        assertThat(page.data("kpiRows")).isEqualTo("17");
        assertThat(page.driver.findElements(By.cssSelector("#kpi-table tfoot td")).get(0).getText()).isEqualTo("全镇");
        // each definition stated, citing the seed where it sets it; the town's monthly sweep per month
        String definitions = page.driver.findElement(By.cssSelector(".pg-kpi-definitions")).getText();
        assertThat(definitions).contains("对接受理", "方案五、2", "方案七（四）1", "镇月排查", "排查时间");
        assertThat(page.driver.findElement(By.id("kpi-town-sweeps")).getText()).startsWith("镇月排查报送");
        page.screenshot("kpi");
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    private void clickAt(double[] pixel) {
        WebElement map = page.mapElement();
        int dx = (int) Math.round(pixel[0] - map.getRect().getWidth() / 2.0);
        int dy = (int) Math.round(pixel[1] - map.getRect().getHeight() / 2.0);
        new Actions(page.driver).moveToElement(map, dx, dy).click().perform();
    }
}
