package cn.pingangrid.webmap;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (Selenium Manager never runs), with the browser
 * console captured and an exact viewport set through the DevTools protocol. Missing binaries skip the tests,
 * unless {@code CI=true}, where they fail them.
 */
final class HeadlessChromium implements AutoCloseable {

    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    /** A viewport in CSS pixels. */
    record Viewport(String name, int width, int height, boolean mobile) {
        static final Viewport DESKTOP = new Viewport("desktop", 1366, 768, false);
        static final Viewport PHONE = new Viewport("phone", 360, 640, true);
        static final Viewport WIDE = new Viewport("wide", 1440, 900, false);
    }

    final ChromeDriver driver;
    final Viewport viewport;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Viewport viewport, Path profile) {
        this.driver = driver;
        this.viewport = viewport;
        this.profile = profile;
    }

    static HeadlessChromium start(Viewport viewport) {
        boolean installed = BROWSER.canExecute() && DRIVER.canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI needs " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver)");
        }
        assumeTrue(installed, "no " + BROWSER + " or " + DRIVER + ": browser tests skipped");
        try {
            Path profile = Files.createTempDirectory("pingan-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=zh-CN",
                    "--window-size=" + viewport.width() + "," + viewport.height(),
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(),
                    "height", viewport.height(), "deviceScaleFactor", 1, "mobile", viewport.mobile()));
            return new HeadlessChromium(driver, viewport, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
