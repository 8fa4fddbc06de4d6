package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * The neighbouring jurisdictions as a ring of sectors around the town. Each neighbour's inner edge is a run of
 * the town's own outline, vertex for vertex, so town and neighbours form an exact coverage; its outer edge is a
 * smooth curve a few kilometres out, kept inside {@code limit}. Split lines run radially out from town vertices;
 * since the outline is star-shaped around its centre ({@link TownOutline}) they meet it only where they start.
 */
final class NeighbourRing {

    private static final int OUTER_VERTICES = 240;

    private NeighbourRing() {
    }

    /**
     * @param town  the final town polygon (1 m grid)
     * @param limit envelope the ring must stay inside (metres)
     * @return one polygon per plan, in plan order; plans are ordered by counter-clockwise start angle
     */
    static List<Polygon> build(Polygon town, TownOutline outline, List<TownSpec.NeighbourPlan> plans,
                               Envelope limit, Random random) {
        Coordinate c = outline.centre();
        Coordinate[] ring = town.getExteriorRing().getCoordinates();
        if (!Orientation.isCCW(ring)) {
            ring = reversed(ring);
        }
        int n = ring.length - 1;
        double[] angle = new double[n];
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) {
            angle[i] = StrictMath.atan2(ring[i].y - c.y, ring[i].x - c.x);
            radius[i] = ring[i].distance(c);
        }
        double widthPhase = random.nextDouble() * 2 * StrictMath.PI;
        int k = plans.size();
        int[] split = new int[k];
        for (int p = 0; p < k; p++) {
            double a = StrictMath.toRadians(plans.get(p).fromDegrees());
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (angularGap(angle[i], a) < angularGap(angle[best], a)) {
                    best = i;
                }
            }
            split[p] = best;
        }
        // outer ring: regular angles plus one vertex at each split's angle
        List<double[]> outer = new ArrayList<>();
        for (int j = 0; j < OUTER_VERTICES; j++) {
            outer.add(new double[] {-StrictMath.PI + 2 * StrictMath.PI * j / OUTER_VERTICES, -1});
        }
        for (int p = 0; p < k; p++) {
            outer.add(new double[] {angle[split[p]], p});
        }
        outer.sort((x, y) -> Double.compare(x[0], y[0]));
        Coordinate[] outerPts = new Coordinate[outer.size()];
        int[] outerIndexOfSplit = new int[k];
        for (int j = 0; j < outer.size(); j++) {
            double a = outer.get(j)[0];
            double r = outerRadius(outline, a, angle, radius, widthPhase, limit);
            outerPts[j] = MetricGrid.snap(c.x + r * StrictMath.cos(a), c.y + r * StrictMath.sin(a));
            if (outer.get(j)[1] >= 0) {
                outerIndexOfSplit[(int) outer.get(j)[1]] = j;
            }
        }
        List<List<Coordinate>> splitLines = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            Coordinate start = ring[split[p]];
            Coordinate end = outerPts[outerIndexOfSplit[p]];
            double a = angle[split[p]];
            double r0 = radius[split[p]];
            double r1 = end.distance(c);
            double clear = StrictMath.max(maxRadiusNear(a, angle, radius, 0.08) + 250, r0 + 0.3 * (r1 - r0));
            double a2 = a + StrictMath.toRadians(2.0 * (random.nextDouble() * 2 - 1));
            double rMid = clear + 0.5 * (r1 - clear);
            List<Coordinate> line = new ArrayList<>();
            line.add(start);
            line.add(MetricGrid.snap(c.x + clear * StrictMath.cos(a), c.y + clear * StrictMath.sin(a)));
            line.add(MetricGrid.snap(c.x + rMid * StrictMath.cos(a2), c.y + rMid * StrictMath.sin(a2)));
            line.add(end);
            splitLines.add(line);
        }
        List<Polygon> result = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            int q = (p + 1) % k;
            List<Coordinate> pts = new ArrayList<>(splitLines.get(p));
            for (int j = outerIndexOfSplit[p] + 1; ; j++) {
                int jj = j % outerPts.length;
                if (jj == outerIndexOfSplit[q]) {
                    break;
                }
                pts.add(outerPts[jj]);
            }
            List<Coordinate> back = new ArrayList<>(splitLines.get(q));
            java.util.Collections.reverse(back);
            pts.addAll(back);
            // town outline from split q back (clockwise) to split p, excluding both ends already present
            for (int i = split[q] - 1; ; i--) {
                int ii = ((i % n) + n) % n;
                if (ii == split[p]) {
                    break;
                }
                pts.add(ring[ii]);
            }
            pts.add(pts.get(0).copy());
            Polygon polygon = MetricGrid.FACTORY.createPolygon(pts.toArray(Coordinate[]::new));
            if (!polygon.isValid()) {
                throw new IllegalStateException("neighbour " + plans.get(p).name() + " is not a valid polygon");
            }
            result.add(polygon);
        }
        return result;
    }

    private static double outerRadius(TownOutline outline, double a, double[] angle, double[] radius,
                                      double phase, Envelope limit) {
        Coordinate c = outline.centre();
        double want = outline.smoothRadius(a) + 3400 + 500 * StrictMath.sin(3 * a + phase);
        double floor = maxRadiusNear(a, angle, radius, 0.07) + 900;
        double r = StrictMath.max(want, floor);
        double dx = StrictMath.cos(a);
        double dy = StrictMath.sin(a);
        double fit = Double.POSITIVE_INFINITY;
        if (dx > 0) {
            fit = StrictMath.min(fit, (limit.getMaxX() - c.x) / dx);
        } else if (dx < 0) {
            fit = StrictMath.min(fit, (limit.getMinX() - c.x) / dx);
        }
        if (dy > 0) {
            fit = StrictMath.min(fit, (limit.getMaxY() - c.y) / dy);
        } else if (dy < 0) {
            fit = StrictMath.min(fit, (limit.getMinY() - c.y) / dy);
        }
        r = StrictMath.min(r, fit);
        if (r < floor - 600) {
            throw new IllegalStateException("no room for neighbours inside the limit");
        }
        return r;
    }

    private static double maxRadiusNear(double a, double[] angle, double[] radius, double window) {
        double max = 0;
        for (int i = 0; i < angle.length; i++) {
            if (angularGap(angle[i], a) <= window) {
                max = StrictMath.max(max, radius[i]);
            }
        }
        return max;
    }

    private static double angularGap(double a, double b) {
        double d = StrictMath.abs(a - b) % (2 * StrictMath.PI);
        return d > StrictMath.PI ? 2 * StrictMath.PI - d : d;
    }

    private static Coordinate[] reversed(Coordinate[] ring) {
        Coordinate[] r = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            r[i] = ring[ring.length - 1 - i];
        }
        return r;
    }
}
