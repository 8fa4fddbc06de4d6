package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

/** 即时上报: the open event streams of the town office and the leadership receive a sensitive dispute, with grid and place, at once. */
@H2gisTest
class SensitiveReportStreamTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    /** 即时上报 to the 党委、政府 (seed §五.1): the town office and the leadership both receive it at once. */
    @Test
    void theTownOfficeAndTheLeadershipReceiveASensitiveReportWithGridAndPlace() throws Exception {
        List<Iterator<String>> streams = new ArrayList<>();
        List<HttpResponse<Stream<String>>> responses = new ArrayList<>();
        for (String user : List.of(DemoUsers.TOWN_OFFICE, DemoUsers.LEADER)) {
            SignedInHttp signedIn = SignedInHttp.signedIn(port, user, DemoUsers.PASSWORD);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/disputes/events")).header("Accept", "text/event-stream")
                    .header("Cookie", "JSESSIONID=" + signedIn.cookie("JSESSIONID")).build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            Iterator<String> lines = response.body().iterator();
            // wait for the subscription to be registered before the report is made
            CompletableFuture.supplyAsync(() -> nextMatching(lines, "event:ready")).get(20, TimeUnit.SECONDS);
            streams.add(lines);
            responses.add(response);
        }

        DisputeFixtures f = new DisputeFixtures(mvc, users);
        Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 20), "WAGES", "SERIOUS");
        body.put("sensitive", true);
        long id = f.register(DemoUsers.GRID_MANAGER, body).get("id").asLong();

        for (Iterator<String> lines : streams) {
            String data = CompletableFuture.supplyAsync(() -> {
                nextMatching(lines, "id:" + id);
                return nextMatching(lines, "data:");
            }).get(20, TimeUnit.SECONDS);
            assertThat(data).contains("\"gridCode\":\"" + f.ownGrid + "\"").contains("\"lng\":").contains("劳资")
                    .doesNotContain("张三丰");
        }
        responses.forEach(r -> r.body().close());

        // not for the grid
        SignedInHttp grid = SignedInHttp.signedIn(port, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        assertThat(grid.get("/api/disputes/events").statusCode()).isEqualTo(403);
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
