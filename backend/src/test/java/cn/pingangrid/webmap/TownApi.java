package cn.pingangrid.webmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running application's API as the tests see it: what the page should show is derived from it. */
final class TownApi {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String base;

    TownApi(int port) {
        this.base = "http://localhost:" + port;
    }

    /** GET {@code path} (starting with /api/), expecting {@code status}; the body as JSON. */
    JsonNode get(String path, int status) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != status) {
                throw new AssertionError("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(String path) {
        return get(path, 200);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** [minLng, minLat, maxLng, maxLat] of a GeoJSON geometry's coordinates. */
    static double[] bbox(JsonNode geometry) {
        double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        extend(box, geometry.get("coordinates"));
        return box;
    }

    private static void extend(double[] box, JsonNode coordinates) {
        if (coordinates.get(0).isNumber()) {
            double lng = coordinates.get(0).asDouble();
            double lat = coordinates.get(1).asDouble();
            box[0] = Math.min(box[0], lng);
            box[1] = Math.min(box[1], lat);
            box[2] = Math.max(box[2], lng);
            box[3] = Math.max(box[3], lat);
        } else {
            coordinates.forEach(c -> extend(box, c));
        }
    }
}
