package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.PinganGridApplication;
import cn.pingangrid.dispute.SensitiveDisputeReported;
import cn.pingangrid.system.DatabaseNotifications;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.PostgisDatabase;
import cn.pingangrid.testsupport.PostgisTest;
import cn.pingangrid.testsupport.SignedInHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one PostGIS database: this test's application (A, the context the PostGIS tests share) and a
 * second one started here (B, its own embedded server on a random port). Nothing lives in one instance's memory
 * that the other needs: a session signed in on A is valid on B (and one the administrator ends on A is ended on
 * B), a sensitive report registered on A reaches a
 * town-office stream open on B (also after B's listening connection was killed), and the overdue job triggered on
 * both at once runs once.
 */
@PostgisTest
class TwoInstancesOnPostgisTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** "Within a few seconds": a report reaches the other instance's subscribers within this. */
    static final Duration DELIVERED_WITHIN = Duration.ofSeconds(5);

    static ConfigurableApplicationContext instanceB;
    static int portB;

    @LocalServerPort
    int portA;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OverdueDisputes overdueOnA;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeAll
    static void startInstanceB() {
        instanceB = new SpringApplicationBuilder(PinganGridApplication.class).profiles("demo")
                .initializers(new PostgisDatabase())
                .properties("server.port=0", "pingan.demo.disputes=false", "pingan.demo.sites=false")
                .run();
        portB = instanceB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aSessionSignedInOnAIsValidOnBAndSigningOutOnBEndsItOnA() {
        SignedInHttp user = SignedInHttp.signedIn(portA, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        HttpResponse<byte[]> me = user.get(onB("/api/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(new String(me.body())).contains(DemoUsers.GRID_MANAGER);
        // a change on B with the cookie and CSRF token A gave
        assertThat(user.send("POST", onB("/api/logout"), null, null).statusCode()).isEqualTo(204);
        assertThat(user.get("/api/me").statusCode()).isEqualTo(401);
    }

    /**
     * A request writes its session's row only when its last access is a minute old (account.internal
     * StoredSessions): reads within the minute leave the row alone and the session valid on both instances.
     */
    @Test
    void aSessionsLastAccessIsWrittenAtMostOnceAMinute() {
        SignedInHttp user = SignedInHttp.signedIn(portA, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        String id = new String(java.util.Base64.getDecoder().decode(user.cookie("JSESSIONID")),
                StandardCharsets.UTF_8);
        String lastAccess = "SELECT last_access_time FROM spring_session WHERE session_id = ?";
        long signedIn = jdbc.queryForObject(lastAccess, Long.class, id);
        assertThat(user.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(user.get(onB("/api/me")).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(lastAccess, Long.class, id)).isEqualTo(signedIn);

        // a minute and more later (moved back in the row): the next request writes the new access and expiry
        jdbc.update("UPDATE spring_session SET last_access_time = last_access_time - 120000, "
                + "expiry_time = expiry_time - 120000 WHERE session_id = ?", id);
        long before = System.currentTimeMillis();
        assertThat(user.get(onB("/api/me")).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(lastAccess, Long.class, id)).isGreaterThanOrEqualTo(before - 1000);
        assertThat(jdbc.queryForObject("SELECT expiry_time - last_access_time FROM spring_session "
                + "WHERE session_id = ?", Long.class, id)).isEqualTo(Duration.ofMinutes(30).toMillis());
    }

    @Test
    void aSessionTheAdministratorEndsOnAIsA401ProblemOnB() {
        String username = "ti" + UUID.randomUUID().toString().substring(0, 10);
        SignedInHttp admin = SignedInHttp.signedIn(portA, DemoUsers.ADMIN, DemoUsers.PASSWORD);
        HttpResponse<byte[]> created = admin.send("POST", "/api/admin/users", "application/json", "{\"username\":\""
                + username + "\",\"displayName\":\"两实例测试\",\"password\":\"Session2026x\",\"roles\":[\"LEADER\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        SignedInHttp user = SignedInHttp.signedIn(portB, username, "Session2026x");
        assertThat(user.get("/api/me").statusCode()).isEqualTo(200);

        assertThat(admin.send("PATCH", "/api/admin/users/" + id, "application/json", "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);

        HttpResponse<byte[]> ended = user.get("/api/me");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new String(ended.body(), StandardCharsets.UTF_8)).contains("会话已结束");
    }

    @Test
    void aSensitiveReportRegisteredOnAReachesATownOfficeStreamOnBOnlyIfItCommits() throws Exception {
        awaitTrue("B listens", Duration.ofSeconds(10), () -> notificationsOnB().listening());
        try (EventStream onB = EventStream.open(portB, DemoUsers.TOWN_OFFICE)) {
            long first = registerSensitiveOnA(0);
            EventStream.Event event = onB.next("sensitive-dispute", DELIVERED_WITHIN);
            assertThat(event.id()).isEqualTo(String.valueOf(first));
            assertThat(event.data()).contains("\"id\":" + first).contains("\"gridCode\":\"").contains("劳资")
                    .doesNotContain("张三丰").doesNotContain("13812345678");

            // announced again in a transaction that rolls back: never sent (NOTIFY is part of the transaction)
            transaction.executeWithoutResult(status -> {
                events.publishEvent(new SensitiveDisputeReported(first));
                status.setRollbackOnly();
            });
            long second = registerSensitiveOnA(1);
            assertThat(onB.next("sensitive-dispute", DELIVERED_WITHIN).id()).isEqualTo(String.valueOf(second));
        }
    }

    @Test
    void bListensAgainAfterItsListeningConnectionIsKilled() throws Exception {
        awaitTrue("B listens", Duration.ofSeconds(10), () -> notificationsOnB().listening());
        // what a database restart does to it (every instance's listener in this database, A's and B's)
        int killed = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = 'pingan-notifications' and datname = current_database()", Integer.class);
        assertThat(killed).isGreaterThanOrEqualTo(2);
        awaitTrue("B notices", Duration.ofSeconds(5), () -> !notificationsOnB().listening());
        awaitTrue("B listens again", Duration.ofSeconds(15), () -> notificationsOnB().listening());

        try (EventStream onB = EventStream.open(portB, DemoUsers.TOWN_OFFICE)) {
            long id = registerSensitiveOnA(2);
            assertThat(onB.next("sensitive-dispute", DELIVERED_WITHIN).id()).isEqualTo(String.valueOf(id));
        }
    }

    @Test
    void theOverdueJobTriggeredOnBothInstancesAtOnceRunsOnce() throws Exception {
        OverdueDisputes overdueOnB = instanceB.getBean(OverdueDisputes.class);
        List<Optional<Integer>> runs = triggerBoth(overdueOnB);
        if (runs.stream().allMatch(Optional::isEmpty)) {
            // another cached test context's hourly schedule holds the lock (30 s after xx:05): once more after it
            Thread.sleep(OverdueDisputes.HOLD_AT_LEAST.plusSeconds(2).toMillis());
            runs = triggerBoth(overdueOnB);
        }
        assertThat(runs).filteredOn(Optional::isPresent).as("runs executed").hasSize(1);
        // and within the hold time no one runs it again
        assertThat(overdueOnB.runOnOneInstance()).isEmpty();
        assertThat(overdueOnA.runOnOneInstance()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = ?", Integer.class,
                OverdueDisputes.JOB)).isEqualTo(1);
        // the other test classes sharing this database run the job themselves: leave it free for them
        jdbc.update("update shedlock set lock_until = locked_at where name = ?", OverdueDisputes.JOB);
    }

    private List<Optional<Integer>> triggerBoth(OverdueDisputes overdueOnB) {
        var onA = CompletableFuture.supplyAsync(overdueOnA::runOnOneInstance);
        var onB = CompletableFuture.supplyAsync(overdueOnB::runOnOneInstance);
        return List.of(onA.join(), onB.join());
    }

    private long registerSensitiveOnA(int k) throws Exception {
        SignedInHttp office = SignedInHttp.signedIn(portA, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        Point p = DisputeFixtures.BUILDINGS.get(101 + 13 * k).geometry().getInteriorPoint();
        Map<String, Object> body = DisputeFixtures.body(p, "WAGES", "SERIOUS");
        body.put("sensitive", true);
        HttpResponse<byte[]> answer = office.send("POST", "/api/disputes", "application/json",
                JSON.writeValueAsString(body));
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asLong();
    }

    private DatabaseNotifications notificationsOnB() {
        return instanceB.getBean(DatabaseNotifications.class);
    }

    private static String onB(String path) {
        return "http://localhost:" + portB + path;
    }

    private static void awaitTrue(String what, Duration within, BooleanSupplier condition) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what + ": not within " + within);
            }
            Thread.sleep(50);
        }
    }

    /** A town-office browser's EventSource, as raw server-sent events read on a thread of their own. */
    static final class EventStream implements AutoCloseable {

        record Event(String name, String id, String data) {
        }

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final HttpResponse<Stream<String>> response;

        private EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }

        /** Signed in on {@code port} as {@code user}, subscribed, and its subscription confirmed. */
        static EventStream open(int port, String user) throws Exception {
            SignedInHttp signedIn = SignedInHttp.signedIn(port, user, DemoUsers.PASSWORD);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/disputes/events")).header("Accept", "text/event-stream")
                    .header("Cookie", "JSESSIONID=" + signedIn.cookie("JSESSIONID")).build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            EventStream stream = new EventStream(response);
            stream.next("ready", Duration.ofSeconds(20));
            return stream;
        }

        private void read() {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.isEmpty()) {
                        events.add(new Event(name, id, data.toString()));
                        name = "message";
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (RuntimeException closed) {
                // the stream was closed by the test
            }
        }

        /** The next event called {@code name} (others skipped), or a failure after {@code within}. */
        Event next(String name, Duration within) throws InterruptedException {
            long until = System.nanoTime() + within.toNanos();
            while (true) {
                Event event = events.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no " + name + " event within " + within);
                }
                if (event.name().equals(name)) {
                    return event;
                }
            }
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
