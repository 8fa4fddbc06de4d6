package cn.pingangrid.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.SignedInHttp;
import cn.pingangrid.testsupport.TownDataset;

/**
 * One request, one database connection: 100 registrations sent at once over real HTTP (loopback, to this test's
 * own server) against a pool of 10 connections. Each must be answered 201 within 5 s, and afterwards exactly 100
 * disputes carry this run's marker, each once, each with its audit entry. With the audit entry written in a
 * second transaction ({@code REQUIRES_NEW}) while the registration holds its connection, the pool ran dry and
 * requests waited 30 s and failed, some after their dispute was saved. Bounded: 100 requests, 5 s each, no retry.
 */
public abstract class RegistrationLoadContract {

    static final int REQUESTS = 100;
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final String marker = "LOADTEST-" + UUID.randomUUID();

    record Answer(int index, int status, long millis, String body) {
    }

    @Test
    void aHundredConcurrentRegistrationsAreEachAnsweredWithinFiveSecondsNoneLostNoneTwice() throws Exception {
        SignedInHttp office = SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        String cookies = "JSESSIONID=" + office.cookie("JSESSIONID") + "; XSRF-TOKEN=" + office.cookie("XSRF-TOKEN");
        List<TownDataset.Item> buildings = TownDataset.read("buildings");
        // warm-up, one at a time: the first registrations of a fresh JVM compile code and queries
        for (int i = 0; i < 5; i++) {
            Point p = buildings.get(11 * i).geometry().getInteriorPoint();
            assertThat(office.send("POST", "/api/disputes", "application/json", "{\"lng\":" + p.getX() + ",\"lat\":"
                    + p.getY() + ",\"type\":\"NEIGHBOURS\",\"severity\":\"ORDINARY\",\"situation\":\"" + marker
                    + " warm-up " + i + "\"}").statusCode()).isEqualTo(201);
        }
        long auditBefore = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);

        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(ANSWER_WITHIN).build();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Point p = buildings.get(37 * i % buildings.size()).geometry().getInteriorPoint();
                String body = "{\"lng\":" + p.getX() + ",\"lat\":" + p.getY() + ",\"type\":\"NEIGHBOURS\","
                        + "\"severity\":\"ORDINARY\",\"situation\":\"" + marker + " #" + i + "\",\"peopleInvolved\":2}";
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/disputes"))
                        .timeout(ANSWER_WITHIN).header("Cookie", cookies)
                        .header("X-XSRF-TOKEN", office.cookie("XSRF-TOKEN"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                int index = i;
                long sent = System.nanoTime();
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .handle((response, error) -> new Answer(index, response == null ? -1 : response.statusCode(),
                                (System.nanoTime() - sent) / 1_000_000,
                                response == null ? String.valueOf(error) : response.body())));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        List<Answer> all = answers.stream().map(CompletableFuture::join).toList();
        long slowest = all.stream().mapToLong(Answer::millis).max().orElseThrow();
        // the server runs in this JVM: its CPU time shows whether a slow run was starved by other processes
        System.out.printf("registration load: %d requests, slowest answer %d ms, %.1f s wall, %.1f s CPU of this "
                + "JVM, load average %.1f on %d cores%n", REQUESTS, slowest, (System.nanoTime() - wallBefore) / 1e9,
                (os.getProcessCpuTime() - cpuBefore) / 1e9, os.getSystemLoadAverage(), os.getAvailableProcessors());
        assertThat(all).allSatisfy(a -> {
            assertThat(a.status()).as("registration #%d: %s", a.index(), a.body()).isEqualTo(201);
            assertThat(a.millis()).as("registration #%d answered after", a.index())
                    .isLessThanOrEqualTo(ANSWER_WITHIN.toMillis());
        });
        // none lost, none stored twice
        List<String> stored = jdbc.queryForList("select situation from dispute where situation like ?", String.class,
                marker + " #%");
        assertThat(stored).hasSize(REQUESTS).doesNotHaveDuplicates();
        // and each registration's audit entry committed with it
        assertThat(jdbc.queryForObject("select count(*) from audit_log where id > ? and action = 'DISPUTE_REGISTER'",
                Integer.class, auditBefore)).isGreaterThanOrEqualTo(REQUESTS);
    }

    @AfterEach
    void removeTheLoad() {
        jdbc.update("delete from dispute where situation like ?", marker + "%");
    }
}
