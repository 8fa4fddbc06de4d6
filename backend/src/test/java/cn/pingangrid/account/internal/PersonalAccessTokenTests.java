package cn.pingangrid.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.SignedInHttp;
import cn.pingangrid.testsupport.TokenHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal access tokens over real HTTP: shown once, stored hashed, read-only with the owner's area and no
 * session, refused as 401 problems when malformed, unknown, revoked, expired or of a disabled account, every use
 * in the audit log; sessions and CSRF unchanged for the browser.
 */
@H2gisTest
class PersonalAccessTokenTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenIsShownOnceAndOnlyItsHashIsStored() throws Exception {
        SignedInHttp session = SignedInHttp.signedIn(port, DemoUsers.VILLAGE_CADRE, DemoUsers.PASSWORD);
        HttpResponse<byte[]> created = session.send("POST", "/api/me/tokens", "application/json",
                "{\"name\":\"办公室 QGIS\",\"expiresOn\":\"" + java.time.LocalDate.now().plusDays(30) + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode body = JSON.readTree(created.body());
        String token = body.get("token").asString();
        assertThat(token).matches("pgt_[A-Za-z0-9_-]{49}");
        String list = new String(session.get("/api/me/tokens").body(), StandardCharsets.UTF_8);
        assertThat(list).contains("办公室 QGIS", token.substring(0, 10)).doesNotContain(token);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
        assertThat(jdbc.queryForObject("select count(*) from personal_access_token where token_hash = ?",
                Long.class, hash)).isEqualTo(1);
        assertThat(jdbc.queryForList("select * from personal_access_token").toString()).doesNotContain(token);
    }

