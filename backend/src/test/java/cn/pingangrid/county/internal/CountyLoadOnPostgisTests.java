package cn.pingangrid.county.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.gisdata.County;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.testsupport.PostgisCountySchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The county loader on PostGIS (the small county, in a fresh schema): the tables the application serves hold
 * exactly what the generator made, the API then serves the county, a second load is skipped and another county is
 * refused.
 */
@EnabledIf("cn.pingangrid.testsupport.PostgisDatabase#available")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "pingan.geography.dataset=county", "pingan.county.load=true", "pingan.county.size=small",
        "pingan.county.history-end=2026-11-30" })
@ContextConfiguration(initializers = PostgisCountySchema.class)
@AutoConfigureMockMvc
class CountyLoadOnPostgisTests {

    private static final LocalDate END = LocalDate.of(2026, 11, 30);
    private static County county;
    private static long disputeSteps;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CountyLoad load;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void generate() {
        county = County.generate(County.Spec.small(END));
        long[] steps = {0};
        county.disputes(d -> steps[0] += d.timeline().size());
        disputeSteps = steps[0];
    }

    @Test
    void rowCountsEqualTheGenerators() {
        assertThat(count("town")).isEqualTo(county.towns().size());
        assertThat(count("village")).isEqualTo(county.villages().size());
        assertThat(count("grid")).isEqualTo(county.grids().size());
        assertThat(count("building")).isEqualTo(county.buildings().size());
        assertThat(count("road")).isEqualTo(county.roads().size());
        assertThat(count("dispute")).isEqualTo(county.spec().disputes());
        assertThat(count("dispute_timeline")).isEqualTo(disputeSteps);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM geography_import WHERE dataset = 'county'", Long.class))
                .isEqualTo(1);
        // the indexes dropped for the COPY are back
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = 'dispute'", String.class)).contains("dispute_location_sidx", "dispute_grid_location_idx",
                "dispute_village_location_idx");
        // and vacuumed: every page all-visible, so the tiles' index-only scans read no table page
        assertThat(jdbc.queryForObject("SELECT relallvisible = relpages AND relpages > 0 FROM pg_class "
                + "WHERE oid = 'dispute'::regclass", Boolean.class)).isTrue();
    }

    @Test
    void storedGeometryIsWhatWasGenerated() {
        County.Dispute first = firstDispute();
        Map<String, Object> row = jdbc.queryForMap("SELECT ST_X(location) x, ST_Y(location) y, ST_SRID(location) srid, "
                + "grid_code, status, swept_on FROM dispute WHERE id = 1");
        assertThat(row.get("x")).isEqualTo(first.location().getX());
        assertThat(row.get("y")).isEqualTo(first.location().getY());
        assertThat(row.get("srid")).isEqualTo(4326);
        assertThat(row.get("grid_code")).isEqualTo(first.gridCode());
        assertThat(row.get("status")).isEqualTo(first.status());
        // every dispute lies in the grid it names, as the database sees it
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dispute d JOIN grid g ON g.code = d.grid_code "
                + "WHERE NOT ST_Intersects(g.boundary, d.location)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM building b JOIN grid g ON g.code = b.grid_code "
                + "WHERE NOT ST_Within(b.footprint, g.boundary)", Long.class)).isZero();
    }

    @Test
    void theCountyOfficeSeesEveryVillageAndATownAccountOnlyItsTown() throws Exception {
        assertThat(villageCodes(user("county-office").authorities(new SimpleGrantedAuthority("ROLE_TOWN_OFFICE"),
                AreaScope.townAuthority()))).hasSize(county.villages().size());
        String town = county.towns().get(1).code();
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(
                "ROLE_VILLAGE_CADRE")));
        county.villages().stream().filter(v -> v.townCode().equals(town))
                .forEach(v -> authorities.add((SimpleGrantedAuthority) AreaScope.villageAuthority(v.code())));
        TreeSet<String> seen = villageCodes(user("town-cadre").authorities(authorities));
        assertThat(seen).isNotEmpty().allMatch(code -> code.startsWith(town))
                .hasSize((int) county.villages().stream().filter(v -> v.townCode().equals(town)).count());
        JsonNode disputes = json.readTree(mvc.perform(get("/api/disputes?limit=5000&open=true")
                .with(user("town-cadre").authorities(authorities))).andReturn().getResponse().getContentAsString());
        assertThat(disputes.get("features").size()).isPositive();
        disputes.get("features").forEach(f -> assertThat(f.get("properties").get("villageCode").asString())
                .startsWith(town));
    }

    @Test
    void loadingAgainIsSkippedAndAnotherCountyRefused() throws Exception {
        assertThat(load.load()).isNull();
        assertThat(count("dispute")).isEqualTo(county.spec().disputes());
        CountyLoad other = new CountyLoad(dataSource, events, context, "small", "2026-11-29", false, "county");
        assertThatThrownBy(other::load).isInstanceOf(IllegalStateException.class).hasMessageContaining("另一份");
        assertThat(count("dispute")).isEqualTo(county.spec().disputes());
    }

    private TreeSet<String> villageCodes(
            org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        JsonNode answer = json.readTree(mvc.perform(get("/api/villages").with(who)).andReturn().getResponse()
                .getContentAsString());
        TreeSet<String> codes = new TreeSet<>();
        answer.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
        return codes;
    }

    private static County.Dispute firstDispute() {
        County.Dispute[] first = {null};
        county.disputes(d -> {
            if (first[0] == null) {
                first[0] = d;
            }
        });
        return first[0];
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
