package cn.pingangrid.patrol.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

import cn.pingangrid.area.RoadEdge;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.TownDataset;

/**
 * Patrol benchmarks, not run in CI ({@code bash backend/bench/patrol-bench.sh}): on the town's real road network,
 * stops at random buildings (seeded),
 * <ol>
 * <li>planning a 4-hour e-bike shift from 50 and 200 candidate stops (time: snapping + matrix + solve);</li>
 * <li>a pure tour through all 50 / 200 stops (insertion + 2-opt + or-opt) against pgRouting's {@code pgr_TSP} on the
 * same (symmetrised) cost matrix: tour lengths and the ratio;</li>
 * <li>a town-wide plan: 17 officers, 12 own stops each plus shared stops, no stop twice within an hour.</li>
 * </ol>
 * pgr_TSP needs {@code PINGAN_BENCH_DB_URL} (user/password in PINGAN_BENCH_DB_USER/PASSWORD) with the pgrouting
 * extension; without it that column is skipped.
 */
public final class PatrolBenchmark {

    public static void main(String[] args) throws Exception {
        List<RoadEdge> roads = new ArrayList<>();
        for (TownDataset.Item road : TownDataset.read("roads")) {
            var p = road.properties();
            roads.add(new RoadEdge(p.get("id").asLong(), p.get("fromNode").asLong(), p.get("toNode").asLong(),
                    p.get("roadClass").asString(), null, (LineString) road.geometry()));
        }
        PatrolProperties properties = PatrolProperties.defaults();
        RoadNetwork network = RoadNetwork.of(roads, properties::speedKmh);
        List<TownDataset.Item> buildings = TownDataset.read("buildings");
        System.out.printf("road network: %s%n", network.connectivity());
        Point base = Wgs84.point(properties.policeStation().get(0), properties.policeStation().get(1));
        ShiftPlanner planner = new ShiftPlanner(network);
        Shift shift = new Shift(LocalDate.of(2026, 3, 2), LocalTime.of(8, 0), 240, TravelMode.EBIKE, Shift.Base.POLICE);

        for (int n : new int[] { 50, 200 }) {
            List<Stop> stops = randomStops(buildings, n, 7L * n, null);
            planner.plan(shift, base, stops, 1, Set.of()); // warm-up
            int runs = 5;
            long t0 = System.nanoTime();
            ShiftPlanner.Result last = null;
            for (int r = 0; r < runs; r++) {
                last = planner.plan(shift, base, stops, r, Set.of());
            }
            double ms = (System.nanoTime() - t0) / 1e6 / runs;
            System.out.printf("plan %3d candidates: %.0f ms per plan (mean of %d), %d stops, weight %.0f of %.0f%n", n,
                    ms, runs, last.stops().size(), last.weight(), last.candidateWeight());

            List<RoadNetwork.Snap> snaps = new ArrayList<>();
            snaps.add(network.snap(base));
            stops.forEach(s -> snaps.add(network.snap(s.point())));
            double[][] m = network.route(snaps, TravelMode.CAR).matrix();
            for (int i = 0; i < m.length; i++) {
                for (int j = i + 1; j < m.length; j++) {
                    double avg = (m[i][j] + m[j][i]) / 2;
                    m[i][j] = avg;
                    m[j][i] = avg;
                }
            }
            long t1 = System.nanoTime();
            Orienteering.Tour tour = Orienteering.tourThroughAll(m, 1);
            double tourMs = (System.nanoTime() - t1) / 1e6;
            Double tsp = pgrTsp(m);
            System.out.printf("tour %3d stops: ours %.0f s (%.0f ms)%s%n", n, tour.seconds(), tourMs, tsp == null
                    ? ", pgr_TSP skipped (no PINGAN_BENCH_DB_URL)"
                    : String.format(", pgr_TSP %.0f s, ratio ours/pgr_TSP %.3f", tsp, tour.seconds() / tsp));
        }

        // the town-wide plan: 17 villages × 12 own stops, 20 stops shared by pairs of villages
        List<TownDataset.Item> villages = TownDataset.read("villages");
        List<Stop> all = new ArrayList<>();
        for (TownDataset.Item v : villages) {
            all.addAll(randomStops(buildings.stream().filter(b -> b.code().startsWith(v.code())).toList(), 12,
                    v.code().hashCode(), Set.of(v.code())));
        }
        Random r = new Random(3);
        List<Stop> shared = randomStops(buildings, 20, 99, null);
        for (Stop s : shared) {
            String a = villages.get(r.nextInt(villages.size())).code();
            String b = a;
            while (b.equals(a)) {
                b = villages.get(r.nextInt(villages.size())).code();
            }
            all.add(new Stop(s.key(), StopKind.BORDER, s.name(), s.point(), 4, 900, Set.of(a, b), List.of(), null));
        }
        for (int run = 0; run < 3; run++) {
            long t2 = System.nanoTime();
            Map<String, List<LocalDateTime>> booked = new HashMap<>();
            int stopsPlanned = 0;
            int replans = 0;
            for (TownDataset.Item v : villages) {
                List<Stop> own = all.stream().filter(s -> s.villageCodes().contains(v.code())).toList();
                Point villageBase = v.geometry().getInteriorPoint();
                Set<String> excluded = new HashSet<>();
                ShiftPlanner.Result result;
                while (true) {
                    result = planner.plan(shift, villageBase, own, v.code().hashCode() + run, excluded);
                    List<String> clashes = PatrolPlanning.clashes(result, booked);
                    if (clashes.isEmpty()) {
                        break;
                    }
                    replans++;
                    excluded.addAll(clashes);
                }
                result.stops().forEach(st -> booked.computeIfAbsent(st.stop().key(), k -> new ArrayList<>())
                        .add(st.arrive()));
                stopsPlanned += result.stops().size();
            }
            System.out.printf("town-wide plan, 17 officers, %d candidates: %.0f ms, %d stops planned, %d re-plans%n",
                    all.size(), (System.nanoTime() - t2) / 1e6, stopsPlanned, replans);
        }
    }

