package cn.pingangrid.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.SignedInHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cookies with SameSite=Lax, an ended session answered as a 401 problem, odd sign-ins audited without a 500. */
@H2gisTest
class SessionHardeningTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bothCookiesAreSameSiteLax() {
        SignedInHttp http = new SignedInHttp(port);
        List<String> csrf = http.get("/api/csrf").headers().allValues("Set-Cookie");
        assertThat(csrf).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("SameSite=Lax"));
        List<String> session = http.signIn(DemoUsers.LEADER, DemoUsers.PASSWORD).headers().allValues("Set-Cookie");
        assertThat(session).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("SameSite=Lax")
                .contains("HttpOnly"));
        assertThat(session).filteredOn(c -> c.startsWith("XSRF-TOKEN=") && !c.startsWith("XSRF-TOKEN=;"))
                .allSatisfy(c -> assertThat(c).contains("SameSite=Lax"));
    }

    @Test
    void aRequestWithinAMinuteOfTheLastWrittenAccessWritesNothingToTheSessionRow() {
        SignedInHttp http = SignedInHttp.signedIn(port, DemoUsers.LEADER, DemoUsers.PASSWORD);
        String id = new String(Base64.getDecoder().decode(http.cookie("JSESSIONID")), StandardCharsets.UTF_8);
        // the row says the last access was 30 s ago: a GET then leaves it as it is
        jdbc.update("update SPRING_SESSION set LAST_ACCESS_TIME = LAST_ACCESS_TIME - 30000 where SESSION_ID = ?", id);
        long thirtySecondsAgo = lastAccess(id);
        assertThat(http.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).isEqualTo(thirtySecondsAgo);
        // 91 s ago: the next GET writes the access time (and so the expiry) again
        jdbc.update("update SPRING_SESSION set LAST_ACCESS_TIME = LAST_ACCESS_TIME - 61000 where SESSION_ID = ?", id);
        long before = System.currentTimeMillis();
        assertThat(http.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).isGreaterThanOrEqualTo(before);
        assertThat(jdbc.queryForObject("select EXPIRY_TIME from SPRING_SESSION where SESSION_ID = ?", Long.class, id))
                .isGreaterThanOrEqualTo(before + 29 * 60_000);
    }

    private long lastAccess(String sessionId) {
        return jdbc.queryForObject("select LAST_ACCESS_TIME from SPRING_SESSION where SESSION_ID = ?", Long.class,
                sessionId);
    }

    @Test
    void aSessionEndedByTheAdministratorIsA401ProblemForTheApiAndTheSignInPageForPages() {
        String username = "se" + UUID.randomUUID().toString().substring(0, 10);
        SignedInHttp admin = SignedInHttp.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
        HttpResponse<byte[]> created = admin.send("POST", "/api/admin/users", "application/json", "{\"username\":\""
                + username + "\",\"displayName\":\"会话测试\",\"password\":\"Session2026x\",\"roles\":[\"LEADER\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        SignedInHttp user = SignedInHttp.signedIn(port, username, "Session2026x");
        SignedInHttp page = SignedInHttp.signedIn(port, username, "Session2026x");
        assertThat(user.get("/api/me").statusCode()).isEqualTo(200);

        assertThat(admin.send("PATCH", "/api/admin/users/" + id, "application/json", "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);

        HttpResponse<byte[]> ended = user.get("/api/me");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(ended.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).contains("会话已结束");

        HttpResponse<byte[]> map = page.get("/");
        assertThat(map.statusCode()).isEqualTo(302);
        assertThat(map.headers().firstValue("Location").orElse("")).endsWith("/login.html");
    }

    @Test
    void anOverlongOrNulUsernameIsAnAuditedFailedSignInNotA500() {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
        for (String username : List.of("a".repeat(33), "ab\u0000cd", "x".repeat(5_000))) {
            HttpResponse<byte[]> answer = new SignedInHttp(port).signIn(username, "whatever1");
            assertThat(answer.statusCode()).as(username.length() + " characters").isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("用户名或密码错误");
        }
        List<String> audited = jdbc.queryForList("select username from audit_log where id > ? "
                + "and action = 'LOGIN_FAILED' order by id", String.class, before);
        assertThat(audited).hasSize(3);
        assertThat(audited.get(0)).hasSize(32).endsWith("…");
        assertThat(audited.get(1)).isEqualTo("ab\\u0000cd");
        assertThat(audited).allSatisfy(u -> assertThat(u.length()).isLessThanOrEqualTo(32));
    }
}
