package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.testsupport.DemoUsers;
import tools.jackson.databind.JsonNode;

/**
 * KPI arithmetic on a hand-built set: six disputes in the demo village in a four-week period nobody else uses,
 * taken through known outcomes, plus weekly sweeps; and the sweep rules. Run once per database.
 */
abstract class KpiAndSweepContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    DisputeFixtures f;

    @BeforeEach
    void fixtures() {
        f = new DisputeFixtures(mvc, users);
    }

    /** Four weeks, Monday to Sunday, in a past year with no disputes in the demo village yet. */
    LocalDate freshPeriodStart() throws Exception {
        Random random = new Random();
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate monday = LocalDate.of(1980 + random.nextInt(40), 1 + random.nextInt(10), 1)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            JsonNode kpis = kpis(monday, monday.plusDays(27));
            if (villageRow(kpis).get("kpis").get("registered").asInt() == 0
                    && villageRow(kpis).get("kpis").get("sweepsFiled").asInt() == 0) {
                return monday;
            }
        }
        throw new AssertionError("no free period found");
    }

    @Test
    void kpisOfAHandBuiltSetAreExact() throws Exception {
        LocalDate start = freshPeriodStart();
        LocalDate today = LocalDate.now();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 30 + i), "NEIGHBOURS",
                    "ORDINARY");
            body.put("sweptOn", start.plusDays(i * 3L).toString());
            body.put("occurredOn", start.plusDays(i * 3L).toString());
            ids.add(f.register(DemoUsers.VILLAGE_CADRE, body).get("id").asLong());
        }
        String cadre = DemoUsers.VILLAGE_CADRE;
        // A, B: resolved in the village (B also closed)
        for (int i : new int[] { 0, 1 }) {
            f.act(cadre, ids.get(i), "ACCEPT", Map.of());
            f.act(cadre, ids.get(i), "START_MEDIATION", Map.of());
            f.act(cadre, ids.get(i), "RESOLVE", Map.of());
        }
        f.act(cadre, ids.get(1), "CLOSE", Map.of());
        // C: escalated, resolved by the town
        f.act(cadre, ids.get(2), "ESCALATE_TO_TOWN", Map.of());
        f.act(DemoUsers.TOWN_OFFICE, ids.get(2), "START_MEDIATION", Map.of());
        f.act(DemoUsers.TOWN_OFFICE, ids.get(2), "RESOLVE", Map.of());
        // D: taken to court (a lawsuit: beyond the town), resolved there
        f.act(cadre, ids.get(3), "ESCALATE_TO_TOWN", Map.of());
        f.act(DemoUsers.TOWN_OFFICE, ids.get(3), "REFER", Map.of("channel", "LAWSUIT", "unit", "桃江县人民法院"));
        f.act(DemoUsers.TOWN_OFFICE, ids.get(3), "RESOLVE", Map.of());
        // E: registered only; F: mediation failed -- both past their default deadline, so overdue
        f.act(cadre, ids.get(5), "ACCEPT", Map.of());
        f.act(cadre, ids.get(5), "START_MEDIATION", Map.of());
        f.act(cadre, ids.get(5), "FAIL_TO_RESOLVE", Map.of());
        // one weekly sweep of four weeks, listing A
        MockHttpServletResponse sweep = f.postJson(cadre, "/api/sweeps", Map.of("kind", "VILLAGE_WEEKLY",
                "village", f.ownVillage, "period", start.plusDays(2).toString(), "disputeIds", List.of(ids.get(0))));
        assertThat(sweep.getStatus()).as(sweep.getContentAsString()).isEqualTo(201);

        JsonNode k = villageRow(kpis(start, start.plusDays(27))).get("kpis");
        assertThat(k.get("registered").asInt()).isEqualTo(6);
        assertThat(k.get("resolved").asInt()).isEqualTo(4);
        assertThat(k.get("resolutionRate").asDouble()).isEqualTo(0.6667);
        assertThat(k.get("villageRate").asDouble()).isEqualTo(0.5);
        assertThat(k.get("townRate").asDouble()).isEqualTo(0.75);
        assertThat(k.get("sentBeyondTown").asInt()).isEqualTo(1);
        assertThat(k.get("overdue").asInt()).isEqualTo(2);
        // resolved today; swept on start, start+3, start+6, start+9 → median of the middle two
        double expectedMedian = (ChronoUnit.DAYS.between(start.plusDays(3), today)
                + ChronoUnit.DAYS.between(start.plusDays(6), today)) / 2.0;
        assertThat(k.get("medianDaysToResolve").asDouble()).isEqualTo(expectedMedian);
        assertThat(k.get("weeks").asInt()).isEqualTo(4);
        assertThat(k.get("sweepsFiled").asInt()).isEqualTo(1);
        assertThat(k.get("sweepCompliance").asDouble()).isEqualTo(0.25);
        // the town row counts the same six (nobody else used this period)
        JsonNode town = kpis(start, start.plusDays(27)).get("town");
        assertThat(town.get("registered").asInt()).isEqualTo(6);
        assertThat(town.get("villageRate").asDouble()).isEqualTo(0.5);
        // a village row only for a village user; no town row
        JsonNode byCadre = DisputeFixtures.read(f.get(cadre, "/api/kpis?from=" + start + "&to=" + start.plusDays(27)));
        assertThat(byCadre.get("villages")).hasSize(1);
        assertThat(byCadre.get("town").isNull()).isTrue();
    }

    /**
     * The seed's linkage: a case handed over by the court (诉前调解) or the petitions office is the town's to
     * mediate; a referral to one of the town's 三调联动 units (法庭, 林业站, ...) keeps it in the town; only leaving
     * the town's handling (上访, 诉讼, 移送县级部门) counts as 矛盾上交.
     */
    @Test
    void handOversComeInAndReferralsWithinTheThreeMediationLinkageStayInTheTown() throws Exception {
        LocalDate start = freshPeriodStart();
        String[] sources = { "COURT", "PETITION_OFFICE", "SWEEP", "SWEEP" };
        String[] channels = { "COURT", "FORESTRY", "CIVIL_AFFAIRS", "PETITION_UPWARD" };
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 40 + i), "LAND_FOREST",
                    "ORDINARY");
            body.put("sweptOn", start.plusDays(i).toString());
            body.put("source", sources[i]);
            ids.add(f.register(DemoUsers.VILLAGE_CADRE, body).get("id").asLong());
        }
        for (int i = 0; i < channels.length; i++) {
            f.act(DemoUsers.VILLAGE_CADRE, ids.get(i), "ESCALATE_TO_TOWN", Map.of());
            JsonNode referred = f.act(DemoUsers.TOWN_OFFICE, ids.get(i), "REFER", Map.of("channel", channels[i],
                    "unit", "大栗港" + channels[i]));
            assertThat(referred.get("level").get("code").asString()).as(channels[i])
                    .isEqualTo(i < 3 ? "TOWN" : "BEYOND_TOWN");
        }
        f.act(DemoUsers.TOWN_OFFICE, ids.get(0), "RESOLVE", Map.of("note", "法庭与司法所联合调解成功"));
        JsonNode k = villageRow(kpis(start, start.plusDays(27))).get("kpis");
        assertThat(k.get("registered").asInt()).isEqualTo(4);
        assertThat(k.get("handedOver").asInt()).isEqualTo(2);
        assertThat(k.get("sentBeyondTown").asInt()).isEqualTo(1);
        assertThat(k.get("townRate").asDouble()).isEqualTo(1.0); // resolved by the 法庭 in the town
        MockHttpServletResponse oldCode = f.postJson(DemoUsers.TOWN_OFFICE, "/api/disputes/" + ids.get(1)
                + "/transitions", Map.of("action", "REFER", "channel", "PROCURATORATE", "unit", "x"));
        assertThat(oldCode.getStatus()).isIn(400, 409);
    }

    /** 镇每月组织一次矛盾纠纷排查: the town row says, per month due in the period, whether the town filed. */
    @Test
    void theTownsMonthlySweepHasItsOwnComplianceByMonth() throws Exception {
        MockHttpServletResponse filed = f.postJson(DemoUsers.TOWN_OFFICE, "/api/sweeps", Map.of("kind",
                "TOWN_MONTHLY", "period", "1975-04", "zeroReport", true));
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isIn(201, 409);
        // 1975-02-15..1975-05-31: March, April and May are due; April is filed
        JsonNode town = DisputeFixtures.read(f.get(DemoUsers.TOWN_OFFICE, "/api/kpis?from=1975-02-15&to=1975-05-31"))
                .get("townSweeps");
        assertThat(town.get("due").asInt()).isEqualTo(3);
        assertThat(town.get("filed").asInt()).isEqualTo(1);
        assertThat(town.get("compliance").asDouble()).isEqualTo(0.3333);
        List<String> months = new ArrayList<>();
        town.get("months").forEach(m -> months.add(m.get("month").asString() + "=" + m.get("filed").asBoolean()));
        assertThat(months).containsExactly("1975-03=false", "1975-04=true", "1975-05=false");
        JsonNode byLeader = DisputeFixtures.read(f.get(DemoUsers.LEADER, "/api/kpis?from=1975-02-15&to=1975-05-31"));
        assertThat(byLeader.get("townSweeps").get("filed").asInt()).isEqualTo(1);
        JsonNode byCadre = DisputeFixtures.read(f.get(DemoUsers.VILLAGE_CADRE,
                "/api/kpis?from=1975-02-15&to=1975-05-31"));
        assertThat(byCadre.get("townSweeps").isNull()).isTrue();
    }

    /** A grid manager's KPI row counts only their grid, and its label says so; a cadre's row is the village. */
    @Test
    void aGridManagersRowIsLabelledWithTheirGrid() throws Exception {
        JsonNode byGrid = DisputeFixtures.read(f.get(DemoUsers.GRID_MANAGER, "/api/kpis")).get("villages");
        assertThat(byGrid).hasSize(1);
        assertThat(byGrid.get(0).get("name").asString()).endsWith("（仅本网格）");
        assertThat(byGrid.get(0).get("grids").toString()).isEqualTo("[\"" + f.ownGrid + "\"]");
        JsonNode byCadre = DisputeFixtures.read(f.get(DemoUsers.VILLAGE_CADRE, "/api/kpis")).get("villages");
        assertThat(byCadre.get(0).get("name").asString()).doesNotContain("网格");
        assertThat(byCadre.get(0).get("grids").isNull()).isTrue();
    }

    @Test
    void sweepsNeedFindingsOrAnExplicitZeroReportAndComplianceListsTheMissingVillages() throws Exception {
        LocalDate start = freshPeriodStart();
        String cadre = DemoUsers.VILLAGE_CADRE;
        MockHttpServletResponse neither = f.postJson(cadre, "/api/sweeps", Map.of("kind", "VILLAGE_WEEKLY",
                "village", f.ownVillage, "period", start.toString()));
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(neither))).isEqualTo("disputeIds");
        MockHttpServletResponse foreign = f.postJson(cadre, "/api/sweeps", Map.of("kind", "VILLAGE_WEEKLY",
                "village", f.foreignGrid.substring(0, 12), "period", start.toString(), "zeroReport", true));
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(foreign))).isEqualTo("village");
        MockHttpServletResponse badKind = f.postJson(cadre, "/api/sweeps", Map.of("kind", "DAILY"));
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(badKind))).isEqualTo("kind");
        String isoWeek = start.getYear() + "-W" + String.format("%02d",
                start.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        if (start.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) != start.getYear()) {
            isoWeek = start.toString();
        }
        assertThat(f.postJson(cadre, "/api/sweeps", Map.of("kind", "VILLAGE_WEEKLY", "village", f.ownVillage,
                "period", isoWeek, "zeroReport", true)).getStatus()).isEqualTo(201);
        assertThat(f.postJson(cadre, "/api/sweeps", Map.of("kind", "VILLAGE_WEEKLY", "village", f.ownVillage,
                "period", start.plusDays(4).toString(), "zeroReport", true)).getStatus()).isEqualTo(409);
        JsonNode compliance = DisputeFixtures.read(f.get(DemoUsers.TOWN_OFFICE, "/api/sweeps/compliance?week="
                + start));
        assertThat(compliance.get("weekStart").asString()).isEqualTo(start.toString());
        List<String> missing = new ArrayList<>();
        compliance.get("missing").forEach(m -> missing.add(m.asString()));
        assertThat(missing).doesNotContain(f.ownVillage).contains(f.foreignGrid.substring(0, 12));
        assertThat(compliance.get("villages")).hasSize(17);
        // campaigns: town office only, sweeps inside their period and villages
        assertThat(f.postJson(cadre, "/api/sweep-campaigns", Map.of("name", "换届选举专题排查", "startsOn",
                start.toString(), "endsOn", start.plusDays(20).toString(), "villages", List.of(f.ownVillage)))
                .getStatus()).isEqualTo(403);
        MockHttpServletResponse created = f.postJson(DemoUsers.TOWN_OFFICE, "/api/sweep-campaigns", Map.of("name",
                "换届选举专题排查", "startsOn", start.toString(), "endsOn", start.plusDays(20).toString(), "villages",
                List.of(f.ownVillage)));
        assertThat(created.getStatus()).isEqualTo(201);
        long campaign = DisputeFixtures.read(created).get("id").asLong();
        MockHttpServletResponse outside = f.postJson(cadre, "/api/sweeps", Map.of("kind", "CAMPAIGN", "village",
                f.ownVillage, "campaignId", campaign, "period", start.plusDays(30).toString(), "zeroReport", true));
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(outside))).isEqualTo("period");
        assertThat(f.postJson(cadre, "/api/sweeps", Map.of("kind", "CAMPAIGN", "village", f.ownVillage,
                "campaignId", campaign, "period", start.plusDays(3).toString(), "zeroReport", true)).getStatus())
                .isEqualTo(201);
    }

    JsonNode kpis(LocalDate from, LocalDate to) throws Exception {
        MockHttpServletResponse r = f.get(DemoUsers.TOWN_OFFICE, "/api/kpis?from=" + from + "&to=" + to);
        assertThat(r.getStatus()).isEqualTo(200);
        return DisputeFixtures.read(r);
    }

    JsonNode villageRow(JsonNode kpis) {
        for (JsonNode row : kpis.get("villages")) {
            if (row.get("code").asString().equals(f.ownVillage)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + f.ownVillage);
    }
}
