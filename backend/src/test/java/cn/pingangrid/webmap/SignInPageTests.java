package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.JsonNode;

/** Signing in and out in the browser, and the map opening on the signed-in user's own area. */
@H2gisTest
class SignInPageTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(Viewport.DESKTOP);

    @LocalServerPort
    int port;

    MapPage page;

    @BeforeEach
    void signedOut() {
        page = new MapPage(browser.get(), port);
        page.signOut();
    }

    @Test
    void theMapAsksForASignInFirst() {
        page.consoleEntries(Level.ALL); // drop what earlier tests left in the browser's log
        page.driver.get("http://localhost:" + port + "/");
        assertThat(page.driver.getCurrentUrl()).contains("/login.html");
        assertThat(page.driver.findElement(By.tagName("h1")).getText()).isEqualTo("平安网格");
        assertThat(page.consoleEntries(Level.WARNING)).isEmpty();
    }

    @Test
    void wrongPasswordShowsTheServersMessageAndStaysOnThePage() {
        page.submitLogin(DemoUsers.LEADER, "not-the-password-1");
        page.waitFor("the error", p -> p.driver.findElement(By.id("login-error")).isDisplayed());
        assertThat(page.driver.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误");
        assertThat(page.driver.getCurrentUrl()).contains("/login.html");
    }

    @Test
    void gridManagerSignsInAndTheMapFramesTheirOwnGrid() {
        JsonNode me = new TownApi(port, DemoUsers.GRID_MANAGER).get("/api/me");
        String grid = me.get("area").get("grids").get(0).asString();
        double[] gridBox = TownApi.bbox(new TownApi(port).get("/api/grids/" + grid).get("geometry"));

        page.submitLogin(DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        page.waitFor("the map", p -> "true".equals(p.data("mapReady")) && grid.equals(p.data("myArea"))
                && "1".equals(p.data("gridsLoaded")));
        page.screenshot("grid-manager");

        assertThat(page.data("user")).isEqualTo(DemoUsers.GRID_MANAGER);
        assertThat(page.driver.findElement(By.cssSelector(".pg-user-name")).getText())
                .isEqualTo(me.get("displayName").asString());
        double[] view = page.bounds();
        assertThat(view[0]).isLessThanOrEqualTo(gridBox[0]);
        assertThat(view[1]).isLessThanOrEqualTo(gridBox[1]);
        assertThat(view[2]).isGreaterThanOrEqualTo(gridBox[2]);
        assertThat(view[3]).isGreaterThanOrEqualTo(gridBox[3]);
        assertThat(page.driver.findElements(By.cssSelector(".pg-user a[href='admin.html']"))).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndReturnsToTheSignInPage() {
        page.open();
        page.driver.findElement(By.cssSelector(".pg-user button")).click();
        page.waitFor("the sign-in page", p -> p.driver.getCurrentUrl().contains("/login.html"));
        page.driver.get("http://localhost:" + port + "/");
        assertThat(page.driver.getCurrentUrl()).contains("/login.html");
    }

    /** {@code next} after sign-in: only a path on this site; everything else goes to the map at {@code /}. */
    @Test
    void afterSignInOnlyASameOriginPathIsFollowed() {
        page.driver.get("http://localhost:" + port + "/login.html?next=/%5Cevil.example/");
        page.submitLogin(DemoUsers.LEADER, DemoUsers.PASSWORD);
        page.waitFor("the map", p -> !p.driver.getCurrentUrl().contains("login.html"));
        assertThat(page.driver.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");

        // the rule itself, in the page's own module, for the ways out people have found
        String origin = "http://localhost:" + port;
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (String evil : java.util.List.of("/\\evil.example/", "//evil.example/", "/\\/evil.example",
                "https://evil.example/", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "/\tevil", "/\n/evil.example",
                " /kpi.html", "http://localhost:" + port + "/kpi.html", "data:text/html,x", "", "kpi.html",
                "\\\\evil.example")) {
            expected.put(evil, "./");
        }
        expected.put("/kpi.html", "/kpi.html");
        expected.put("/admin.html?tab=audit#top", "/admin.html?tab=audit#top");
        expected.put("/?grid=430922117015001", "/?grid=430922117015001");
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> actual = (java.util.Map<String, String>) page.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/js/next-page.js').then(m => done(Object.fromEntries(arguments[0].map("
                        + "raw => [raw, m.safeNext(raw, arguments[1])]))));",
                new java.util.ArrayList<>(expected.keySet()), origin);
        assertThat(actual).isEqualTo(expected);
    }

    /** The helper every browser test starts from: a request the last page still had to send must not outlive it. */
    @Test
    void signingOutBetweenTestsLeavesNothingOfTheLastPageRunning() throws InterruptedException {
        page.open();
        page.js("setTimeout(() => fetch('api/me'), 300)");
        page.signOut();
        page.consoleEntries(Level.ALL);
        Thread.sleep(600);
        assertThat(page.consoleEntries(Level.WARNING)).isEmpty();
    }

    @Test
    void adminSeesTheAccountsPage() {
        page.consoleEntries(Level.ALL);
        page.submitLogin(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.waitFor("the map", p -> "true".equals(p.data("mapReady")));
        page.driver.findElement(By.cssSelector(".pg-user a[href='admin.html']")).click();
        page.waitFor("the user table", p -> p.driver.findElements(By.cssSelector("#users tbody tr")).size() >= 7);
        page.screenshot("admin");
        assertThat(page.driver.findElement(By.cssSelector("#users tbody")).getText()).contains(DemoUsers.GRID_MANAGER);
        assertThat(page.consoleEntries(Level.WARNING)).isEmpty();
    }
}
