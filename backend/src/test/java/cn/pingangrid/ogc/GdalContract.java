package cn.pingangrid.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.SignedInHttp;
import cn.pingangrid.testsupport.TokenHttp;
import cn.pingangrid.testsupport.TownDataset;
import tools.jackson.databind.JsonNode;

/**
 * A real GIS client against the running application: GDAL's OAPIF driver (Debian {@code gdal-bin}) with a personal
 * access token in {@code GDAL_HTTP_HEADERS}. {@code ogrinfo} lists every collection; {@code ogr2ogr} copies every
 * collection to a GeoPackage with exactly the API's {@code numberMatched} features; a town user and a village user
 * get different counts. Skipped where GDAL is missing, except with {@code CI=true}, where that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GdalContract {

    static final Pattern LISTED = Pattern.compile("^\\d+: (\\S+)", Pattern.MULTILINE);
    static final Pattern LAYER = Pattern.compile("Layer name: (\\S+)\\R(?:.*\\R)*?Feature Count: (\\d+)");

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    String townToken;
    String villageToken;

    @BeforeAll
    void gdalAndTokens() throws Exception {
        boolean installed = new File("/usr/bin/ogrinfo").canExecute() && new File("/usr/bin/ogr2ogr").canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but GDAL (ogrinfo/ogr2ogr from Debian gdal-bin) is missing: "
                    + ".ci/run installs it");
        }
        Assumptions.assumeTrue(installed, "GDAL (gdal-bin) is not installed");
        SignedInHttp office = SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        townToken = TokenHttp.create(office, "GDAL 测试（全镇）");
        villageToken = TokenHttp.create(SignedInHttp.signedIn(port, DemoUsers.VILLAGE_CADRE, DemoUsers.PASSWORD),
                "GDAL 测试（本村）");
        // a few disputes in the village cadre's village, so that the dispute layer is not empty for either user
        String village = new TokenHttp(port, villageToken).json("/api/me").get("area").get("villages").get(0)
                .asString();
        List<TownDataset.Item> buildings = TownDataset.read("buildings").stream()
                .filter(b -> b.code().startsWith(village)).toList();
        for (int i = 0; i < 3; i++) {
            var p = buildings.get(30 + i).geometry().getInteriorPoint();
            var answer = office.send("POST", "/api/disputes", "application/json", "{\"lng\":" + p.getX() + ",\"lat\":"
                    + p.getY() + ",\"type\":\"LABOUR\",\"severity\":\"ORDINARY\",\"source\":\"SWEEP\","
                    + "\"situation\":\"GDAL 测试\",\"parties\":[{\"name\":\"赵六\"}]}");
            assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        }
    }

    @Test
    void ogrinfoListsEveryCollection() throws Exception {
        String listing = run(townToken, "ogrinfo", "-ro", "-q", source());
        List<String> listed = new ArrayList<>();
        Matcher m = LISTED.matcher(listing);
        while (m.find()) {
            listed.add(m.group(1));
        }
        List<String> collections = new ArrayList<>();
        new TokenHttp(port, townToken).json("/ogc/collections").get("collections")
                .forEach(c -> collections.add(c.get("id").asString()));
        assertThat(collections).hasSize(11);
        assertThat(listed).as(listing).isEqualTo(collections);
    }

    @Test
    void ogr2ogrCopiesEveryCollectionWithTheApisCountsAndTheUsersAreasDiffer() throws Exception {
        Map<String, Long> town = copyAndCompare(townToken, "town.gpkg");
        Map<String, Long> village = copyAndCompare(villageToken, "village.gpkg");
        assertThat(town.get("buildings")).isEqualTo(TownDataset.read("buildings").size());
        assertThat(village.get("buildings")).isPositive().isLessThan(town.get("buildings"));
        assertThat(village.get("grids")).isPositive().isLessThan(town.get("grids"));
        assertThat(village.get("disputes")).isPositive().isLessThanOrEqualTo(town.get("disputes"));
        assertThat(village.get("roads")).as("the public base map is whole-town").isEqualTo(town.get("roads"));
    }

    /** Copies all collections to a GeoPackage; each layer's count must equal the API's numberMatched. */
    private Map<String, Long> copyAndCompare(String token, String file) throws Exception {
        Path gpkg = dir.resolve(file);
        // a page of 1,000 (GDAL asks for 10 by default): 15 requests for the town's buildings instead of 1,500
        run(token, "ogr2ogr", "-f", "GPKG", gpkg.toString(), source(), "-oo", "PAGE_SIZE=1000");
        String summary = run(null, "ogrinfo", "-ro", "-so", "-al", gpkg.toString());
        Map<String, Long> copied = new LinkedHashMap<>();
        Matcher m = LAYER.matcher(summary);
        while (m.find()) {
            copied.put(m.group(1), Long.valueOf(m.group(2)));
        }
        TokenHttp api = new TokenHttp(port, token);
        Map<String, Long> matched = new LinkedHashMap<>();
        for (JsonNode c : api.json("/ogc/collections").get("collections")) {
            String id = c.get("id").asString();
            matched.put(id, api.json("/ogc/collections/" + id + "/items?limit=1").get("numberMatched").asLong());
        }
        assertThat(copied).as(summary).isEqualTo(matched);
        return copied;
    }

    private String source() {
        return "OAPIF:http://127.0.0.1:" + port + "/ogc";
    }

    private String run(String token, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (token != null) {
            builder.environment().put("GDAL_HTTP_HEADERS", "Authorization: Bearer " + token);
        }
        builder.environment().put("GDAL_HTTP_TIMEOUT", "120");
        Path log = Files.createTempFile(dir, "gdal", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 10 minutes");
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
