package cn.pingangrid.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The shift planner against exhaustive enumeration, its budget, its return to base and its reproducible shuffle. */
class OrienteeringTests {

    /** Stops scattered over a 6 km square, travel on foot with a 1.3 detour factor, 15 min dwell, weights 1–5. */
    static Orienteering.Problem instance(long seed, int stops, double budgetSeconds) {
        Random r = new Random(seed);
        int n = stops + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] weight = new double[n];
        double[] dwell = new double[n];
        x[0] = 3000;
        y[0] = 3000;
        for (int i = 1; i < n; i++) {
            x[i] = r.nextDouble() * 6000;
            y[i] = r.nextDouble() * 6000;
            weight[i] = 1 + r.nextInt(5);
            dwell[i] = 900;
        }
        double[][] travel = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                travel[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]) * 1.3 / 1.25;
            }
        }
        return new Orienteering.Problem(travel, dwell, weight, budgetSeconds);
    }

    @Test
    void findsTheExactOptimumOnEverySmallInstance() {
        int compared = 0;
        for (long seed = 1; seed <= 60; seed++) {
            int stops = 5 + (int) (seed % 6); // 5..10 stops
            double budget = 3600 * (1 + seed % 4); // 1..4 hours
            Orienteering.Problem p = instance(seed, stops, budget);
            Orienteering.Tour exact = Orienteering.exact(p);
            Orienteering.Tour heuristic = Orienteering.solve(p, seed * 31);
            assertThat(heuristic.weight()).as("instance %d (%d stops, %.0f s)", seed, stops, budget)
                    .isCloseTo(exact.weight(), within(1e-9));
            assertThat(heuristic.seconds()).isLessThanOrEqualTo(budget);
            compared++;
        }
        assertThat(compared).isEqualTo(60);
    }

    @Test
    void neverExceedsTheShiftAndVisitsEachStopOnceReturningToBase() {
        for (long seed = 1; seed <= 20; seed++) {
            Orienteering.Problem p = instance(seed, 80, 3600 * 4);
            Orienteering.Tour t = Orienteering.solve(p, seed);
            assertThat(t.seconds()).isLessThanOrEqualTo(p.budget());
            assertThat(new HashSet<>(t.stops())).hasSize(t.stops().size()).doesNotContain(0);
            // the reported seconds include the leg back to the base
            double s = 0;
            int previous = 0;
            for (int i : t.stops()) {
                s += p.travel()[previous][i] + p.dwell()[i];
                previous = i;
            }
            s += p.travel()[previous][0];
            assertThat(t.seconds()).isCloseTo(s, within(1e-6));
            assertThat(t.stops()).isNotEmpty();
        }
    }

    @Test
    void aStopThatCannotBeReachedAndReturnedFromInTimeIsNeverPlanned() {
        Orienteering.Problem p = instance(7, 6, 1800);
        p.travel()[0][3] = Double.POSITIVE_INFINITY;
        Orienteering.Tour t = Orienteering.solve(p, 1);
        assertThat(t.stops()).doesNotContain(3);
        assertThat(Orienteering.solve(instance(7, 6, 600), 1).stops()).isEmpty(); // nothing fits 10 minutes
    }

    @Test
    void theSameSeedGivesTheSamePlanAndOtherSeedsShuffleIt() {
        Orienteering.Problem p = instance(11, 30, 3600 * 3);
        assertThat(Orienteering.solve(p, 42)).isEqualTo(Orienteering.solve(p, 42));
        Set<List<Integer>> orders = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            orders.add(Orienteering.solve(p, seed).stops());
        }
        assertThat(orders.size()).isGreaterThan(1);
    }

    @Test
    void aPureTourThroughAllStopsIsCloseToTheShortest() {
        for (long seed = 1; seed <= 10; seed++) {
            Orienteering.Problem p = instance(seed, 9, Double.MAX_VALUE);
            double[] ones = new double[p.size()];
            java.util.Arrays.fill(ones, 1);
            Orienteering.Tour shortest = Orienteering.exact(new Orienteering.Problem(p.travel(), new double[p.size()],
                    ones, Double.MAX_VALUE));
            Orienteering.Tour tour = Orienteering.tourThroughAll(p.travel(), seed);
            assertThat(tour.stops()).hasSize(9);
            assertThat(tour.seconds()).isLessThanOrEqualTo(shortest.seconds() * 1.05);
        }
    }
}
