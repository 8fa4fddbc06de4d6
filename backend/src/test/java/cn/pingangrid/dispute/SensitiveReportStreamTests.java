package cn.pingangrid.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.SignedInHttp;

/** 即时上报: the town office's open event stream receives a sensitive dispute, with grid and place, at once. */
@H2gisTest
class SensitiveReportStreamTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void theTownOfficeStreamReceivesASensitiveReportWithGridAndPlace() throws Exception {
        SignedInHttp office = SignedInHttp.signedIn(port, DemoUsers.TOWN_OFFICE, DemoUsers.PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/disputes/events"))
                .header("Accept", "text/event-stream").header("Cookie", "JSESSIONID=" + office.cookie("JSESSIONID"))
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Iterator<String> lines = response.body().iterator();
        // wait for the subscription to be registered before the report is made
        CompletableFuture.supplyAsync(() -> nextMatching(lines, "event:ready")).get(20, TimeUnit.SECONDS);

        DisputeFixtures f = new DisputeFixtures(mvc, users);
        Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 20), "WAGES", "SERIOUS");
        body.put("sensitive", true);
        long id = f.register(DemoUsers.GRID_MANAGER, body).get("id").asLong();

        String data = CompletableFuture.supplyAsync(() -> {
            nextMatching(lines, "id:" + id);
            return nextMatching(lines, "data:");
        }).get(20, TimeUnit.SECONDS);
        assertThat(data).contains("\"gridCode\":\"" + f.ownGrid + "\"").contains("\"lng\":").contains("劳资")
                .doesNotContain("张三丰");
        response.body().close();

        // the stream is the town office's only
        SignedInHttp leader = SignedInHttp.signedIn(port, DemoUsers.LEADER, DemoUsers.PASSWORD);
        assertThat(leader.get("/api/disputes/events").statusCode()).isEqualTo(403);
    }

    private static String nextMatching(Iterator<String> lines, String prefix) {
        while (lines.hasNext()) {
            String line = lines.next().replace(": ", ":");
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("stream ended before " + prefix);
    }

}
