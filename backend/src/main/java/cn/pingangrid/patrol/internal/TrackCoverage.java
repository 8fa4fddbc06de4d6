package cn.pingangrid.patrol.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;

/**
 * How a walked track covered its plan: each stop is visited when the track stays within the visit radius (50 m)
 * for at least the minimum dwell (5 min) without a gap; minutes spent at hot spots against the plan's; and the
 * kilometres walked inside the town border's sensitive zones.
 */
final class TrackCoverage {

    /** One planned stop: visited or not, the longest stay there, when the officer first got there. */
    record StopVisit(int order, String key, String kind, String name, boolean visited, int minutes, String firstAt) {
    }

    /** What the API answers and stores. */
    record Result(int planned, int visited, List<StopVisit> stops, int hotspotMinutes, int hotspotMinutesPlanned,
            double borderKm, double trackKm, int points, int droppedJumps, String start, String end) {
    }

    private TrackCoverage() {
    }

    static Result of(PlanView plan, WalkedTrack track, Geometry borderZones, double radiusM, int minDwellMinutes) {
        List<StopVisit> visits = new ArrayList<>();
        int hotMinutes = 0;
        int hotPlanned = 0;
        for (PlanView.PlannedStop stop : plan.stops()) {
            Coordinate at = ((org.locationtech.jts.geom.Point) MetricProjection.toMetric(Wgs84.point(stop.lng(),
                    stop.lat()))).getCoordinate();
            long longest = 0;
            Instant first = null;
            for (List<WalkedTrack.Fix> piece : track.pieces) {
                Instant runStart = null;
                Instant runLast = null;
                for (WalkedTrack.Fix f : piece) {
                    boolean near = f.metric().distance(at) <= radiusM;
                    if (near) {
                        if (runStart == null) {
                            runStart = f.time();
                        }
                        if (first == null) {
                            first = f.time();
                        }
                        runLast = f.time();
                        longest = Math.max(longest, Duration.between(runStart, runLast).toSeconds());
                    } else {
                        runStart = null;
                    }
                }
            }
            int minutes = (int) (longest / 60);
            boolean visited = longest >= minDwellMinutes * 60L;
            visits.add(new StopVisit(stop.order(), stop.key(), stop.kind(), stop.name(), visited, minutes,
                    first == null ? null : first.toString()));
            if ("HOTSPOT".equals(stop.kind())) {
                hotMinutes += minutes;
                hotPlanned += stop.dwellMinutes();
            }
        }
        double borderM = 0;
        double trackM = 0;
        PreparedGeometry zones = borderZones == null || borderZones.isEmpty() ? null
                : PreparedGeometryFactory.prepare(MetricProjection.toMetric(borderZones));
        for (List<WalkedTrack.Fix> piece : track.pieces) {
            for (int i = 1; i < piece.size(); i++) {
                Coordinate a = piece.get(i - 1).metric();
                Coordinate b = piece.get(i).metric();
                double d = a.distance(b);
                trackM += d;
                if (zones != null) {
                    LineString step = RoadNetwork.METRIC.createLineString(new Coordinate[] { a, b });
                    if (zones.contains(step)) {
                        borderM += d;
                    } else if (zones.intersects(step)) {
                        borderM += step.intersection(zones.getGeometry()).getLength();
                    }
                }
            }
        }
        int visited = (int) visits.stream().filter(StopVisit::visited).count();
        return new Result(visits.size(), visited, visits, hotMinutes, hotPlanned, Math.round(borderM / 10) / 100.0,
                Math.round(trackM / 10) / 100.0, track.pointCount(), track.dropped, track.start().toString(),
                track.end().toString());
    }
}
