package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;
import cn.pingangrid.webmap.HeadlessChromium.Viewport;
import tools.jackson.databind.json.JsonMapper;

/**
 * 月度例会材料 in Chromium: the page for a hand-filled month, then printed through DevTools ({@code Page.printToPDF},
 * A4 landscape from the page's CSS): a few pages, no link in the PDF, and under print media no control is shown.
 */
@H2gisTest
class MeetingPageTests {

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser(new Viewport("wide", 1440, 900, false));

    static final List<Item> GRIDS = TownDataset.read("grids");
    static final List<Item> BUILDINGS = TownDataset.read("buildings");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void thePackShowsTheMonthAndPrintsOnA4LandscapeWithoutControls() throws Exception {
        YearMonth month = YearMonth.of(1960 + new Random().nextInt(15), 1 + new Random().nextInt(12));
        String ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        List<String> others = GRIDS.stream().map(Item::code).filter(c -> !c.startsWith(ownGrid.substring(0, 12)))
                .filter(c -> BUILDINGS.stream().anyMatch(b -> b.code().startsWith(c))).toList();
        for (int k = 0; k < 30; k++) {
            register(pointIn(ownGrid, k), k % 3 == 0 ? "LAND_FOREST" : "NEIGHBOURS", month.atDay(1 + k % 28), k == 0);
        }
        for (int k = 0; k < 10; k++) {
            register(pointIn(others.get(k * others.size() / 10), 0), "WAGES", month.atDay(2), false);
        }

        MapPage page = new MapPage(browser.get(), port).open();
        page.driver.get("http://localhost:" + port + "/meeting.html?month=" + month);
        page.waitFor("the pack", p -> "ready".equals(p.data("meetingState")));
        String text = page.driver.findElement(org.openqa.selenium.By.id("meeting")).getText();
        assertThat(text).contains("全镇").contains("主要热点网格").contains("山林土地");
        assertThat(page.number("return document.querySelectorAll('#meeting-kpis tbody tr').length")).isEqualTo(18);
        assertThat(page.number("return document.querySelectorAll('#meeting-hotspots tbody tr').length"))
                .isGreaterThanOrEqualTo(1);
        assertThat(page.number("return document.querySelectorAll('#meeting-sensitive tbody tr').length"))
                .isEqualTo(1);
        assertThat(page.number("return document.querySelectorAll('.pg-map-image img').length")).isEqualTo(2);
        assertThat(page.number("return [...document.querySelectorAll('.pg-map-image img')]"
                + ".filter(i => i.complete && i.naturalWidth > 0).length")).isEqualTo(2);
        page.screenshot("meeting");

        // under print media no control, input or link shows
        page.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        Object shown = page.js("return [...document.querySelectorAll('button, input, select, a, nav')]"
                + ".filter(e => getComputedStyle(e).display !== 'none' && e.offsetParent !== null).length");
        assertThat(((Number) shown).intValue()).isZero();
        page.screenshot("meeting-print-media");
        page.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        Map<String, Object> pdf = page.driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true,
                "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.createDirectories(MapPage.SCREENSHOTS);
        Files.write(MapPage.SCREENSHOTS.resolve("meeting.pdf"), bytes);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int pages = count(raw, "/Type\\s*/Page(?![a-zA-Z])");
        // the KPI table, the two maps and the chart take a page each at most; the lists (overdue cases, cross-border
        // disputes: the shared test database holds other tests' cases too) fit well over 12 rows a page
        int rows = ((Number) page.js("return document.querySelectorAll('main tbody tr').length")).intValue();
        assertThat(pages).isBetween(3, 4 + rows / 12);
        // A4 landscape: 842 × 595 points
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)").matcher(raw);
        assertThat(box.find()).isTrue();
        assertThat(Double.parseDouble(box.group(1))).isGreaterThan(Double.parseDouble(box.group(2)));
        assertThat(Double.parseDouble(box.group(1))).isBetween(840.0, 843.0);
        // no link made it to paper (Chromium turns every visible <a href> into a link annotation)
        assertThat(count(raw, "/Subtype\\s*/Link")).isZero();
        assertThat(page.consoleEntries(Level.SEVERE)).isEmpty();
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static Point pointIn(String grid, int k) {
        List<Item> inGrid = BUILDINGS.stream().filter(b -> b.code().startsWith(grid)).toList();
        return inGrid.get(k % inGrid.size()).geometry().getInteriorPoint();
    }

    void register(Point p, String type, java.time.LocalDate sweptOn, boolean sensitive) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lng", p.getX());
        body.put("lat", p.getY());
        body.put("type", type);
        body.put("severity", "ORDINARY");
        body.put("source", "SWEEP");
        body.put("situation", "例会材料测试纠纷");
        body.put("sweptOn", sweptOn.toString());
        body.put("occurredOn", sweptOn.toString());
        body.put("sensitive", sensitive);
        body.put("parties", List.of(Map.of("name", "赵六", "phone", "13612345678")));
        body.put("peopleInvolved", 2);
        int status = mvc.perform(post("/api/disputes").with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))
                .with(BrowserCsrf.token()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
    }
}
