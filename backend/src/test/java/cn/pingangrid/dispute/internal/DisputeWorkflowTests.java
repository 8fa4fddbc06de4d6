package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.HandlingLevel;
import cn.pingangrid.dispute.Severity;

/**
 * The workflow table against the steps themselves: in every reachable state, a step succeeds exactly when
 * {@link Dispute#allowedActions()} offers it, so the buttons and the server cannot drift apart.
 */
class DisputeWorkflowTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final DisputeDeadlines DEADLINES = new DisputeDeadlines(Map.of("village", 15, "town", 30));

    @Test
    void everyReachableStateOffersExactlyTheStepsThatSucceed() {
        Set<String> seen = new HashSet<>();
        Deque<List<DisputeAction>> paths = new ArrayDeque<>();
        paths.add(List.of());
        int states = 0;
        while (!paths.isEmpty()) {
            List<DisputeAction> path = paths.poll();
            Dispute d = replay(path);
            if (!seen.add(d.getStatus() + "/" + d.getLevel()) || path.size() > 8) {
                continue;
            }
            states++;
            Set<DisputeAction> offered = d.allowedActions();
            for (DisputeAction action : Dispute.STEPS.keySet()) {
                Dispute probe = replay(path);
                boolean succeeded;
                try {
                    take(probe, action);
                    succeeded = true;
                } catch (IllegalTransitionException e) {
                    succeeded = false;
                }
                assertThat(succeeded).as("%s at %s/%s", action, d.getStatus(), d.getLevel())
                        .isEqualTo(offered.contains(action));
                if (succeeded && action != DisputeAction.ASSIGN) {
                    List<DisputeAction> longer = new ArrayList<>(path);
                    longer.add(action);
                    paths.add(longer);
                }
            }
        }
        assertThat(states).as("status/level pairs reached").isGreaterThanOrEqualTo(10);
    }

    @Test
    void escalationIsOnlyFromVillageLevel() {
        Dispute d = replay(List.of(DisputeAction.ESCALATE_TO_TOWN, DisputeAction.START_MEDIATION));
        assertThat(d.getLevel()).isEqualTo(HandlingLevel.TOWN);
        assertThat(d.allowedActions()).doesNotContain(DisputeAction.ESCALATE_TO_TOWN)
                .contains(DisputeAction.RESOLVE, DisputeAction.REFER);
        assertThatThrownBy(() -> take(d, DisputeAction.ESCALATE_TO_TOWN))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aConcludedCaseCanNoLongerBeAssigned() {
        Dispute d = replay(List.of(DisputeAction.ACCEPT, DisputeAction.START_MEDIATION, DisputeAction.RESOLVE));
        assertThat(d.allowedActions()).isEqualTo(EnumSet.of(DisputeAction.CLOSE));
        int entries = d.getTimeline().size();
        assertThatThrownBy(() -> take(d, DisputeAction.ASSIGN)).isInstanceOf(IllegalTransitionException.class);
        assertThat(d.getTimeline()).hasSize(entries);
    }

    static Dispute replay(List<DisputeAction> path) {
        Dispute d = Dispute.register(new Dispute.Registration(
                Wgs84.FACTORY.createPoint(new Coordinate(111.85, 28.45)), "430922117001", "43092211700101", "测试村",
                TODAY, TODAY, "测试", "测试纠纷", null, null, DisputeType.NEIGHBOURS, Severity.ORDINARY,
                DisputeSource.SWEEP, List.of(), 2, null, false, null, null, null, null), DEADLINES, "t", NOW, TODAY);
        path.forEach(action -> take(d, action));
        return d;
    }

    static void take(Dispute d, DisputeAction action) {
        switch (action) {
            case ACCEPT -> d.accept("t", null, NOW);
            case START_MEDIATION -> d.startMediation("t", null, NOW);
            case RESOLVE -> d.resolve("t", null, NOW, TODAY);
            case FAIL_TO_RESOLVE -> d.failToResolve("t", null, NOW);
            case ESCALATE_TO_TOWN -> d.escalateToTown("t", null, NOW, TODAY, DEADLINES);
            case REFER -> d.refer(ReferralChannel.JUSTICE_OFFICE, "大栗港司法所", "t", null, NOW, TODAY, DEADLINES);
            case CLOSE -> d.close("t", null, NOW);
            case FOLLOW_UP_VISIT -> d.recordFollowUpVisit("t", null, NOW);
            case ASSIGN -> d.assign("镇综治办", "张三", TODAY.plusDays(10), "t", NOW, TODAY);
            default -> throw new IllegalArgumentException(action.name());
        }
    }
}
