package cn.pingangrid.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.SignedInHttp;

/**
 * Guessing in parallel does not get around the lock: 40 sign-ins for one account sent at once (34 wrong, 6
 * right, in a shuffled order) over real HTTP. Every decision is taken under the account's row lock together
 * with its audit entry, so the audit log in id order is the order of the decisions; in it, no sign-in follows
 * five counted wrong passwords, every attempt is on record, and the account ends locked — a right password is
 * then refused too. (Before, the count was read and written without a lock: the right password at attempt 16 of
 * 40 signed in.)
 */
public abstract class LoginLockoutContract {

    static final String RIGHT = "Right2026pass";
    static final int ATTEMPTS = 40;
    static final int RIGHT_ONES = 6;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fortyParallelGuessesCannotSignInAfterFiveWrongPasswords() throws Exception {
        String username = "lk" + UUID.randomUUID().toString().substring(0, 10);
        SignedInHttp admin = SignedInHttp.signedIn(port, DemoUsers.ADMIN, DemoUsers.PASSWORD);
        HttpResponse<byte[]> created = admin.send("POST", "/api/admin/users", "application/json",
                "{\"username\":\"" + username + "\",\"displayName\":\"锁定测试\",\"password\":\"" + RIGHT
                        + "\",\"roles\":[\"LEADER\"],\"areas\":[]}");
        assertThat(created.statusCode()).isEqualTo(201);
        long auditBefore = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);

        List<Boolean> right = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            right.add(i < RIGHT_ONES);
        }
        Collections.shuffle(right, new Random(20260509));
        ExecutorService threads = Executors.newFixedThreadPool(ATTEMPTS);
        List<CompletableFuture<Integer>> statuses = new ArrayList<>();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            for (boolean r : right) {
                String csrf = UUID.randomUUID().toString();
                String form = "username=" + username + "&password="
                        + URLEncoder.encode(r ? RIGHT : "Wrong" + UUID.randomUUID(), StandardCharsets.UTF_8);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                        .timeout(Duration.ofSeconds(30)).header("Cookie", "XSRF-TOKEN=" + csrf)
                        .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                statuses.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode));
            }
            CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        long signedIn = statuses.stream().map(CompletableFuture::join).filter(s -> s == 200).count();
        assertThat(statuses.stream().map(CompletableFuture::join)).allMatch(s -> s == 200 || s == 401);

        List<Map<String, Object>> decisions = jdbc.queryForList("select action, detail from audit_log "
                + "where id > ? and username = ? and action in ('LOGIN', 'LOGIN_FAILED') order by id", auditBefore,
                username);
        assertThat(decisions).as("every attempt is on record").hasSize(ATTEMPTS);
        assertThat(decisions.stream().filter(d -> d.get("action").equals("LOGIN")).count())
                .as("sign-ins on record = 200 answers").isEqualTo(signedIn);
        int counted = 0;
        boolean locked = false;
        for (Map<String, Object> d : decisions) {
            String detail = String.valueOf(d.get("detail"));
            if (d.get("action").equals("LOGIN")) {
                assertThat(locked).as("a sign-in after five counted wrong passwords: %s", decisions).isFalse();
                counted = 0;
            } else if (detail.startsWith("BadCredentialsException") && !detail.contains("不计数")) {
                counted++;
                locked |= counted >= 5;
            }
        }
        assertThat(locked).as("34 wrong of 40 hold a run of five: the account locks").isTrue();

        Timestamp lockedUntil = jdbc.queryForObject("select locked_until from app_user where username = ?",
                Timestamp.class, username);
        assertThat(lockedUntil).isNotNull();
        HttpResponse<byte[]> afterwards = new SignedInHttp(port).signIn(username, RIGHT);
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(new String(afterwards.body(), StandardCharsets.UTF_8)).contains("锁定");
    }
}
