package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.JsonNode;

/** The web map on a 1366×768 desktop in headless Chromium; what it must show is derived from the API. */
@H2gisTest
class WebMapDesktopTests {

    /** The Chinese names the page must show for the API's building uses. */
    static final Map<String, String> BUILDING_USES = Map.of("residential", "住宅", "commercial", "商业",
            "public", "公共服务", "industrial", "工业", "farm", "农业生产");

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.DESKTOP);

    @LocalServerPort
    int port;

    TownApi api;
    MapPage page;

    @BeforeEach
    void setUp() {
        api = new TownApi(port);
        page = new MapPage(browser.get(), port);
    }

    @Test
    void pageLoadsWithoutConsoleErrorsOrWarnings() {
        page.consoleEntries(Level.ALL);
        page.open().waitFor("every layer", p -> p.data("placesLoaded") != null && p.data("waterLoaded") != null
                && "hidden".equals(p.data("buildingsState")));
        page.screenshot("town");

        assertThat(page.consoleEntries(Level.WARNING)).isEmpty();
        assertThat(page.data("placesLoaded")).isNotEqualTo("error");
        assertThat(page.data("waterLoaded")).isNotEqualTo("error");
    }

    @Test
    void villageLayerShowsEveryVillageWithItsName() {
        List<String> names = names(api.get("/api/villages"));

        page.open();

        assertThat(names).hasSize(17);
        assertThat(page.data("villagesLoaded")).isEqualTo("17");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) page.js("return [...document.querySelectorAll('.pg-label-village')]"
                + ".map(e => e.textContent)");
        assertThat(labels).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void zoomingIntoAVillageDrawsItsBuildingsFromVectorTiles() {
        double[] spot = denseSpot();
        page.open().setView(spot[0], spot[1], 16)
                .waitFor("buildings", p -> "ready".equals(p.data("buildingsState")) && p.zoom() == 16);
        page.screenshot("buildings");

        int said = Integer.parseInt(page.data("buildingsCount"));
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) page.js("return [...pinganMap.layers.buildings.drawnKeys()]");
        assertThat(said).isPositive().isEqualTo(drawn.size());

        // Every building the server has well inside the view is drawn.
        double[] b = page.bounds();
        double inset = 0.001;
        JsonNode inView = api.get("/api/buildings?limit=5000&bbox=%f,%f,%f,%f".formatted(b[0] + inset,
                b[1] + inset, b[2] - inset, b[3] - inset));
        assertThat(inView.get("truncated").asBoolean()).isFalse();
        assertThat(drawn).containsAll(codes(inView)).isNotEmpty();
    }

    /** At zoom 17 the buildings' colours are on the tiles' canvases; neither layer asked for whole-town GeoJSON. */
    @Test
    void buildingsAndRoadsArePixelsOnTileCanvasesNotGeoJson() {
        double[] spot = denseSpot();
        page.open().setView(spot[0], spot[1], 17)
                .waitFor("buildings", p -> "ready".equals(p.data("buildingsState")) && p.zoom() == 17);
        page.screenshot("buildings-z17");
        // pixels whose colour is a building use's fill (blended at 0.85 over the land), counted on the tile canvases
        long buildingPixels = ((Number) page.js("let n = 0;"
                + " for (const c of document.querySelectorAll('.leaflet-pane.leaflet-pgBuildings-pane canvas')) {"
                + "   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "   for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 200) n++; } }"
                + " return n;")).longValue();
        assertThat(buildingPixels).as("opaque building pixels at z17").isGreaterThan(1_000);
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) page.js(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requests).anyMatch(u -> u.contains("/tiles/buildings/17/")).anyMatch(u -> u.contains("/tiles/roads/"))
                .noneMatch(u -> u.contains("/api/roads")).noneMatch(u -> u.contains("/api/buildings"));
        assertThat(Integer.parseInt(page.data("roadsLoaded"))).isPositive();
    }

    @Test
    void clickingInsideAGridShowsAPopupWithItsCode() {
        JsonNode grid = api.get("/api/grids").get("features").get(0).get("properties");
        double lng = grid.get("label").get(0).asDouble();
        double lat = grid.get("label").get(1).asDouble();
        String expected = api.get("/api/locate?lng=" + lng + "&lat=" + lat).get("grid").get("code").asString();

        page.open().setView(lng, lat, 15);
        clickAt(page.pixelOf(lng, lat));
        String popup = page.locatePopup("done");
        page.screenshot("popup");

        assertThat(popup).contains(expected, grid.get("name").asString(), "村/社区", "网格", "楼栋");
    }

    @Test
    void clickingABuildingShowsItsCodeUseInChineseAndFloors() {
        // A building whose bbox centre lies on it (any rectangular one).
        String village = densestVillage();
        double lng = 0;
        double lat = 0;
        JsonNode expected = null;
        for (JsonNode building : api.get("/api/buildings?limit=20&village=" + village).get("features")) {
            double[] box = TownApi.bbox(building.get("geometry"));
            lng = (box[0] + box[2]) / 2;
            lat = (box[1] + box[3]) / 2;
            expected = api.get("/api/locate?lng=" + lng + "&lat=" + lat).get("building");
            if (expected.isObject()) {
                break;
            }
        }
        assertThat(expected != null && expected.isObject()).as("a building found in " + village).isTrue();

        page.open().setView(lng, lat, 18).waitFor("buildings", p -> "ready".equals(p.data("buildingsState")));
        clickAt(page.pixelOf(lng, lat));
        String popup = page.locatePopup("done");
        page.screenshot("building-popup");

        assertThat(popup).contains(expected.get("code").asString(), expected.get("floors").asInt() + " 层",
                BUILDING_USES.get(expected.get("use").asString()));
    }

    @Test
    void clickingOutsideTheTownShowsTheServersExplanation() {
        double[] town = TownApi.bbox(api.get("/api/town").get("geometry"));
        double lng = town[0] - 0.02;
        double lat = (town[1] + town[3]) / 2;
        String detail = api.get("/api/locate?lng=" + lng + "&lat=" + lat, 404).get("detail").asString();

        page.open().setView(lng, lat, 13);
        clickAt(page.pixelOf(lng, lat));
        String popup = page.locatePopup("error");

        // The detail quotes the clicked coordinates, which differ in the last digits from ours.
        assertThat(withoutNumbers(popup)).isEqualTo(withoutNumbers(detail));
    }

    @Test
    void searchingAVillageFliesTheMapToIt() {
        JsonNode village = api.get("/api/villages").get("features").get(5);
        String name = village.get("properties").get("name").asString();
        String code = village.get("properties").get("code").asString();
        double[] box = TownApi.bbox(village.get("geometry"));
        // Start from a view wider than the whole town, whatever the shape of the village.
        page.open().js("pinganMap.map.setZoom(pinganMap.map.getZoom() - 1, {animate: false})");
        double zoomBefore = page.zoom();

        WebElement input = page.driver.findElement(By.cssSelector(".pg-search-input"));
        input.sendKeys(name);
        page.waitFor("search hits", p -> !p.driver.findElements(
                By.cssSelector(".pg-search-hit[data-code='" + code + "']")).isEmpty());
        page.screenshot("search");
        page.driver.findElement(By.cssSelector(".pg-search-hit[data-code='" + code + "']")).click();
        page.waitFor("the flight", p -> code.equals(p.data("searchFlownTo")));

        double[] view = page.bounds();
        double centreLng = (box[0] + box[2]) / 2;
        double centreLat = (box[1] + box[3]) / 2;
        assertThat(centreLng).isBetween(view[0], view[2]);
        assertThat(centreLat).isBetween(view[1], view[3]);
        assertThat(page.zoom()).isGreaterThan(zoomBefore);
    }

    @Test
    void enterInTheSearchBoxFliesToTheFirstHit() {
        JsonNode grid = api.get("/api/grids").get("features").get(2).get("properties");
        String code = grid.get("code").asString();
        String first = api.get("/api/search?q=" + code).get(0).get("code").asString();
        page.open();

        WebElement input = page.driver.findElement(By.cssSelector(".pg-search-input"));
        input.sendKeys(code);
        page.waitFor("search hits", p -> !p.driver.findElements(By.cssSelector(".pg-search-hit")).isEmpty());
        input.sendKeys(Keys.ENTER);
        page.waitFor("the flight", p -> first.equals(p.data("searchFlownTo")));

        assertThat(first).isEqualTo(code);
        double[] gridBox = TownApi.bbox(api.get("/api/grids/" + code).get("geometry"));
        double[] view = page.bounds();
        assertThat(view[0]).isLessThanOrEqualTo(gridBox[0]);
        assertThat(view[3]).isGreaterThanOrEqualTo(gridBox[3]);
    }

    @Test
    void gridParameterFramesThatGridAndMasksTheRest() {
        JsonNode grids = api.get("/api/grids").get("features");
        String code = grids.get(grids.size() / 2).get("properties").get("code").asString();
        double[] gridBox = TownApi.bbox(api.get("/api/grids/" + code).get("geometry"));

        page.open("?grid=" + code).waitFor("my area", p -> code.equals(p.data("myArea")));
        page.screenshot("my-area");

        double[] view = page.bounds();
        assertThat(view[0]).isLessThanOrEqualTo(gridBox[0]);
        assertThat(view[1]).isLessThanOrEqualTo(gridBox[1]);
        assertThat(view[2]).isGreaterThanOrEqualTo(gridBox[2]);
        assertThat(view[3]).isGreaterThanOrEqualTo(gridBox[3]);
        assertThat(page.zoom()).isGreaterThanOrEqualTo(14.0);
        assertThat(page.driver.findElements(By.cssSelector("path.pg-mask"))).hasSize(1);
        assertThat(page.driver.findElements(By.cssSelector("path.pg-my-area"))).hasSize(1);
    }

    /** The code of the village with the most households. */
    private String densestVillage() {
        JsonNode villages = api.get("/api/villages").get("features");
        return StreamSupport.stream(villages.spliterator(), false)
                .max(Comparator.comparingLong(v -> v.get("properties").get("households").asLong()))
                .orElseThrow().get("properties").get("code").asString();
    }

    /** The median of the first vertices of the buildings in the village with the most households. */
    private double[] denseSpot() {
        String village = densestVillage();
        List<double[]> points = new ArrayList<>();
        for (JsonNode building : api.get("/api/buildings?limit=5000&village=" + village).get("features")) {
            JsonNode c = building.get("geometry").get("coordinates");
            while (!c.get(0).isNumber()) {
                c = c.get(0);
            }
            points.add(new double[] { c.get(0).asDouble(), c.get(1).asDouble() });
        }
        assertThat(points).as("buildings in village " + village).isNotEmpty();
        double[] lngs = points.stream().mapToDouble(p -> p[0]).sorted().toArray();
        double[] lats = points.stream().mapToDouble(p -> p[1]).sorted().toArray();
        return new double[] { lngs[lngs.length / 2], lats[lats.length / 2] };
    }

    /** The controls (buttons, links, selects of the map's controls and panels) whose text does not fit them. */
    @SuppressWarnings("unchecked")
    static List<String> overflowing(MapPage page) {
        return (List<String>) page.js("return [...document.querySelectorAll('.leaflet-control button,"
                + " .leaflet-control a, .leaflet-control select, .leaflet-control label, .pg-actionbar button,"
                + " .pg-panel button, .pg-home-line')].filter(e => e.offsetParent)"
                + ".filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)"
                + ".map(e => (e.className || e.tagName) + ' ' + e.textContent.trim() + ' ' + e.scrollWidth + '>'"
                + " + e.clientWidth)");
    }

    private void clickAt(double[] pixel) {
        WebElement map = page.mapElement();
        int dx = (int) Math.round(pixel[0] - map.getRect().getWidth() / 2.0);
        int dy = (int) Math.round(pixel[1] - map.getRect().getHeight() / 2.0);
        new Actions(page.driver).moveToElement(map, dx, dy).click().perform();
    }

    private static List<String> names(JsonNode collection) {
        return StreamSupport.stream(collection.get("features").spliterator(), false)
                .map(f -> f.get("properties").get("name").asString()).toList();
    }

    private static Set<String> codes(JsonNode collection) {
        Set<String> codes = new HashSet<>();
        collection.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
        return codes;
    }

    private static String withoutNumbers(String text) {
        return text.replaceAll("-?[0-9]+(\\.[0-9]+)?", "#").strip();
    }
}
