package cn.pingangrid.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP client with a browser's session: it keeps cookies (by hand: java.net.CookieManager does not keep
 * them for "localhost"), fetches the CSRF cookie and sends it back as the X-XSRF-TOKEN header on changes.
 */
public final class SignedInHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public SignedInHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A client signed in as {@code username}; fails if the sign-in does not succeed. */
    public static SignedInHttp signedIn(int port, String username, String password) {
        SignedInHttp http = new SignedInHttp(port);
        HttpResponse<byte[]> answer = http.signIn(username, password);
        if (answer.statusCode() != 200) {
            throw new AssertionError("sign-in as " + username + ": HTTP " + answer.statusCode());
        }
        return http;
    }

    public HttpResponse<byte[]> signIn(String username, String password) {
        send("GET", "/api/csrf", null, null);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/api/login", "application/x-www-form-urlencoded", form);
    }

    public String cookie(String name) {
        return cookies.getOrDefault(name, "");
    }

    public HttpResponse<byte[]> get(String path) {
        return send("GET", path, null, null);
    }

    /** Any request; changes carry the CSRF header, and every response's cookies are kept. */
    public HttpResponse<byte[]> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (!method.equals("GET")) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
