package cn.pingangrid.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.pingangrid.testsupport.DemoUsers;

/**
 * The README's run command as a test: the demo profile with every demo loader on (the other tests turn the demo
 * data off), on a fresh embedded database. A loader that cannot start — a misspelt property, a query outside its
 * unscoped path — fails here rather than on a new user's first start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:pingan-readme;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa",
        "spring.datasource.password=", "pingan.household.key-file=target/test-household-keys.properties" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoStartupTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void theDemoStartsWithItsSitesHazardsDisputesAndBorders() throws Exception {
        assertThat(features("/api/sites")).as("gis-data's illustrative sites").isGreaterThanOrEqualTo(40);
        assertThat(features("/api/hazards")).as("gis-data's illustrative hazards").isGreaterThanOrEqualTo(5);
        assertThat(features("/api/border-segments")).as("border segments derived at start").isGreaterThan(10);
        assertThat(json("/api/kpis").get("town").get("registered").asInt()).as("the demo's disputes of this period")
                .isPositive();
        assertThat(json("/api/households/counts").get("households").asInt()).as("the demo's fictitious households")
                .isGreaterThanOrEqualTo(100);
        var gridManager = mvc.perform(get("/api/households").with(DemoUsers.as(users, DemoUsers.GRID_MANAGER)))
                .andReturn().getResponse();
        assertThat(JSON.readTree(gridManager.getContentAsString()).get("total").asInt())
                .as("most of them in the demo grid manager's grid").isGreaterThanOrEqualTo(30);
    }

    private int features(String url) throws Exception {
        return json(url).get("features").size();
    }

    private JsonNode json(String url) throws Exception {
        var response = mvc.perform(get(url).with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }
}
