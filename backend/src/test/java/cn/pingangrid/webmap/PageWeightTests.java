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
