package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.SignedInHttp;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/disputes with an Idempotency-Key over real HTTP: the same key from the same user answers the same
 * record, sent twice in a row or concurrently from two sessions; on either database.
 */
abstract class DisputeIdempotencyContract {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    DisputeFixtures f;

    /** Every stored dispute, whatever the scope (the test's own count, outside the application). */
    long disputeRows() {
        return jdbc.queryForObject("select count(*) from dispute", Long.class);
    }

    @BeforeEach
    void fixtures() {
        f = new DisputeFixtures(mvc, users);
    }

    @Test
    void theSameKeyTwiceStoresOneRecordAndAnswersItBothTimes() throws Exception {
        SignedInHttp phone = SignedInHttp.signedIn(port, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        String key = UUID.randomUUID().toString();
        String body = body(60);
        long before = disputeRows();

        HttpResponse<byte[]> first = post(phone, key, body);
        HttpResponse<byte[]> again = post(phone, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(id(again)).isEqualTo(id(first));
        assertThat(json(again).get("situation").asString()).isEqualTo(json(first).get("situation").asString());
        assertThat(disputeRows()).isEqualTo(before + 1);

        // the key is the user's own: another user sending the same key files their own record
        SignedInHttp cadre = SignedInHttp.signedIn(port, DemoUsers.VILLAGE_CADRE, DemoUsers.PASSWORD);
        HttpResponse<byte[]> other = post(cadre, key, body);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(id(other)).isNotEqualTo(id(first));
        assertThat(disputeRows()).isEqualTo(before + 2);
    }

    @Test
    void twoConcurrentRequestsWithOneKeyStoreExactlyOneRecord() throws Exception {
        int sessions = 4;
        List<SignedInHttp> phones = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            phones.add(SignedInHttp.signedIn(port, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD));
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            for (int round = 0; round < 3; round++) {
                String key = UUID.randomUUID().toString();
                String body = body(61 + round);
                long before = disputeRows();
                CyclicBarrier start = new CyclicBarrier(sessions);
                List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
                for (SignedInHttp phone : phones) {
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return post(phone, key, body);
                    }));
                }
                List<Long> ids = new ArrayList<>();
                int created = 0;
                for (Future<HttpResponse<byte[]>> answer : answers) {
                    HttpResponse<byte[]> response = answer.get(60, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).as(new String(response.body())).isIn(200, 201);
                    created += response.statusCode() == 201 ? 1 : 0;
                    ids.add(id(response));
                }
                assertThat(created).as("one request created it, the others were answered with it").isEqualTo(1);
                assertThat(ids).as("every answer is the same record").containsOnly(ids.get(0));
                assertThat(disputeRows()).as("one record stored").isEqualTo(before + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeaderAndStoresNothing() throws Exception {
        SignedInHttp phone = SignedInHttp.signedIn(port, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        long before = disputeRows();
        HttpResponse<byte[]> response = post(phone, "x".repeat(129), body(65));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("invalid-params").get(0).get("name").asString()).isEqualTo("Idempotency-Key");
        assertThat(disputeRows()).isEqualTo(before);
    }

    private String body(int k) throws Exception {
        Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, k), "NEIGHBOURS",
                "ORDINARY");
        body.put("situation", "离线登记测试 " + k + " " + UUID.randomUUID());
        return DisputeFixtures.JSON.writeValueAsString(body);
    }

    /** A POST through the session's cookies and CSRF header, plus the Idempotency-Key header. */
    private HttpResponse<byte[]> post(SignedInHttp session, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/disputes"))
                .header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID") + "; XSRF-TOKEN="
                        + session.cookie("XSRF-TOKEN"))
                .header("X-XSRF-TOKEN", session.cookie("XSRF-TOKEN")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JsonNode json(HttpResponse<byte[]> response) {
        return DisputeFixtures.JSON.readTree(response.body());
    }

    private static long id(HttpResponse<byte[]> response) {
        return json(response).get("id").asLong();
    }
}
