package cn.pingangrid.webmap;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.SignedInHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running application's API as the tests see it, signed in (as the town office unless told otherwise): what
 * the page should show is derived from it.
 */
final class TownApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final SignedInHttp http;

    TownApi(int port) {
        this(port, DemoUsers.TOWN_OFFICE);
    }

    TownApi(int port, String username) {
        this.http = SignedInHttp.signedIn(port, username, DemoUsers.PASSWORD);
    }

    /** GET {@code path} (starting with /api/), expecting {@code status}; the body as JSON. */
    JsonNode get(String path, int status) {
        HttpResponse<byte[]> response = http.get(path);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != status) {
            throw new AssertionError("GET " + path + ": HTTP " + response.statusCode() + " " + body);
        }
        return JSON.readTree(body);
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
