package cn.pingangrid.webmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.pingangrid.testsupport.DemoUsers;

/**
 * The web map in the browser, read through its test hook ({@code window.pinganMap} and the data attributes on
 * {@code <body>}), so tests wait on the page's real state instead of sleeping.
 */
final class MapPage {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    final ChromeDriver driver;
    private final String base;
    private final String viewportName;

    MapPage(HeadlessChromium browser, int port) {
        this.driver = browser.driver;
        this.base = "http://localhost:" + port + "/";
        this.viewportName = browser.viewport.name();
    }

    /**
     * Opens the page (with an optional query such as {@code ?grid=...}) and waits until every layer is loaded.
     * Signed out, the server sends the browser to the sign-in page first: sign in there as the town office.
     */
    MapPage open(String query) {
        driver.get(base + query);
        if (driver.getCurrentUrl().contains("login.html")) {
            submitLogin(DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
            waitFor("the sign-in to lead back to the map", p -> !driver.getCurrentUrl().contains("login.html"));
            driver.get(base + query);
        }
        waitFor("the map and its layers to load", page -> "true".equals(data("mapReady"))
                && "true".equals(data("baseLoaded")) && isCount(data("villagesLoaded"))
                && isCount(data("gridsLoaded")) && isCount(data("roadsLoaded")));
        return this;
    }

    MapPage open() {
        return open("");
    }

    /** Signs out, signs in as {@code username} and opens the map (waiting for its layers). */
    MapPage openAs(String username) {
        signOut();
        driver.get(base + "login.html");
        submitLogin(username, DemoUsers.PASSWORD);
        waitFor("the sign-in to lead to the map", p -> !driver.getCurrentUrl().contains("login.html"));
        return open("");
    }

    /** Sets the CSS viewport (e.g. 360×330: a phone with its keyboard open). */
    MapPage viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        return this;
    }

    /**
     * Whether the element of {@code selector} is what a finger at its centre touches: inside the viewport and
     * {@code document.elementFromPoint} there is the element itself or inside it (nothing lies over it).
     */
    boolean reachable(String selector) {
        return Boolean.TRUE.equals(js("const e = document.querySelector(arguments[0]); if (!e) return false;"
                + " const r = e.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2;"
                + " if (r.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;"
                + " const hit = document.elementFromPoint(x, y); return hit === e || e.contains(hit);", selector));
    }

    /** Clicks the element of {@code selector} the way a finger does: at its centre, through the real input. */
    MapPage tap(String selector) {
        driver.findElement(org.openqa.selenium.By.cssSelector(selector)).click();
        return this;
    }

    /**
     * Ends the browser's session, so the next page asks for a sign-in. The page the last test left is closed first
     * (about:blank): still loading, it would send its next request without a cookie and log that 401 into the
     * following test's console (seen once in CI: the previous test's home-panel month line, /api/kpis). CDP clears the
     * cookies, as WebDriver's deleteAllCookies only reaches the open document's site.
     */
    MapPage signOut() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        return this;
    }

    /** Opens the sign-in page and submits it; the caller waits for what should follow. */
    MapPage submitLogin(String username, String password) {
        if (!driver.getCurrentUrl().contains("login.html")) {
            driver.get(base + "login.html");
        }
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        return this;
    }

    private static boolean isCount(String value) {
        return value != null && value.matches("\\d+");
    }

    /** A data attribute of {@code <body>} by its dataset name ({@code villagesLoaded}), or null. */
    String data(String name) {
        return (String) js("return document.body.dataset[arguments[0]] ?? null", name);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    double number(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    MapPage waitFor(String what, Predicate<MapPage> condition) {
        new WebDriverWait(driver, TIMEOUT).withMessage("waiting for " + what).until(d -> condition.test(this));
        return this;
    }

    /** Waits for the locate popup to finish ({@code done} or {@code error}) and fade in; returns its text. */
    String locatePopup(String expectedState) {
        waitFor("the locate popup", p -> expectedState.equals(p.data("locateState")) && "1".equals(p.js(
                "const e = document.querySelector('.leaflet-popup'); return e && getComputedStyle(e).opacity")));
        return driver.findElement(By.cssSelector(".leaflet-popup-content")).getText();
    }

    /** Moves the map without animation through the test hook. */
    MapPage setView(double lng, double lat, int zoom) {
        js("pinganMap.map.setView([arguments[0], arguments[1]], arguments[2], {animate: false})", lat, lng, zoom);
        return this;
    }

    double zoom() {
        return number("return pinganMap.map.getZoom()");
    }

    /** The map's bounds as [west, south, east, north]. */
    double[] bounds() {
        @SuppressWarnings("unchecked")
        List<Number> b = (List<Number>) js("const b = pinganMap.map.getBounds();"
                + " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]");
        return b.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** The container pixel of a lng/lat, as [x, y]. */
    double[] pixelOf(double lng, double lat) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) js("const p = pinganMap.map.latLngToContainerPoint([arguments[0], arguments[1]]);"
                + " return [p.x, p.y]", lat, lng);
        return new double[] { p.get(0).doubleValue(), p.get(1).doubleValue() };
    }

    WebElement mapElement() {
        return driver.findElement(By.id("map"));
    }

    /** The page's element rectangle as x, y, width, height (CSS pixels). */
    @SuppressWarnings("unchecked")
    Map<String, Number> rect(String selector) {
        return (Map<String, Number>) js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return {x: r.x, y: r.y, width: r.width, height: r.height}", selector);
    }

    /** How many shown map controls overlap the element {@code selector} (e.g. an open popup). */
    long controlsCovering(String selector) {
        return ((Number) js("const t = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return [...document.querySelectorAll('.leaflet-control')]"
                + ".filter(e => e.offsetParent && getComputedStyle(e).visibility !== 'hidden')"
                + ".map(e => e.getBoundingClientRect())"
                + ".filter(c => Math.min(c.right, t.right) > Math.max(c.left, t.left)"
                + " && Math.min(c.bottom, t.bottom) > Math.max(c.top, t.top)).length", selector)).longValue();
    }

    /** Browser console entries at {@code minimum} level or above since the last call. */
    List<LogEntry> consoleEntries(Level minimum) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= minimum.intValue()).toList();
    }

    /** Saves a screenshot as target/screenshots/{viewport}-{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(viewportName + "-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