    static List<Stop> randomStops(List<TownDataset.Item> buildings, int n, long seed, Set<String> villages) {
        Random r = new Random(seed);
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TownDataset.Item b = buildings.get(r.nextInt(buildings.size()));
            Point p = b.geometry().getInteriorPoint();
            stops.add(new Stop("B-" + seed + "-" + i, StopKind.SITE, "点" + i, Wgs84.point(p.getX(), p.getY()),
                    1 + r.nextInt(5), 900, villages == null ? Set.of() : villages, List.of(), null));
        }
        return stops;
    }

    /** pgr_TSP's tour length (seconds) on the matrix, or null without a database. */
    static Double pgrTsp(double[][] m) throws Exception {
        String url = System.getenv("PINGAN_BENCH_DB_URL");
        if (url == null) {
            return null;
        }
        try (Connection c = DriverManager.getConnection(url, System.getenv("PINGAN_BENCH_DB_USER"),
                System.getenv("PINGAN_BENCH_DB_PASSWORD")); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS bench_matrix (start_vid BIGINT, end_vid BIGINT, agg_cost FLOAT8)");
            st.execute("TRUNCATE bench_matrix");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_matrix VALUES (?, ?, ?)")) {
                for (int i = 0; i < m.length; i++) {
                    for (int j = 0; j < m.length; j++) {
                        if (i != j) {
                            insert.setLong(1, i + 1);
                            insert.setLong(2, j + 1);
                            insert.setDouble(3, m[i][j]);
                            insert.addBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
            long t = System.nanoTime();
            try (ResultSet rs = st.executeQuery("SELECT max(agg_cost) FROM pgr_TSP("
                    + "'SELECT start_vid, end_vid, agg_cost FROM bench_matrix', start_id => 1)")) {
                rs.next();
                double total = rs.getDouble(1);
                System.out.printf("  (pgr_TSP took %.0f ms)%n", (System.nanoTime() - t) / 1e6);
                return total;
            }
        }
    }
}
