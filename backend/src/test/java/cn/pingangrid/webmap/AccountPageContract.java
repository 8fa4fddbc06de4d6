package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TokenHttp;

/**
 * The account page in the browser: from the map (one's name) to creating a personal access token, shown once with a
 * copy button, that a GIS client can use at once, and revoking it; the feature service's HTML pages and the API
 * description's UI open under the site's Content-Security-Policy. Screenshots for phone and desktop.
 */
abstract class AccountPageContract {

    @LocalServerPort
    int port;

    abstract SharedBrowser browser();

    @Test
    void createCopyUseAndRevokeAToken() {
        MapPage page = new MapPage(browser().get(), port).openAs(DemoUsers.VILLAGE_CADRE);
        page.consoleEntries(Level.ALL);
        page.tap(".pg-user-name");
        page.waitFor("the account page", p -> p.driver.getCurrentUrl().contains("account.html")
                && !p.driver.findElements(By.cssSelector("#tokens tbody tr")).isEmpty());
        page.driver.findElement(By.name("name")).sendKeys("办公室 QGIS");
        page.driver.findElement(By.cssSelector("#create-token button[type=submit]")).click();
        page.waitFor("the new token", p -> p.driver.findElement(By.id("created")).isDisplayed());
        String token = page.driver.findElement(By.id("token")).getAttribute("value");
        assertThat(token).startsWith("pgt_").hasSize(53);
        assertThat(page.reachable("#copy")).as("the copy button is on screen").isTrue();
        page.tap("#copy");
        page.waitFor("the copy message", p -> p.driver.findElement(By.id("message")).getText().contains("复制"));
        page.screenshot("account-token-created");
        assertThat(new TokenHttp(port, token).get("/ogc/collections").statusCode()).isEqualTo(200);
        assertThat(page.driver.findElement(By.cssSelector("#tokens tbody")).getText()).contains("办公室 QGIS", "有效")
                .doesNotContain(token);

        page.driver.findElement(By.xpath("//tr[td[text()='办公室 QGIS']]//button[text()='撤销']")).click();
        new WebDriverWait(page.driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        page.waitFor("the revoked state", p -> p.driver.findElement(By.cssSelector("#tokens tbody")).getText()
                .contains("已撤销"));
        page.screenshot("account-token-revoked");
        assertThat(new TokenHttp(port, token).get("/ogc/collections").statusCode()).isEqualTo(401);
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    @Test
    void theFeatureServicesPagesAndTheApiDescriptionOpen() {
        MapPage page = new MapPage(browser().get(), port).openAs(DemoUsers.VILLAGE_CADRE);
        page.consoleEntries(Level.ALL);
        page.driver.get("http://localhost:" + port + "/ogc/collections/buildings/items?limit=20");
        assertThat(page.driver.findElements(By.cssSelector("main table tbody tr"))).hasSize(20);
        assertThat(page.driver.findElement(By.cssSelector("a[rel=next]")).isDisplayed()).isTrue();
        page.screenshot("ogc-items");
        page.driver.get("http://localhost:" + port + "/ogc/collections");
        assertThat(page.driver.findElements(By.cssSelector("main table tbody tr"))).hasSize(11);
        page.screenshot("ogc-collections");
        page.driver.get("http://localhost:" + port + "/api-docs.html");
        page.waitFor("the API description", p -> !p.driver.findElements(By.cssSelector(".swagger-ui .opblock"))
                .isEmpty());
        page.screenshot("api-docs");
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }
}
