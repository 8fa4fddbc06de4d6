package cn.pingangrid.patrol.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

import cn.pingangrid.geo.MetricProjection;

/**
 * Plans one shift on the road network: snaps the base and the candidate stops, builds the travel-time matrix (the
 * walk between a stop and its road point, at walking speed, is added to the stop's dwell), solves the orienteering
 * problem and lays the tour out in time. The seed also draws a late start and longer stays out of the shift's
 * slack (at most one more dwell per stop), so that the times, like the order, differ from shift to shift.
 */
final class ShiftPlanner {

    static final double WALK_MPS = 4.5 / 3.6;

    /** A stop in the plan: when the officer arrives and leaves. */
    record Scheduled(Stop stop, LocalDateTime arrive, LocalDateTime leave) {
    }

    /** A planned shift: the stops in order, the legs in metres (EPSG:4546), travel totals, the return time. */
    record Result(List<Scheduled> stops, List<List<Coordinate>> legs, double travelMeters, double travelSeconds,
            LocalDateTime departAt, LocalDateTime returnAt, double weight, double candidateWeight, int candidates) {
    }

    private final RoadNetwork network;

    ShiftPlanner(RoadNetwork network) {
        this.network = network;
    }

    Result plan(Shift shift, Point base, List<Stop> candidates, long seed, Set<String> excludedKeys) {
        List<RoadNetwork.Snap> snaps = new ArrayList<>();
        snaps.add(network.snap(base));
        candidates.forEach(s -> snaps.add(network.snap(s.point())));
        RoadNetwork.Routes routes = network.route(snaps, shift.mode());
        int n = snaps.size();
        double[][] travel = routes.matrix();
        double[] dwell = new double[n];
        double[] weight = new double[n];
        boolean[] allowed = new boolean[n];
        for (int i = 1; i < n; i++) {
            Stop s = candidates.get(i - 1);
            dwell[i] = s.dwellSeconds() + 2 * snaps.get(i).offsetM() / WALK_MPS;
            weight[i] = s.weight();
            allowed[i] = !excludedKeys.contains(s.key());
        }
        double budget = shift.lengthMinutes() * 60.0 - 2 * snaps.get(0).offsetM() / WALK_MPS;
        Orienteering.Tour tour = Orienteering.solve(new Orienteering.Problem(travel, dwell, weight, budget), seed,
                allowed);

        Random random = new Random(seed ^ 0x5DEECE66DL);
        double slack = Math.max(0, budget - tour.seconds());
        double delay = Math.floor(random.nextDouble() * 0.4 * slack / 60) * 60;
        double extraTotal = random.nextDouble() * 0.4 * slack;
        double[] share = new double[tour.stops().size()];
        double sum = 0;
        for (int k = 0; k < share.length; k++) {
            share[k] = random.nextDouble();
            sum += share[k];
        }
        LocalDateTime shiftStart = LocalDateTime.of(shift.date(), shift.start());
        double t = delay + snaps.get(0).offsetM() / WALK_MPS;
        List<Scheduled> scheduled = new ArrayList<>();
        List<List<Coordinate>> legs = new ArrayList<>();
        double meters = 0;
        double travelSeconds = 0;
        int previous = 0;
        for (int k = 0; k < tour.stops().size(); k++) {
            int i = tour.stops().get(k);
            t += travel[previous][i];
            travelSeconds += travel[previous][i];
            meters += routes.meters(previous, i) == Double.POSITIVE_INFINITY ? 0 : legMeters(routes, previous, i);
            legs.add(routes.line(previous, i));
            LocalDateTime arrive = shiftStart.plusSeconds(Math.round(t));
            // a longer stay drawn from the slack, at most one more dwell
            double extra = sum > 0 ? Math.min(Math.floor(extraTotal * share[k] / sum / 60) * 60,
                    candidates.get(i - 1).dwellSeconds()) : 0;
            t += dwell[i] + extra;
            scheduled.add(new Scheduled(candidates.get(i - 1), arrive, shiftStart.plusSeconds(Math.round(t))));
            previous = i;
        }
        t += travel[previous][0];
        travelSeconds += travel[previous][0];
        meters += previous == 0 ? 0 : legMeters(routes, previous, 0);
        legs.add(previous == 0 ? List.of() : routes.line(previous, 0));
        t += snaps.get(0).offsetM() / WALK_MPS;
        double candidateWeight = candidates.stream().filter(s -> !excludedKeys.contains(s.key()))
                .mapToDouble(Stop::weight).sum();
        return new Result(scheduled, legs, meters, travelSeconds, shiftStart.plusSeconds(Math.round(delay)),
                shiftStart.plusSeconds(Math.round(t)), tour.weight(), candidateWeight, candidates.size());
    }

    private static double legMeters(RoadNetwork.Routes routes, int from, int to) {
        return routes.meters(from, to);
    }

    /** A leg's coordinates as [lng, lat] pairs, rounded to 7 decimals. */
    static List<double[]> lngLat(List<Coordinate> metric) {
        List<double[]> out = new ArrayList<>();
        if (metric.size() < 2) {
            return out;
        }
        var line = MetricProjection.toLngLat(RoadNetwork.METRIC.createLineString(metric.toArray(Coordinate[]::new)));
        for (Coordinate c : line.getCoordinates()) {
            out.add(new double[] { Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7 });
        }
        return out;
    }
}
