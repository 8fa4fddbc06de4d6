package cn.pingangrid.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.SignedInHttp;

/** The whole browser-style session over real HTTP: CSRF cookie, sign-in, a scoped read, sign-out. */
@H2gisTest
class SessionFlowTests {

    @LocalServerPort
    int port;

    static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void signInReadSignOut() {
        SignedInHttp http = new SignedInHttp(port);
        assertThat(http.signIn(DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(http.cookie("XSRF-TOKEN")).isNotEmpty();

        HttpResponse<byte[]> me = http.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me)).contains(DemoUsers.GRID_MANAGER).contains("GRID_MANAGER");
        assertThat(body(http.get("/api/grids"))).contains("\"numberReturned\":1");

        assertThat(http.send("POST", "/api/logout", null, null).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> after = http.get("/api/me");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void signInWithAForgedCsrfTokenIsRefused() throws Exception {
        SignedInHttp http = new SignedInHttp(port);
        http.get("/api/csrf");
        HttpRequest forged = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/login"))
                .header("Cookie", "XSRF-TOKEN=" + http.cookie("XSRF-TOKEN")).header("X-XSRF-TOKEN", "forged")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + DemoUsers.LEADER + "&password="
                        + DemoUsers.PASSWORD)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("CSRF");
    }
}
