package cn.pingangrid.patrol.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;

/**
 * A walked track read from GPX: timed points in order, split into pieces where the receiver was silent for more
 * than {@value #GAP_MINUTES} minutes, GPS jumps (a fix implying more than {@value #MAX_SPEED_MPS} m/s from the
 * last kept one) dropped. Refuses, as a 400 problem whose {@code fault} names it, a file that is not GPX, has no
 * timed track points, lies outside the town or has times in the future.
 */
final class WalkedTrack {

    static final int GAP_MINUTES = 5;
    static final double MAX_SPEED_MPS = 50;
    /** GPS error allowed outside the town's outline. */
    static final double OUTSIDE_TOLERANCE_M = 200;

    /** One fix: where (lng/lat and EPSG:4546) and when. */
    record Fix(double lng, double lat, Coordinate metric, Instant time) {
    }

    final List<List<Fix>> pieces;
    final int dropped;

    private WalkedTrack(List<List<Fix>> pieces, int dropped) {
        this.pieces = pieces;
        this.dropped = dropped;
    }

    static WalkedTrack read(byte[] gpxBytes, Geometry town, Instant now) {
        GPX gpx;
        try {
            gpx = GPX.Reader.of(GPX.Reader.Mode.STRICT).read(new ByteArrayInputStream(gpxBytes));
        } catch (IOException | RuntimeException e) {
            throw refused("MALFORMED", "不是有效的 GPX 文件：" + shortMessage(e), null);
        }
        List<WayPoint> points = gpx.tracks().flatMap(t -> t.segments()).flatMap(s -> s.points()).toList();
        if (points.isEmpty()) {
            throw refused("EMPTY", "GPX 中没有轨迹点（trkpt）", null);
        }
        List<Fix> fixes = new ArrayList<>();
        for (WayPoint p : points) {
            if (p.getTime().isEmpty()) {
                throw refused("NO_TIME", "轨迹点缺少时间，无法计算停留", new double[] { p.getLongitude().doubleValue(),
                        p.getLatitude().doubleValue() });
            }
            double lng = p.getLongitude().doubleValue();
            double lat = p.getLatitude().doubleValue();
            Instant time = p.getTime().get();
            if (time.isAfter(now.plus(Duration.ofMinutes(5)))) {
                throw refused("FUTURE", "轨迹时间 " + time + " 晚于当前时间", new double[] { lng, lat });
            }
            Point point = Wgs84.point(lng, lat);
            fixes.add(new Fix(lng, lat, ((Point) MetricProjection.toMetric(point)).getCoordinate(), time));
        }
        fixes.sort(java.util.Comparator.comparing(Fix::time));
        PreparedGeometry inside = PreparedGeometryFactory.prepare(MetricProjection.toMetric(town)
                .buffer(OUTSIDE_TOLERANCE_M));
        List<List<Fix>> pieces = new ArrayList<>();
        List<Fix> piece = new ArrayList<>();
        Fix last = null;
        int dropped = 0;
        for (Fix f : fixes) {
            if (last != null) {
                double seconds = Duration.between(last.time(), f.time()).toMillis() / 1000.0;
                double meters = last.metric().distance(f.metric());
                if (seconds > GAP_MINUTES * 60) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                } else if (meters > MAX_SPEED_MPS * Math.max(seconds, 1)) {
                    dropped++; // a jump: not where the officer was
                    continue;
                }
            }
            if (!inside.contains(RoadNetwork.METRIC.createPoint(f.metric()))) {
                throw refused("OUTSIDE_TOWN", "轨迹点在镇域之外", new double[] { f.lng(), f.lat() });
            }
            piece.add(f);
            last = f;
        }
        pieces.add(piece);
        pieces.removeIf(List::isEmpty);
        return new WalkedTrack(pieces, dropped);
    }

    int pointCount() {
        return pieces.stream().mapToInt(List::size).sum();
    }

    Instant start() {
        return pieces.get(0).get(0).time();
    }

    Instant end() {
        List<Fix> lastPiece = pieces.get(pieces.size() - 1);
        return lastPiece.get(lastPiece.size() - 1).time();
    }

    /** The track as lng/lat lines (a single fix is drawn as a zero-length line). */
    MultiLineString lngLat() {
        List<LineString> lines = new ArrayList<>();
        for (List<Fix> p : pieces) {
            List<Coordinate> c = new ArrayList<>(p.stream().map(f -> new Coordinate(f.lng(), f.lat())).toList());
            if (c.size() == 1) {
                c.add(c.get(0));
            }
            lines.add(Wgs84.FACTORY.createLineString(c.toArray(Coordinate[]::new)));
        }
        return Wgs84.FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }

    static ErrorResponseException refused(String fault, String detail, double[] where) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "file：" + detail);
        problem.setTitle("轨迹文件无效");
        problem.setProperty("fault", fault);
        problem.setProperty("invalid-params", List.of(Map.of("name", "file", "reason", detail)));
        if (where != null) {
            problem.setProperty("where", where);
        }
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
