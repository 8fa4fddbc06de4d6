package cn.pingangrid.patrol.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The orienteering problem of a shift: from the base (index 0), visit a subset of the stops 1..n and return, so that
 * travel plus dwell fits the budget and the summed weight is as large as possible.
 *
 * <p>Heuristic: weighted cheapest insertion (weight ÷ added seconds, with seeded noise), 2-opt on the tour, then an
 * iterated local search that removes a few stops at random, repairs by insertion and 2-opt, and keeps the best.
 * Never returns a tour over the budget. The seed makes the search, and so the plan, reproducible; different seeds
 * give different orders among tours of equal weight (and the tour's direction is drawn too).
 * {@link #exact} enumerates (dynamic programming over subsets) for instances of up to ~15 stops, for tests.
 */
final class Orienteering {

    /** Travel seconds between all points (0 = base), dwell seconds per point (0 for the base), weight per point. */
    record Problem(double[][] travel, double[] dwell, double[] weight, double budget) {
        int size() {
            return travel.length;
        }
    }

    /** The stops in visiting order (indices into the problem, base excluded), their weight and total seconds. */
    record Tour(List<Integer> stops, double weight, double seconds) {
    }

    private final Problem p;
    private final Random random;
    private final int iterations;
    private final boolean[] allowed;

    private Orienteering(Problem problem, long seed, int iterations, boolean[] allowed) {
        this.p = problem;
        this.random = new Random(seed);
        this.iterations = iterations;
        this.allowed = allowed;
    }

    static Tour solve(Problem problem, long seed) {
        return solve(problem, seed, null);
    }

    /** As {@link #solve(Problem, long)}, with only the stops where {@code allowed} is true (null: all). */
    static Tour solve(Problem problem, long seed, boolean[] allowed) {
        int n = problem.size();
        boolean[] ok = new boolean[n];
        for (int i = 1; i < n; i++) {
            ok[i] = (allowed == null || allowed[i]) && problem.weight()[i] > 0
                    && Double.isFinite(problem.travel()[0][i]) && Double.isFinite(problem.travel()[i][0])
                    && problem.travel()[0][i] + problem.dwell()[i] + problem.travel()[i][0] <= problem.budget();
        }
        int iterations = Math.min(400, 150 + 2 * n);
        return new Orienteering(problem, seed, iterations, ok).run();
    }

    /** A pure tour through all the given stops (no budget): insertion + 2-opt, for comparison with a TSP solver. */
    static Tour tourThroughAll(double[][] travel, long seed) {
        int n = travel.length;
        double[] zero = new double[n];
        double[] one = new double[n];
        Arrays.fill(one, 1);
        one[0] = 0;
        Orienteering o = new Orienteering(new Problem(travel, zero, one, Double.MAX_VALUE), seed, 0, null);
        boolean[] ok = new boolean[n];
        Arrays.fill(ok, true);
        ok[0] = false;
        List<Integer> tour = new ArrayList<>();
        o.insertAll(tour, ok, 0);
        o.twoOpt(tour);
        o.orOpt(tour);
        o.twoOpt(tour);
        return o.tour(tour);
    }

    private Tour run() {
        List<Integer> current = new ArrayList<>();
        insertAll(current, allowed, 0.3);
        twoOpt(current);
        insertAll(current, allowed, 0);
        List<List<Integer>> best = new ArrayList<>();
        best.add(new ArrayList<>(current));
        double bestWeight = weight(current);
        double bestSeconds = seconds(current);
        for (int it = 0; it < iterations; it++) {
            List<Integer> candidate = new ArrayList<>(current);
            List<Integer> removed = perturb(candidate);
            twoOpt(candidate);
            if (random.nextBoolean()) { // the removed stops wait a round, so others get their place
                boolean[] others = allowed.clone();
                removed.forEach(i -> others[i] = false);
                insertAll(candidate, others, 0.3);
                twoOpt(candidate);
            }
            insertAll(candidate, allowed, 0.3);
            twoOpt(candidate);
            if (candidate.size() <= 40) {
                orOpt(candidate);
            }
            insertAll(candidate, allowed, 0);
            double w = weight(candidate);
            double s = seconds(candidate);
            if (w > bestWeight + 1e-9 || (Math.abs(w - bestWeight) <= 1e-9 && s < bestSeconds - 1e-6)) {
                best.clear();
                best.add(new ArrayList<>(candidate));
                bestWeight = w;
                bestSeconds = s;
            } else if (Math.abs(w - bestWeight) <= 1e-9 && !containsSameSet(best, candidate) && best.size() < 8) {
                best.add(new ArrayList<>(candidate)); // an equally good alternative: the shift may draw it
            }
            // accept sideways and slightly worse moves now and then, to leave a local optimum
            if (w >= weight(current) - 1e-9 || random.nextDouble() < 0.1) {
                current = candidate;
            } else if (random.nextDouble() < 0.3) {
                current = new ArrayList<>(best.get(0));
            }
        }
        List<Integer> chosen = new ArrayList<>(best.get(random.nextInt(best.size())));
        if (random.nextBoolean()) {
            List<Integer> reversed = new ArrayList<>(chosen);
            Collections.reverse(reversed);
            if (seconds(reversed) <= p.budget()) {
                chosen = reversed;
            }
        }
        return tour(chosen);
    }

    private static boolean containsSameSet(List<List<Integer>> tours, List<Integer> tour) {
        for (List<Integer> t : tours) {
            if (t.size() == tour.size() && t.containsAll(tour)) {
                return true;
            }
        }
        return false;
    }

    private Tour tour(List<Integer> stops) {
        return new Tour(List.copyOf(stops), weight(stops), seconds(stops));
    }

    double weight(List<Integer> tour) {
        double w = 0;
        for (int i : tour) {
            w += p.weight()[i];
        }
        return w;
    }

    /** Travel and dwell from the base through the tour and back. */
    double seconds(List<Integer> tour) {
        double s = 0;
        int previous = 0;
        for (int i : tour) {
            s += p.travel()[previous][i] + p.dwell()[i];
            previous = i;
        }
        return s + p.travel()[previous][0];
    }

    /** Inserts stops while any fits: best weight ÷ added seconds, scores jittered by ±{@code noise}. */
    private void insertAll(List<Integer> tour, boolean[] ok, double noise) {
        boolean[] in = new boolean[p.size()];
        tour.forEach(i -> in[i] = true);
        double used = seconds(tour);
        while (true) {
            int bestStop = -1;
            int bestAt = -1;
            double bestScore = -1;
            double bestDelta = 0;
            for (int i = 1; i < p.size(); i++) {
                if (!ok[i] || in[i]) {
                    continue;
                }
                int at = -1;
                double delta = Double.MAX_VALUE;
                for (int k = 0; k <= tour.size(); k++) {
                    int a = k == 0 ? 0 : tour.get(k - 1);
                    int b = k == tour.size() ? 0 : tour.get(k);
                    double d = p.travel()[a][i] + p.dwell()[i] + p.travel()[i][b] - p.travel()[a][b];
                    if (d < delta) {
                        delta = d;
                        at = k;
                    }
                }
                if (used + delta > p.budget() + 1e-9) {
                    continue;
                }
                double score = p.weight()[i] / (Math.max(delta, 0) + 1)
                        * (noise > 0 ? 1 + noise * (2 * random.nextDouble() - 1) : 1);
                if (score > bestScore) {
                    bestScore = score;
                    bestStop = i;
                    bestAt = at;
                    bestDelta = delta;
                }
            }
            if (bestStop < 0) {
                return;
            }
            tour.add(bestAt, bestStop);
            in[bestStop] = true;
            used += bestDelta;
        }
    }

    /** Removes 1–3 stops (or a short run of them) at random; returns them. */
    private List<Integer> perturb(List<Integer> tour) {
        List<Integer> removed = new ArrayList<>();
        if (tour.isEmpty()) {
            return removed;
        }
        if (random.nextBoolean()) {
            int k = 1 + random.nextInt(Math.min(3, tour.size()));
            for (int r = 0; r < k && !tour.isEmpty(); r++) {
                removed.add(tour.remove(random.nextInt(tour.size())));
            }
        } else {
            int length = 1 + random.nextInt(Math.min(4, tour.size()));
            int from = random.nextInt(tour.size() - length + 1);
            List<Integer> run = tour.subList(from, from + length);
            removed.addAll(run);
            run.clear();
        }
        return removed;
    }

    /** 2-opt by full re-evaluation (travel may be slightly asymmetric after snapping): first improvement. */
    private void twoOpt(List<Integer> tour) {
        boolean improved = true;
        double current = seconds(tour);
        while (improved) {
            improved = false;
            for (int i = 0; i < tour.size() - 1 && !improved; i++) {
                for (int j = i + 1; j < tour.size() && !improved; j++) {
                    Collections.reverse(tour.subList(i, j + 1));
                    double s = seconds(tour);
                    if (s < current - 1e-6) {
                        current = s;
                        improved = true;
                    } else {
                        Collections.reverse(tour.subList(i, j + 1));
                    }
                }
            }
        }
    }

    /** Or-opt: moves runs of 1–3 stops elsewhere while that shortens the tour. */
    private void orOpt(List<Integer> tour) {
        boolean improved = true;
        double current = seconds(tour);
        while (improved) {
            improved = false;
            for (int len = 1; len <= 3 && !improved; len++) {
                for (int i = 0; i + len <= tour.size() && !improved; i++) {
                    List<Integer> run = new ArrayList<>(tour.subList(i, i + len));
                    List<Integer> rest = new ArrayList<>(tour);
                    rest.subList(i, i + len).clear();
                    for (int k = 0; k <= rest.size() && !improved; k++) {
                        List<Integer> moved = new ArrayList<>(rest);
                        moved.addAll(k, run);
                        double s = seconds(moved);
                        if (s < current - 1e-6) {
                            tour.clear();
                            tour.addAll(moved);
                            current = s;
                            improved = true;
                        }
                    }
                }
            }
        }
    }

    /** The exact optimum (largest weight, then fewest seconds) by dynamic programming over subsets; n ≤ 16. */
    static Tour exact(Problem p) {
        int n = p.size() - 1;
        if (n > 16) {
            throw new IllegalArgumentException("too many stops to enumerate: " + n);
        }
        int full = 1 << n;
        double[][] dp = new double[full][n];
        int[][] from = new int[full][n];
        for (double[] row : dp) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int j = 0; j < n; j++) {
            dp[1 << j][j] = p.travel()[0][j + 1] + p.dwell()[j + 1];
            from[1 << j][j] = -1;
        }
        for (int mask = 1; mask < full; mask++) {
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) == 0 || dp[mask][j] == Double.POSITIVE_INFINITY || dp[mask][j] > p.budget()) {
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    if ((mask & (1 << k)) != 0) {
                        continue;
                    }
                    double t = dp[mask][j] + p.travel()[j + 1][k + 1] + p.dwell()[k + 1];
                    int next = mask | (1 << k);
                    if (t < dp[next][k]) {
                        dp[next][k] = t;
                        from[next][k] = j;
                    }
                }
            }
        }
        double bestWeight = 0;
        double bestSeconds = 0;
        int bestMask = 0;
        int bestLast = -1;
        for (int mask = 1; mask < full; mask++) {
            double w = 0;
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) != 0) {
                    w += p.weight()[j + 1];
                }
            }
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) == 0) {
                    continue;
                }
                double s = dp[mask][j] + p.travel()[j + 1][0];
                if (s <= p.budget() && (w > bestWeight + 1e-9
                        || (Math.abs(w - bestWeight) <= 1e-9 && s < bestSeconds))) {
                    bestWeight = w;
                    bestSeconds = s;
                    bestMask = mask;
                    bestLast = j;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        int mask = bestMask;
        int j = bestLast;
        while (j >= 0) {
            order.add(0, j + 1);
            int previous = from[mask][j];
            mask &= ~(1 << j);
            j = previous;
        }
        return new Tour(order, bestWeight, bestSeconds);
    }
}
