package cn.pingangrid.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GIS client's HTTP: no cookies, a personal access token as {@code Authorization: Bearer …}. Tokens are made the
 * way a user makes them, through a signed-in session on {@code /api/me/tokens}.
 */
public final class TokenHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    public TokenHttp(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    /**
     * A token of the user signed in on {@code session}, named {@code name}; fails unless it was created. A user at
     * the limit of active tokens (tests on a shared database add up) revokes their oldest first, as a person would.
     */
    public static String create(SignedInHttp session, String name) {
        HttpResponse<byte[]> answer = session.send("POST", "/api/me/tokens", "application/json",
                JSON.writeValueAsString(java.util.Map.of("name", name)));
        if (answer.statusCode() == 409) {
            JsonNode oldest = null;
            for (JsonNode token : JSON.readTree(session.get("/api/me/tokens").body())) {
                if (token.get("state").asString().equals("ACTIVE")) {
                    oldest = token; // the list is newest first
                }
            }
            if (oldest != null) {
                session.send("DELETE", "/api/me/tokens/" + oldest.get("id").asLong(), null, null);
            }
            answer = session.send("POST", "/api/me/tokens", "application/json",
                    JSON.writeValueAsString(java.util.Map.of("name", name)));
        }
        if (answer.statusCode() != 201) {
            throw new AssertionError("token: HTTP " + answer.statusCode() + " "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(answer.body()).get("token").asString();
    }

    public HttpResponse<byte[]> get(String path) {
        return send("GET", path, null, null);
    }

    public JsonNode json(String path) {
        HttpResponse<byte[]> answer = get(path);
        if (answer.statusCode() != 200) {
            throw new AssertionError(path + ": HTTP " + answer.statusCode() + " "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(answer.body());
    }

    public HttpResponse<byte[]> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
