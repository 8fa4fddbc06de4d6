package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.JsonNode;

/**
 * A grid manager registers a dispute on a 360×640 phone: 在此登记 at the GPS fix, the type, the situation,
 * 提交 — three taps and the typing; 提交 is the element under its own centre with and without the keyboard.
 */
@H2gisTest
class PhoneRegistrationTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.PHONE);

    @LocalServerPort
    int port;

    MapPage page;
    TownApi api;
    String ownGrid;

    @BeforeEach
    void setUp() {
        page = new MapPage(browser.get(), port);
        api = new TownApi(port, DemoUsers.GRID_MANAGER);
        ownGrid = api.get("/api/me").get("area").get("grids").get(0).asString();
        page.viewport(360, 640, true);
    }

    @Test
    void aGridManagerRegistersAtTheGpsFixInThreeTaps() throws Exception {
        Point here = SiteLayerTests.spot(grid(ownGrid));
        page.openAs(DemoUsers.GRID_MANAGER);
        page.consoleEntries(Level.ALL);
        gps(here.getX(), here.getY());
        page.screenshot("grid-manager-home");

        int taps = 0;
        page.tap(".pg-register-here");
        taps++;
        page.waitFor("the form", p -> "true".equals(p.data("disputeFormOpen")));
        // whether the point is in the own grid is said before any typing
        page.waitFor("the area check", p -> "own".equals(p.data("registerArea")));
        page.waitFor("the position dot", p -> "found".equals(p.data("positionState")));
        assertThat(page.driver.findElements(By.cssSelector(".pg-position-dot"))).isNotEmpty();
        assertThat(text(".pg-register-place")).contains(grid(ownGrid).properties().get("name").asString());
        // what a grid manager fills in, nothing of the town office's
        assertThat(page.driver.findElements(By.name("responsibleUnit"))).isEmpty();
        assertThat(page.driver.findElements(By.name("deadline"))).isEmpty();
        assertThat(page.driver.findElement(By.name("sweptBy")).getAttribute("value")).isEqualTo(displayName());
        assertThat(page.reachable(".pg-dispute-submit")).as("提交 at 360×640").isTrue();
        page.screenshot("register-form");

        page.tap(".pg-chip input[value=NEIGHBOURS] + span");
        taps++;
        page.driver.findElement(By.name("situation")).sendKeys("两户因排水沟堵塞发生口角");
        // an optional photo, made smaller on the phone before it is sent
        page.driver.findElement(By.cssSelector("input[name=photo]")).sendKeys(bigPhoto().toString());
        page.waitFor("the resized photo", p -> p.data("photoBytes") != null);
        // the keyboard takes the lower half of the screen: 提交 stays reachable
        page.viewport(360, 330, true);
        page.waitFor("提交 above the keyboard", p -> p.reachable(".pg-dispute-submit"));
        page.screenshot("register-form-keyboard");
        page.viewport(360, 640, true);

        page.tap(".pg-dispute-submit");
        taps++;
        page.waitFor("the registration", p -> p.data("disputeRegistered") != null);
        assertThat(taps).isLessThanOrEqualTo(4);
        String id = page.data("disputeRegistered");
        JsonNode stored = api.get("/api/disputes/" + id);
        assertThat(stored.get("grid").get("code").asString()).isEqualTo(ownGrid);
        assertThat(stored.get("type").get("code").asString()).isEqualTo("NEIGHBOURS");
        assertThat(stored.get("sweptBy").asString()).isEqualTo(displayName());
        assertThat(Math.abs(stored.get("lng").asDouble() - here.getX())).isLessThan(1e-6);
        assertThat(stored.get("photo").asString()).isEqualTo("api/disputes/" + id + "/photo");
        var photo = api.http.get("/api/disputes/" + id + "/photo");
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(photo.body().length).isEqualTo(Integer.parseInt(page.data("photoBytes")));
        java.awt.image.BufferedImage sent = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo.body()));
        assertThat(Math.max(sent.getWidth(), sent.getHeight())).as("resized on the phone").isEqualTo(1280);
        // the new dispute opens in the bottom sheet
        page.waitFor("the detail", p -> id.equals(p.data("disputeShown")));
        page.screenshot("registered-detail");
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    @Test
    void aPointOutsideTheOwnGridIsSaidBeforeTypingAndErrorsAreChinese() {
        page.openAs(DemoUsers.GRID_MANAGER);
        TownDataset.Item foreign = TownDataset.read("grids").stream()
                .filter(g -> !g.code().startsWith(ownGrid.substring(0, 12))).findFirst().orElseThrow();
        Point there = SiteLayerTests.spot(foreign);
        page.js("pinganMap.controls.register.open(L.latLng(arguments[1], arguments[0]))", there.getX(), there.getY());
        page.waitFor("the area check", p -> "outside".equals(p.data("registerArea")));
        assertThat(text(".pg-register-warning")).contains("不在您负责的区域内");
        assertThat(page.driver.findElement(By.cssSelector(".pg-dispute-submit")).isEnabled()).isFalse();
        page.screenshot("register-outside-area");
        page.tap(".pg-dispute-cancel");

        // in the own grid, an empty form: the reasons are Chinese and next to their fields
        Point here = SiteLayerTests.spot(grid(ownGrid));
        page.js("pinganMap.controls.register.open(L.latLng(arguments[1], arguments[0]))", here.getX(), here.getY());
        page.waitFor("the area check", p -> "own".equals(p.data("registerArea")));
        page.tap(".pg-dispute-submit");
        assertThat(text("[data-error-for=type]")).isEqualTo("请选择类型");
        assertThat(text("[data-error-for=situation]")).isEqualTo("请填写矛盾情况");
        page.tap(".pg-dispute-cancel");
    }

    @Test
    void aRefusedLocationIsExplainedInChinese() {
        page.openAs(DemoUsers.GRID_MANAGER);
        page.driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "geolocation"),
                "setting", "denied", "origin", "http://localhost:" + port));
        page.tap(".pg-register-here");
        page.waitFor("the refusal", p -> "error".equals(p.data("positionState")));
        String notice = text(".pg-notice");
        assertThat(notice).contains("未获得定位权限").contains("点地图选择位置").doesNotContain("denied");
        page.screenshot("location-refused");
    }

    @Test
    void everyControlIsBigEnoughForAFingerAndNoTextOverflows() {
        page.openAs(DemoUsers.TOWN_OFFICE);
        page.tap(".pg-dispute-filter-toggle");
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.js("return [...document.querySelectorAll("
                + "'.leaflet-control button, .leaflet-control a, .leaflet-control select, .leaflet-control input,"
                + " .pg-actionbar button')].filter(e => e.offsetParent && !e.closest('.leaflet-control-attribution'))"
                + ".filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; })"
                + ".map(e => (e.className || e.tagName) + ' ' + e.textContent.trim() + ' '"
                + " + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height))");
        assertThat(small).as("touch targets under 44 px").isEmpty();
        assertThat(WebMapDesktopTests.overflowing(page)).as("controls whose text overflows").isEmpty();
        page.screenshot("town-office-filters");
        page.tap(".pg-dispute-filter-toggle");
    }

    /** A 3000×2000 PNG, as a phone camera's photo is large. */
    private static java.nio.file.Path bigPhoto() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(3000, 2000,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(0x2b8a3e));
            g.fillRect(0, 0, 3000, 1000);
            g.dispose();
            java.nio.file.Path file = java.nio.file.Path.of("target", "photo-3000x2000.png").toAbsolutePath();
            javax.imageio.ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void gps(double lng, double lat) {
        page.driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation"),
                "origin", "http://localhost:" + port));
        page.driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng,
                "accuracy", 12));
    }

    private String displayName() {
        return api.get("/api/me").get("displayName").asString();
    }

    private String text(String selector) {
        return page.driver.findElement(By.cssSelector(selector)).getText();
    }

    private static TownDataset.Item grid(String code) {
        return TownDataset.read("grids").stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
    }
}
