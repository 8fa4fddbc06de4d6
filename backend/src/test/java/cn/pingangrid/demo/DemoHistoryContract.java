package cn.pingangrid.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.testsupport.DemoUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's whole generated history read back as the town would read it (issue 13): nothing happens after the
 * clock's now, every timeline runs in order, each village's sweeps are filed by that village's own cadre, the
 * 化解措施 vary and follow the outcome, and the sensitive border areas hold a plausible minority of the disputes,
 * not the town centre. Timestamps are read as stored (UTC wall time, as Hibernate writes an {@link Instant}).
 */
abstract class DemoHistoryContract {

    /** The town government (places.geojson: 大栗港镇人民政府), in the town centre. */
    static final double GOVERNMENT_LNG = 111.8507665;
    static final double GOVERNMENT_LAT = 28.4705605;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void noEventOfTheHistoryIsAfterTheClocksNow() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        assertThat(jdbc.queryForObject("select count(*) from dispute", Long.class)).isGreaterThan(2000);
        for (String column : List.of("dispute_timeline.at", "dispute_measure.taken_at", "dispute.created_at",
                "sweep.filed_at")) {
            String[] tc = column.split("\\.");
            Instant latest = utc(jdbc.queryForObject("select max(" + tc[1] + ") from " + tc[0], LocalDateTime.class));
            assertThat(latest).as(column).isNotNull().isBeforeOrEqualTo(now);
        }
        for (String column : List.of("swept_on", "occurred_on", "resolved_on", "created_at")) {
            LocalDate latest = column.equals("created_at") ? null
                    : jdbc.queryForObject("select max(" + column + ") from dispute", LocalDate.class);
            if (latest != null) {
                assertThat(latest).as(column).isBeforeOrEqualTo(today);
            }
        }
        assertThat(jdbc.queryForObject("select max(period_start) from sweep", LocalDate.class))
                .isBeforeOrEqualTo(today);
    }

    @Test
    void everyTimelineAndEveryListOfMeasuresRunsInOrder() {
        Map<Long, Instant> registered = new HashMap<>();
        jdbc.query("select id, created_at from dispute", rs -> {
            registered.put(rs.getLong(1), utc(rs.getObject(2, LocalDateTime.class)));
        });
        List<String> disorder = new ArrayList<>();
        Map<Long, Instant> last = new HashMap<>();
        jdbc.query("select dispute_id, seq, at, action from dispute_timeline order by dispute_id, seq", rs -> {
            long id = rs.getLong(1);
            Instant at = utc(rs.getObject(3, LocalDateTime.class));
            Instant before = last.get(id);
            if (before == null && !at.equals(registered.get(id))) {
                disorder.add("#" + id + " first entry " + rs.getString(4) + " at " + at + ", registered "
                        + registered.get(id));
            }
            if (before != null && at.isBefore(before)) {
                disorder.add("#" + id + " " + rs.getString(4) + " at " + at + " before " + before);
            }
            last.put(id, at);
        });
        Map<Long, Instant> lastMeasure = new HashMap<>();
        jdbc.query("select dispute_id, seq, taken_at from dispute_measure order by dispute_id, seq", rs -> {
            long id = rs.getLong(1);
            Instant at = utc(rs.getObject(3, LocalDateTime.class));
            Instant before = lastMeasure.getOrDefault(id, registered.get(id));
            if (at.isBefore(before)) {
                disorder.add("#" + id + " measure " + rs.getInt(2) + " at " + at + " before " + before);
            }
            lastMeasure.put(id, at);
        });
        assertThat(disorder).isEmpty();
        assertThat(last).hasSameSizeAs(registered);
    }

    @Test
    void eachVillagesSweepsAreFiledByThatVillagesOwnCadre() {
        Map<String, Set<String>> areas = new HashMap<>();
        jdbc.query("select u.username, a.area_code from app_user u join app_user_area a on a.user_id = u.id",
                rs -> {
                    areas.computeIfAbsent(rs.getString(1), u -> new HashSet<>()).add(rs.getString(2));
                });
        List<String> foreign = new ArrayList<>();
        Set<String> filers = new HashSet<>();
        Set<String> villages = new HashSet<>();
        jdbc.query("select village_code, filed_by from sweep where kind = 'VILLAGE_WEEKLY'", rs -> {
            String village = rs.getString(1);
            String filer = rs.getString(2);
            villages.add(village);
            filers.add(filer);
            if (!areas.getOrDefault(filer, Set.of()).contains(village)) {
                foreign.add(village + " by " + filer);
            }
        });
        assertThat(foreign).isEmpty();
        assertThat(villages).hasSize(17);
        assertThat(filers).hasSameSizeAs(villages);
        assertThat(filers).contains(DemoUsers.VILLAGE_CADRE);
    }

    @Test
    void measuresVaryAndEveryResolvedCaseRecordsHowItWasResolved() {
        long firstMeasures = jdbc.queryForObject("select count(distinct measures) from dispute", Long.class);
        long laterMeasures = jdbc.queryForObject("select count(distinct text) from dispute_measure", Long.class);
        assertThat(firstMeasures).isGreaterThanOrEqualTo(15);
        assertThat(laterMeasures).isGreaterThanOrEqualTo(20);
        // a measure taken at the moment of each 化解
        long resolvedWithout = jdbc.queryForObject("select count(*) from dispute_timeline t where t.action = "
                + "'RESOLVE' and not exists (select 1 from dispute_measure m where m.dispute_id = t.dispute_id "
                + "and m.taken_at = t.at)", Long.class);
        assertThat(resolvedWithout).isZero();
        long failedMeasures = jdbc.queryForObject("select count(*) from dispute_measure m join dispute d on "
                + "d.id = m.dispute_id where d.status in ('RESOLVED', 'CLOSED', 'FOLLOWED_UP') and m.seq = ("
                + "select max(m2.seq) from dispute_measure m2 where m2.dispute_id = m.dispute_id) and m.text like "
                + "'%未果%'", Long.class);
        assertThat(failedMeasures).as("a resolved case whose last measure says mediation failed").isZero();
        long inBuildings = jdbc.queryForObject("select count(*) from dispute where building_code is not null",
                Long.class);
        assertThat(inBuildings).isGreaterThan(0);
        assertThat(jdbc.queryForObject("select count(*) from dispute where building_code is not null and "
                + "substring(building_code, 1, 14) <> grid_code", Long.class)).isZero();
    }

    @Test
    void crossBorderDisputesAreAPlausibleMinorityAndTheTownCentreIsNotASensitiveBorderArea() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.withDayOfYear(1);
        long registered = jdbc.queryForObject("select count(*) from dispute where swept_on between ? and ?",
                Long.class, from, today);
        JsonNode cross = read("/api/cross-border-disputes?from=" + from + "&to=" + today);
        double share = cross.size() / (double) registered;
        assertThat(registered).isGreaterThan(500);
        assertThat(share).as("cross-border share of %s", from.getYear()).isLessThanOrEqualTo(0.15);
        assertThat(cross.size()).isGreaterThan(0);
        JsonNode centre = read("/api/border-check?lng=" + GOVERNMENT_LNG + "&lat=" + GOVERNMENT_LAT);
        assertThat(centre.get("crossBorder").asBoolean()).isFalse();
    }

    JsonNode read(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(DemoUsers.as(users, DemoUsers.TOWN_OFFICE)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsByteArray());
    }

    static Instant utc(LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }
}
