package cn.pingangrid.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Shortest paths on a hand-made network whose answers are worked out by hand:
 *
 * <pre>
 *   4 ──national 1000 m── 3          A: 1→2→3, 2,000 m of village road
 *   │                     │          B: 1→4→3, 2,500 m of national road (1→4 bends: 1,500 m)
 * national 1,500 m    village 1000 m
 *   │                     │          on foot (4.5 km/h everywhere) A wins; by car (16 vs 48 km/h) B wins
 *   1 ──village 1000 m─── 2          6──7: a separate piece (a second component)
 * </pre>
 */
class RoadNetworkTests {

    static LineString line(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return RoadNetwork.METRIC.createLineString(c);
    }

    static RoadNetwork.Edge edge(long id, long from, long to, String roadClass, double... xy) {
        return new RoadNetwork.Edge(id, from, to, roadClass, null, line(xy));
    }

    static final PatrolProperties SPEEDS = PatrolProperties.defaults();

    static RoadNetwork square() {
        return RoadNetwork.ofMetric(List.of(
                edge(1, 1, 2, "village", 0, 0, 1000, 0),
                edge(2, 2, 3, "village", 1000, 0, 1000, 1000),
                edge(3, 1, 4, "national", 0, 0, -250, 500, 0, 1000), // 2 × 559.0 m
                edge(4, 4, 3, "national", 0, 1000, 1000, 1000),
                edge(5, 6, 7, "village", 5000, 5000, 5100, 5000)), SPEEDS::speedKmh);
    }

    static double walk(double meters) {
        return meters / (4.5 / 3.6);
    }

    @Test
    void edgeLengthsAreMetresAndTravelTimeFollowsClassAndMode() {
        RoadNetwork n = square();
        RoadNetwork.Edge village = edge(1, 1, 2, "village", 0, 0, 1000, 0);
        assertThat(village.lengthM()).isEqualTo(1000.0);
        assertThat(n.seconds(village, TravelMode.WALK)).isCloseTo(800.0, within(1e-9));
        assertThat(n.seconds(village, TravelMode.EBIKE)).isCloseTo(1000 / (15 / 3.6), within(1e-9));
        assertThat(n.seconds(village, TravelMode.CAR)).isCloseTo(1000 / (16 / 3.6), within(1e-9));
    }

    @Test
    void onFootTheShortVillageRoadWinsByCarTheLongerNationalRoad() {
        RoadNetwork n = square();
        List<RoadNetwork.Snap> ends = List.of(n.snapMetric(new Coordinate(0, 0)), n.snapMetric(new Coordinate(1000, 1000)));
        double bent = 2 * Math.hypot(250, 500);

        RoadNetwork.Routes walk = n.route(ends, TravelMode.WALK);
        assertThat(walk.seconds(0, 1)).isCloseTo(walk(2000), within(1e-6));
        assertThat(walk.meters(0, 1)).isCloseTo(2000, within(1e-6));
        assertThat(walk.line(0, 1)).containsExactly(new Coordinate(0, 0), new Coordinate(1000, 0),
                new Coordinate(1000, 1000));

        RoadNetwork.Routes car = n.route(ends, TravelMode.CAR);
        assertThat(car.meters(0, 1)).isCloseTo(bent + 1000, within(1e-6));
        assertThat(car.seconds(0, 1)).isCloseTo((bent + 1000) / (48 / 3.6), within(1e-6));
        // the way back is the same (undirected), reversed
        assertThat(car.seconds(1, 0)).isCloseTo(car.seconds(0, 1), within(1e-6));
        assertThat(car.line(1, 0).get(0)).isEqualTo(new Coordinate(1000, 1000));
    }

    @Test
    void aPointSnapsToTheNearestEdgeWhichIsSplitThere() {
        RoadNetwork n = square();
        RoadNetwork.Snap snap = n.snapMetric(new Coordinate(300, 40));
        assertThat(snap.edge().id()).isEqualTo(1);
        assertThat(snap.alongM()).isCloseTo(300, within(1e-9));
        assertThat(snap.offsetM()).isCloseTo(40, within(1e-9));
        assertThat(snap.onRoad()).isEqualTo(new Coordinate(300, 0));

        RoadNetwork.Routes r = n.route(List.of(snap, n.snapMetric(new Coordinate(1000, 1000))), TravelMode.WALK);
        // 700 m on to node 2, then 1,000 m north: the snap point is a node of the split edge
        assertThat(r.seconds(0, 1)).isCloseTo(walk(1700), within(1e-6));
        assertThat(r.line(0, 1).get(0)).isEqualTo(new Coordinate(300, 0));
    }

    @Test
    void twoPointsOnOneEdgeAreJoinedAlongItAndBothWaysRoundOtherwise() {
        RoadNetwork n = square();
        List<RoadNetwork.Snap> snaps = List.of(n.snapMetric(new Coordinate(200, 5)), n.snapMetric(new Coordinate(700, -5)),
                n.snapMetric(new Coordinate(700, 0)), n.snapMetric(new Coordinate(0, 0)));
        RoadNetwork.Routes r = n.route(snaps, TravelMode.WALK);
        assertThat(r.meters(0, 1)).isCloseTo(500, within(1e-6));
        assertThat(r.seconds(1, 2)).isZero(); // the same snap point
        assertThat(r.meters(1, 3)).isCloseTo(700, within(1e-6));
        assertThat(r.seconds(3, 0)).isCloseTo(walk(200), within(1e-6));
    }

    @Test
    void aSecondComponentIsReportedAndUnreachable() {
        RoadNetwork n = square();
        RoadNetwork.Connectivity c = n.connectivity();
        assertThat(c.components()).isEqualTo(2);
        assertThat(c.nodes()).isEqualTo(6);
        assertThat(c.largestNodes()).isEqualTo(4);
        RoadNetwork.Routes r = n.route(List.of(n.snapMetric(new Coordinate(0, 0)), n.snapMetric(new Coordinate(5050, 4990))),
                TravelMode.WALK);
        assertThat(r.seconds(0, 1)).isInfinite();
    }
}
