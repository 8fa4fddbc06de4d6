package cn.pingangrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.testsupport.SignedInHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The /api described by OpenAPI 3 at /api-docs: signed-in users only, every operation with the shared problem
 * schema for its errors, the area scopes and roles described, and the UI served.
 */
@H2gisTest
class ApiDocumentationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void signedInUsersGetTheWholeApiWithProblemAnswersAndScopes() {
        SignedInHttp session = SignedInHttp.signedIn(port, DemoUsers.GRID_MANAGER, DemoUsers.PASSWORD);
        HttpResponse<byte[]> answer = session.get("/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(answer.body());
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("info").get("description").asString()).contains("区域裁剪", "网格员看到本网格");
        List<String> paths = new ArrayList<>();
        api.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/disputes", "/api/disputes/{id}", "/api/villages", "/api/me/tokens",
                "/api/hazards", "/api/sites", "/api/patrol/plans").allMatch(p -> p.startsWith("/api/"));
        assertThat(api.get("components").get("schemas").get("Problem").get("properties").has("invalid-params"))
                .isTrue();
        int operations = 0;
        for (JsonNode path : api.get("paths")) {
            for (JsonNode operation : path) {
                operations++;
                assertThat(operation.get("tags").get(0).asString()).isNotBlank();
                assertThat(operation.get("description").asString()).contains("谁可以调用");
                for (String status : List.of("400", "401", "403", "404")) {
                    assertThat(operation.get("responses").get(status).get("content").get("application/problem+json")
                            .get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(session.get("/api-docs.html").statusCode()).isIn(200, 302);
        HttpResponse<byte[]> ui = session.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
    }

    @Test
    void nobodySignedOutReadsIt() {
        SignedInHttp anonymous = new SignedInHttp(port);
        HttpResponse<byte[]> json = anonymous.get("/api-docs");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.get("/swagger-ui/index.html").statusCode()).isEqualTo(302);
    }
}
