package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The 平安创建 layer in Chromium: filtering by kind, drawing a site, and the server's validation shown. */
@H2gisTest
class SiteLayerTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.DESKTOP);

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();
    MapPage page;

    @BeforeEach
    void setUp() {
        page = new MapPage(browser.get(), port);
    }

    @Test
    void theSiteLayerFiltersByKind() throws Exception {
        List<TownDataset.Item> grids = TownDataset.read("grids");
        long campus = create("CAMPUS", "浏览器测试学校", spot(grids.get(10)));
        long hospital = create("HOSPITAL", "浏览器测试卫生室", spot(grids.get(20)));
        page.open();
        page.waitFor("the sites", p -> p.data("sitesLoaded") != null && p.data("sitesLoaded").matches("\\d+"));
        assertThat(shownIds()).contains(campus, hospital);

        openPanel();
        new Select(page.driver.findElement(By.cssSelector(".pg-site-panel select[name=kind]"))).selectByValue("CAMPUS");
        List<Long> expected = ids(read("/api/sites?kind=CAMPUS"));
        page.waitFor("the filtered sites", p -> "CAMPUS|".equals(p.data("sitesFilter"))
                && String.valueOf(expected.size()).equals(p.data("sitesLoaded")));
        assertThat(shownIds()).containsExactlyInAnyOrderElementsOf(expected).contains(campus).doesNotContain(hospital);
        assertThat(page.js("return pinganMap.safety.sites.features().every(f => f.properties.kind === 'CAMPUS')"))
                .isEqualTo(true);
        assertThat(page.driver.findElements(By.cssSelector(".pg-site.pg-site-HOSPITAL"))).isEmpty();
        assertThat(page.driver.findElements(By.cssSelector(".pg-site.pg-site-CAMPUS"))).isNotEmpty();
        page.screenshot("sites-filtered-campus");

        new Select(page.driver.findElement(By.cssSelector(".pg-site-panel select[name=kind]"))).selectByValue("");
        page.waitFor("all sites again", p -> "|".equals(p.data("sitesFilter")));
        assertThat(shownIds()).contains(campus, hospital);
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    @Test
    void theTownOfficeDrawsAPointSiteAndSeesTheServersRefusal() throws Exception {
        page.open();
        page.waitFor("the sites", p -> p.data("sitesLoaded") != null);
        TownDataset.Item grid = TownDataset.read("grids").get(30);
        Point inside = spot(grid);
        page.setView(inside.getX(), inside.getY(), 15);

        openPanel();
        fill("name", "画出来的家庭");
        new Select(page.driver.findElement(By.cssSelector(".pg-site-panel select[name=newKind]"))).selectByValue("FAMILY");
        page.driver.findElement(By.cssSelector(".pg-draw-point")).click();
        page.waitFor("drawing", p -> "marker".equals(p.data("drawing")));
        clickAt(inside.getX(), inside.getY());
        page.waitFor("the saved site", p -> p.data("siteSaved") != null && !p.data("siteSaved").isEmpty());
        long id = Long.parseLong(page.data("siteSaved"));
        JsonNode saved = read("/api/sites/" + id).get("properties");
        assertThat(saved.get("name").asString()).isEqualTo("画出来的家庭");
        assertThat(saved.get("kind").asString()).isEqualTo("FAMILY");
        assertThat(saved.get("gridCode").asString()).isEqualTo(grid.code());

        // a point outside the town: the server's 400 is shown in the panel, and nothing is written
        Geometry town = TownDataset.read("town").get(0).geometry();
        Envelope box = town.getEnvelopeInternal();
        page.setView(box.getMinX(), box.getMinY(), 14);
        Point outside = Wgs84.point(box.getMinX() + 0.001, box.getMinY() + 0.001);
        assertThat(town.covers(outside)).isFalse();
        int before = ids(read("/api/sites")).size();
        fill("name", "镇外点位");
        page.driver.findElement(By.cssSelector(".pg-draw-point")).click();
        page.js("document.body.dataset.drawing = ''");
        page.driver.findElement(By.cssSelector(".pg-draw-point")).click();
        page.waitFor("drawing", p -> "marker".equals(p.data("drawing")));
        clickAt(outside.getX(), outside.getY());
        page.waitFor("the refusal", p -> p.data("siteError") != null && !p.data("siteError").isEmpty());
        String shown = page.driver.findElement(By.cssSelector(".pg-site-panel .pg-form-error")).getText();
        assertThat(shown).contains("超出本镇范围");
        page.screenshot("site-outside-town-refused");
        assertThat(ids(read("/api/sites")).size()).isEqualTo(before);
        assertThat(page.consoleEntries(Level.SEVERE)).as("console").allSatisfy(e ->
                assertThat(e.getMessage()).contains("400")); // the refused POST itself is logged by Chromium
    }

    /**
     * A point inside the grid but away from its label point (where other browser tests of the shared context click
     * to locate): interior point moved about 100 m.
     */
    static Point spot(TownDataset.Item grid) {
        Point c = grid.geometry().getInteriorPoint();
        for (double[] d : new double[][] { { 0.0011, 0.0007 }, { -0.0011, -0.0007 }, { 0.0011, -0.0007 },
                { -0.0011, 0.0007 }, { 0.0005, 0.0003 } }) {
            Point p = cn.pingangrid.geo.Wgs84.point(c.getX() + d[0], c.getY() + d[1]);
            if (grid.geometry().buffer(-0.0006).covers(p)) {
                return p;
            }
        }
        return c;
    }

    private void openPanel() {
        if (!page.driver.findElement(By.cssSelector(".pg-site-panel")).getAttribute("class").contains("pg-expanded")) {
            page.driver.findElement(By.cssSelector(".pg-site-panel-toggle")).click();
        }
    }

    private void fill(String name, String text) {
        var field = page.driver.findElement(By.cssSelector(".pg-site-panel input[name=" + name + "]"));
        field.clear();
        field.sendKeys(text);
    }

    private void clickAt(double lng, double lat) {
        double[] px = page.pixelOf(lng, lat);
        var map = page.mapElement();
        int dx = (int) Math.round(px[0] - map.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(px[1] - map.getSize().getHeight() / 2.0);
        new Actions(page.driver).moveToElement(map, dx, dy).click().perform();
    }

    private List<Long> shownIds() {
        @SuppressWarnings("unchecked")
        List<Number> ids = (List<Number>) page.js("return pinganMap.safety.sites.features().map(f => f.properties.id)");
        return ids.stream().map(Number::longValue).toList();
    }

    private long create(String kind, String name, Point p) throws Exception {
        String body = "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":" + String.format(Locale.ROOT, "[%.7f,%.7f]", p.getX(), p.getY()) + "}}";
        var response = mvc.perform(post("/api/sites").with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(201);
        return json.readTree(response.getContentAsByteArray()).get("id").asLong();
    }

    private JsonNode read(String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))).andReturn()
                .getResponse().getContentAsByteArray());
    }

    private static List<Long> ids(JsonNode fc) {
        List<Long> ids = new ArrayList<>();
        fc.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }
}
