package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.JsonNode;

/** The web map on a 360×640 phone screen: the map keeps the screen, controls stay small and apart. */
@H2gisTest
class WebMapPhoneTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.PHONE);

    @LocalServerPort
    int port;

    MapPage page;

    @BeforeEach
    void setUp() {
        page = new MapPage(browser.get(), port);
    }

    @Test
    void mapFillsTheScreenAndTheSearchControlStaysSmallAndApart() {
        page.open();
        page.screenshot("town");

        Map<String, Number> map = page.rect("#map");
        assertThat(map.get("width").intValue()).isEqualTo(360);
        assertThat(map.get("height").intValue()).isEqualTo(640);

        Map<String, Number> search = page.rect(".pg-search");
        assertThat(page.driver.findElement(By.cssSelector(".pg-search-toggle")).isDisplayed()).isTrue();
        assertThat(inside(search, map)).as("search inside the screen").isTrue();
        assertThat(area(search)).as("collapsed search").isLessThan(0.02 * area(map));

        // All controls together leave most of the map free, and none overlaps the search box.
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> controls = (List<Map<String, Number>>) page.js(
                "return [...document.querySelectorAll('.leaflet-control:not(.pg-search)')]"
                        + ".filter(e => e.offsetParent).map(e => e.getBoundingClientRect().toJSON())");
        double covered = area(search) + controls.stream().mapToDouble(WebMapPhoneTests::area).sum();
        assertThat(covered).isLessThan(0.15 * area(map));
        controls.forEach(c -> assertThat(overlap(c, search)).as("overlap with search").isZero());

        page.driver.findElement(By.cssSelector(".pg-search-toggle")).click();
        Map<String, Number> open = page.rect(".pg-search");
        assertThat(page.driver.findElement(By.cssSelector(".pg-search-input")).isDisplayed()).isTrue();
        assertThat(inside(open, map)).as("opened search inside the screen").isTrue();
        page.screenshot("search-open");
    }

    @Test
    void locatePopupFitsThePhoneScreen() {
        TownApi api = new TownApi(port);
        JsonNode grid = api.get("/api/grids").get("features").get(1).get("properties");
        double lng = grid.get("label").get(0).asDouble();
        double lat = grid.get("label").get(1).asDouble();

        page.open().setView(lng, lat, 16);
        // the map's own click at the label point (a marker that other tests left there would take a real tap)
        page.js("pinganMap.map.fire('click', {latlng: L.latLng(arguments[0], arguments[1])})", lat, lng);
        String popup = page.locatePopup("done");
        page.waitFor("the popup to settle inside the screen", p -> inside(p.rect(".leaflet-popup"), p.rect("#map")));
        page.screenshot("popup");

        assertThat(popup).contains(grid.get("code").asString());
        assertThat(page.controlsCovering(".leaflet-popup")).as("controls over the popup").isZero();
        page.js("pinganMap.map.closePopup()");
        assertThat(page.number("return [...document.querySelectorAll('.leaflet-top .leaflet-control')]"
                + ".filter(e => getComputedStyle(e).visibility === 'hidden').length")).as("controls back").isZero();
    }

    private static double area(Map<String, Number> r) {
        return r.get("width").doubleValue() * r.get("height").doubleValue();
    }

    private static boolean inside(Map<String, Number> r, Map<String, Number> outer) {
        double x = r.get("x").doubleValue();
        double y = r.get("y").doubleValue();
        return x >= outer.get("x").doubleValue() && y >= outer.get("y").doubleValue()
                && x + r.get("width").doubleValue() <= outer.get("x").doubleValue() + outer.get("width").doubleValue()
                && y + r.get("height").doubleValue() <= outer.get("y").doubleValue() + outer.get("height").doubleValue();
    }

    private static double overlap(Map<String, Number> a, Map<String, Number> b) {
        double w = Math.min(a.get("x").doubleValue() + a.get("width").doubleValue(),
                b.get("x").doubleValue() + b.get("width").doubleValue())
                - Math.max(a.get("x").doubleValue(), b.get("x").doubleValue());
        double h = Math.min(a.get("y").doubleValue() + a.get("height").doubleValue(),
                b.get("y").doubleValue() + b.get("height").doubleValue())
                - Math.max(a.get("y").doubleValue(), b.get("y").doubleValue());
        return Math.max(0, w) * Math.max(0, h);
    }
}
