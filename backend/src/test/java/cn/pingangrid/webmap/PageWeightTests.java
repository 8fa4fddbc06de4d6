package cn.pingangrid.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.SignedInHttp;

/** What the browser downloads before any data, and compression of the data itself. */
@H2gisTest
class PageWeightTests {

    static final int MAX_PAGE_BYTES = 300 * 1024;

    /** src= and href= of the HTML page. */
    static final Pattern HTML_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    /**
     * Static imports and re-exports of an ES module: {@code import ... from './x.js'}, {@code import './x.js'};
     * not {@code import('./x.js')}, a module loaded on first use (the registration form, the dispute detail).
     */
    static final Pattern MODULE_IMPORT = Pattern.compile("(?:^|[;\\s])(?:import|export)\\b(?!\\s*\\()[^'\";]*?['\"]([^'\"]+\\.js)['\"]");

    @LocalServerPort
    int port;

    @Test
    void pageWithLeafletAndAllOurModulesWeighsAtMost300KB() throws Exception {
        SignedInHttp http = SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        URI page = URI.create("http://localhost:" + port + "/");
        Map<URI, Integer> sizes = new LinkedHashMap<>();
        Deque<URI> queue = new ArrayDeque<>();
        queue.add(page);
        while (!queue.isEmpty()) {
            URI uri = queue.poll();
            if (sizes.containsKey(uri) || !uri.getHost().equals("localhost")) {
                continue;
            }
            HttpResponse<byte[]> response = http.get(uri.toString());
            assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
            sizes.put(uri, response.body().length);
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            Pattern references = uri.getPath().endsWith(".js") ? MODULE_IMPORT
                    : uri.equals(page) ? HTML_REFERENCE : null;
            if (references != null) {
                Matcher m = references.matcher(text);
                while (m.find()) {
                    queue.add(uri.resolve(m.group(1)));
                }
            }
        }
        int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("page weight: %d bytes in %d files%n", total, sizes.size());

        assertThat(sizes.keySet()).extracting(URI::getPath)
                .contains("/webjars/leaflet/dist/leaflet.js", "/webjars/leaflet/dist/leaflet.css",
                        "/css/map.css", "/js/main.js", "/js/api.js", "/favicon.svg");
        assertThat(sizes.keySet()).as("our modules").filteredOn(u -> u.getPath().startsWith("/js/"))
                .hasSizeGreaterThan(10);
        assertThat(total).isLessThanOrEqualTo(MAX_PAGE_BYTES);
    }

    @Test
    void theAppIsInstallableItsManifestIconsAndServiceWorkerAreServed() throws Exception {
        SignedInHttp anonymous = new SignedInHttp(port); // a browser fetches a manifest without the session
        HttpResponse<byte[]> manifest = anonymous.get("/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(manifest.body());
        assertThat(json.get("display").asString()).isEqualTo("standalone");
        assertThat(json.get("start_url").asString()).isEqualTo("./");
        java.util.Set<String> sizes = new java.util.HashSet<>();
        for (var icon : json.get("icons")) {
            HttpResponse<byte[]> png = anonymous.get("/" + icon.get("src").asString());
            assertThat(png.statusCode()).as(icon.get("src").asString()).isEqualTo(200);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(icon.get("sizes").asString());
            sizes.add(icon.get("sizes").asString());
        }
        assertThat(sizes).contains("192x192", "512x512");
        HttpResponse<byte[]> worker = anonymous.get("/sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    }

    @Test
    void geoJsonIsGzippedWhenTheClientAcceptsIt() throws Exception {
        SignedInHttp http = SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/villages"))
                .header("Cookie", "JSESSIONID=" + http.cookie("JSESSIONID"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] body = response.body();
        assertThat(body).hasSizeGreaterThan(2);
        assertThat(body[0] & 0xff).as("gzip magic").isEqualTo(0x1f);
        assertThat(body[1] & 0xff).isEqualTo(0x8b);
    }
}