    @Test
    void aTokenReadsWithTheOwnersAreaAndOpensNoSession() {
        SignedInHttp session = SignedInHttp.signedIn(port, DemoUsers.VILLAGE_CADRE, DemoUsers.PASSWORD);
        TokenHttp gis = new TokenHttp(port, TokenHttp.create(session, "area"));
        long sessions = jdbc.queryForObject("select count(*) from spring_session", Long.class);
        HttpResponse<byte[]> me = gis.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(gis.get("/ogc/collections").headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Long.class)).as("no session row")
                .isEqualTo(sessions);
        assertThat(JSON.readTree(me.body()).get("username").asString()).isEqualTo(DemoUsers.VILLAGE_CADRE);
        JsonNode sessionView = JSON.readTree(session.get("/api/grids").body());
        JsonNode tokenView = gis.json("/api/grids");
        assertThat(tokenView.get("features").size()).isEqualTo(sessionView.get("features").size());
        long villageGrids = gis.json("/ogc/collections/grids/items?limit=1").get("numberMatched").asLong();
        assertThat(villageGrids).isEqualTo(sessionView.get("features").size()).isLessThan(
                new TokenHttp(port, TokenHttp.create(SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE,
                        DemoUsers.PASSWORD), "town")).json("/ogc/collections/grids/items?limit=1")
                        .get("numberMatched").asLong());
    }

    @Test
    void everyWriteWithATokenIsA403ThatChangesNothing() {
        SignedInHttp office = SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        TokenHttp gis = new TokenHttp(port, TokenHttp.create(office, "writes"));
        long disputes = count("dispute");
        long tokens = count("personal_access_token");
        for (String[] write : List.of(new String[] { "POST", "/api/disputes" }, new String[] { "PUT",
                "/api/disputes/1/assignment" }, new String[] { "PATCH", "/api/border-segments/1" },
                new String[] { "DELETE", "/api/me/tokens/1" }, new String[] { "POST", "/api/me/tokens" },
                new String[] { "POST", "/api/logout" }, new String[] { "POST", "/ogc/collections" })) {
            HttpResponse<byte[]> answer = gis.send(write[0], write[1], "application/json", "{\"name\":\"x\"}");
            assertThat(answer.statusCode()).as(write[0] + " " + write[1]).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(count("dispute")).isEqualTo(disputes);
        assertThat(count("personal_access_token")).isEqualTo(tokens);
        TokenHttp admin = new TokenHttp(port, TokenHttp.create(SignedInHttp.signedIn(port, DemoUsers.ADMIN,
                DemoUsers.PASSWORD), "admin"));
        assertThat(admin.get("/api/admin/users").statusCode()).as("no administration by token").isEqualTo(403);
    }

    @Test
    void malformedUnknownRevokedExpiredAndDisabledAreEach401() {
        for (String bad : List.of("x", "pgt_", "pgt_" + "A".repeat(49), "Bearer", "pgt_ab\u00e9", "%00",
                "pgt_" + "A".repeat(2_000))) {
            assertUnauthorized(new TokenHttp(port, bad).get("/ogc/collections"), bad);
        }
        SignedInHttp session = SignedInHttp.signedIn(port, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        String token = TokenHttp.create(session, "to revoke");
        // right form and checksum, wrong secret: one character changed and the checksum made to match is
        // impractical, so an unknown token is a real one whose row is gone
        String unknown = TokenFormat.generate();
        assertUnauthorized(new TokenHttp(port, unknown).get("/ogc"), "unknown");
        TokenHttp gis = new TokenHttp(port, token);
        assertThat(gis.get("/ogc").statusCode()).isEqualTo(200);
        long id = JSON.readTree(session.get("/api/me/tokens").body()).get(0).get("id").asLong();
        assertThat(session.send("DELETE", "/api/me/tokens/" + id, null, null).statusCode()).isEqualTo(204);
        assertUnauthorized(gis.get("/ogc"), "revoked");

        String expiring = TokenHttp.create(session, "to expire");
        jdbc.update("update personal_access_token set expires_on = ? where token_hash = ?",
                java.time.LocalDate.now().minusDays(2), TokenFormat.hash(expiring));
        assertUnauthorized(new TokenHttp(port, expiring).get("/api/me"), "expired");

        SignedInHttp admin = SignedInHttp.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
        String username = "tk" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<byte[]> user = admin.send("POST", "/api/admin/users", "application/json", JSON.writeValueAsString(
                Map.of("username", username, "displayName", "令牌测试", "password", "Token2026pass", "roles",
                        List.of("LEADER"), "areas", List.of())));
        assertThat(user.statusCode()).as(new String(user.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        TokenHttp owned = new TokenHttp(port, TokenHttp.create(SignedInHttp.signedIn(port, username,
                "Token2026pass"), "owner disabled"));
        assertThat(owned.get("/ogc").statusCode()).isEqualTo(200);
        long userId = JSON.readTree(user.body()).get("id").asLong();
        assertThat(admin.send("PATCH", "/api/admin/users/" + userId, "application/json", "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);
        assertUnauthorized(owned.get("/ogc"), "owner disabled");
    }

    @Test
    void everyUseIsInTheAuditLogWithTheTokensId() {
        SignedInHttp session = SignedInHttp.signedIn(port, DemoUsers.LEADER, DemoUsers.PASSWORD);
        TokenHttp gis = new TokenHttp(port, TokenHttp.create(session, "audited"));
        String id = JSON.readTree(session.get("/api/me/tokens").body()).get(0).get("id").asString();
        long before = uses(id);
        gis.get("/ogc/collections");
        gis.get("/api/villages");
        gis.send("POST", "/api/disputes", "application/json", "{}");
        assertThat(uses(id)).isEqualTo(before + 2);
        assertThat(jdbc.queryForList("select username, detail from audit_log where object_type = 'access_token' "
                + "and object_id = ? and action = 'TOKEN_WRITE_REFUSED'", id)).singleElement()
                .satisfies(row -> assertThat(row.get("username")).isEqualTo(DemoUsers.LEADER));
        assertThat(jdbc.queryForObject("select last_used_at from personal_access_token where id = ?",
                java.sql.Timestamp.class, Long.valueOf(id))).isNotNull();
    }

    @Test
    void browserSessionsStillNeedTheirCsrfHeader() {
        SignedInHttp session = SignedInHttp.signedIn(port, DemoUsers.VILLAGE_CADRE, DemoUsers.PASSWORD);
        HttpResponse<byte[]> withoutCsrf = new TokenHttp(port, null).send("POST", "/api/me/tokens",
                "application/json", "{\"name\":\"x\"}");
        assertThat(withoutCsrf.statusCode()).isIn(401, 403);
        assertThat(session.send("POST", "/api/me/tokens", "application/json", "{\"name\":\"网页\"}").statusCode())
                .isEqualTo(201);
        // a Bearer header on a page (not /api, not /ogc) is not a sign-in: the page asks for one
        assertThat(new TokenHttp(port, TokenFormat.generate()).get("/index.html").statusCode()).isIn(302, 401);
    }

    private long uses(String id) {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'TOKEN_USE' and object_id = ?",
                Long.class, id);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static void assertUnauthorized(HttpResponse<byte[]> answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("WWW-Authenticate").orElse("")).as(what).startsWith("Bearer");
    }
}
