package cn.pingangrid.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.web.ErrorResponseException;

import cn.pingangrid.geo.Wgs84;

/** GPX with gaps, noise and jumps read into a track, and its coverage of a constructed plan. */
class TrackCoverageTests {

    static final Geometry TOWN = Wgs84.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(111.7, 112.0, 28.35,
            28.55));
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z"); // 08:00 in the town
    static final double M_PER_DEG_LAT = 110_900;
    static final double M_PER_DEG_LNG = 97_700; // at 28.45°N

    static PlanView plan(double[]... stops) {
        List<PlanView.PlannedStop> planned = new ArrayList<>();
        for (int i = 0; i < stops.length; i++) {
            planned.add(new PlanView.PlannedStop(i + 1, (i == 1 ? "HOTSPOT-" : "SITE-") + i, i == 1 ? "HOTSPOT" : "SITE",
                    "", "点" + i, stops[i][0], stops[i][1], 1, "2026-03-02T08:10", "2026-03-02T08:25", 15, List.of(),
                    List.of("430922117006")));
        }
        return new PlanView(1L, "430922117006", "九湖村", "2026-03-02", "2026-03-02T08:00", "2026-03-02T12:00", 240,
                "WALK", "步行", "VILLAGE", "村委会", new double[] { 111.85, 28.45 }, 1, planned, List.of(), 2, 2, 2, 0,
                0, "2026-03-02T08:00", "2026-03-02T12:00", "fujing", "");
    }

    /** Fixes every 30 s: {@code minutes} at a spot (with ±{@code noiseM} m of GPS noise) starting at {@code from}. */
    static void stay(List<WayPoint> out, double lng, double lat, Instant from, int minutes, double noiseM, Random r) {
        for (int s = 0; s <= minutes * 60; s += 30) {
            out.add(WayPoint.builder().lon(lng + (r.nextDouble() * 2 - 1) * noiseM / M_PER_DEG_LNG)
                    .lat(lat + (r.nextDouble() * 2 - 1) * noiseM / M_PER_DEG_LAT).time(from.plusSeconds(s)).build());
        }
    }

    static byte[] gpx(List<WayPoint> points) {
        GPX gpx = GPX.builder().addTrack(t -> t.addSegment(s -> points.forEach(s::addPoint))).build();
        return GPX.Writer.DEFAULT.toString(gpx).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStayOfFiveMinutesWithinFiftyMetresIsAVisitDespiteNoiseJumpsAndGaps() {
        Random r = new Random(1);
        double[] a = { 111.85, 28.45 };
        double[] b = { 111.86, 28.45 }; // ~977 m east
        double[] c = { 111.87, 28.45 };
        List<WayPoint> points = new ArrayList<>();
        stay(points, a[0], a[1], T0, 6, 15, r); // 6 minutes at a: visited
        // a GPS jump 5 km away, 30 s later: dropped
        points.add(WayPoint.builder().lon(a[0]).lat(a[1] + 0.045).time(T0.plusSeconds(6 * 60 + 30)).build());
        stay(points, b[0], b[1], T0.plusSeconds(20 * 60), 3, 15, r); // 3 minutes at b: not enough
        // at c for 8 minutes, but the receiver is silent for 10 minutes in the middle: two stays of 4, not a visit
        stay(points, c[0], c[1], T0.plusSeconds(40 * 60), 4, 10, r);
        stay(points, c[0], c[1], T0.plusSeconds(54 * 60), 4, 10, r);

        WalkedTrack track = WalkedTrack.read(gpx(points), TOWN, T0.plusSeconds(86400));
        assertThat(track.dropped).isEqualTo(1);
        assertThat(track.pieces).hasSize(4); // split at the silences of 14, 17 and 10 minutes

        TrackCoverage.Result coverage = TrackCoverage.of(plan(a, b, c), track, null, 50, 5);
        assertThat(coverage.stops()).extracting(TrackCoverage.StopVisit::visited).containsExactly(true, false, false);
        assertThat(coverage.stops().get(0).minutes()).isEqualTo(6);
        assertThat(coverage.stops().get(1).minutes()).isEqualTo(3);
        assertThat(coverage.visited()).isEqualTo(1);
        assertThat(coverage.hotspotMinutes()).isEqualTo(3);
        assertThat(coverage.hotspotMinutesPlanned()).isEqualTo(15);
    }

    @Test
    void kilometresInsideTheBorderZoneAreCounted() {
        List<WayPoint> points = new ArrayList<>();
        // a straight walk east along 28.45°N, 111.85 → 111.86 (~977 m), one fix every 30 s
        for (int i = 0; i <= 20; i++) {
            points.add(WayPoint.builder().lon(111.85 + i * 0.0005).lat(28.45).time(T0.plusSeconds(30L * i)).build());
        }
        Geometry zone = Wgs84.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(111.855, 111.9, 28.4, 28.5));
        TrackCoverage.Result coverage = TrackCoverage.of(plan(), WalkedTrack.read(gpx(points), TOWN,
                T0.plusSeconds(3600)), zone, 50, 5);
        assertThat(coverage.trackKm()).isBetween(0.95, 1.0);
        assertThat(coverage.borderKm()).isBetween(0.47, 0.5); // the eastern half
    }

    @Test
    void aFileThatIsNotGpxOutsideTheTownOrInTheFutureIsRefusedNamingTheFault() {
        assertThat(fault(() -> WalkedTrack.read("<gpx><trk>".getBytes(StandardCharsets.UTF_8), TOWN, T0)))
                .isEqualTo("MALFORMED");
        assertThat(fault(() -> WalkedTrack.read(gpx(List.of()), TOWN, T0))).isEqualTo("EMPTY");
        List<WayPoint> outside = new ArrayList<>();
        stay(outside, 113.0, 28.2, T0, 2, 0, new Random(2));
        assertThat(fault(() -> WalkedTrack.read(gpx(outside), TOWN, T0.plusSeconds(3600)))).isEqualTo("OUTSIDE_TOWN");
        List<WayPoint> future = new ArrayList<>();
        stay(future, 111.85, 28.45, T0.plusSeconds(7200), 2, 0, new Random(3));
        assertThat(fault(() -> WalkedTrack.read(gpx(future), TOWN, T0))).isEqualTo("FUTURE");
        List<WayPoint> untimed = List.of(WayPoint.builder().lon(111.85).lat(28.45).build());
        assertThat(fault(() -> WalkedTrack.read(gpx(untimed), TOWN, T0))).isEqualTo("NO_TIME");
    }

    static Object fault(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        List<Object> fault = new ArrayList<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            fault.add(e.getBody().getProperties().get("fault"));
        });
        return fault.get(0);
    }
}
