package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

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
