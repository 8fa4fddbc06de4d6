package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Sites the hamlets (自然村/组) of each village on low, gentle ground: valley floors, at least 550 m apart,
 * clear of the river and of the village border. The lowest becomes the village centre (村部).
 */
final class HamletPlanner {

    /**
     * A hamlet.
     *
     * @param village       index into the village list
     * @param weight        relative number of houses
     * @param radiusMeters  spread of its houses (one standard deviation)
     * @param villageCentre whether it is the village centre
     */
    record Hamlet(Coordinate centre, int village, double weight, double radiusMeters, boolean villageCentre) {
    }

    private HamletPlanner() {
    }

    static List<Hamlet> plan(List<VillageDivision.Village> villages, Terrain terrain, Geometry water, Random random) {
        PreparedGeometry wet = PreparedGeometryFactory.prepare(water.buffer(160));
        List<Hamlet> hamlets = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            VillageDivision.Village village = villages.get(v);
            if (village.plan().community()) {
                continue;
            }
            Polygon polygon = village.polygon();
            PreparedGeometry inner = PreparedGeometryFactory.prepare(polygon.buffer(-130));
            Envelope env = polygon.getEnvelopeInternal();
            List<double[]> candidates = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                double x = env.getMinX() + random.nextDouble() * env.getWidth();
                double y = env.getMinY() + random.nextDouble() * env.getHeight();
                double noise = random.nextDouble();
                org.locationtech.jts.geom.Point p = MetricGrid.FACTORY.createPoint(new Coordinate(x, y));
                if (!inner.contains(p) || wet.contains(p)) {
                    continue;
                }
                double score = terrain.heightMeters(x, y) + 600 * terrain.slope(x, y) + 40 * noise;
                candidates.add(new double[] {score, x, y});
            }
            candidates.sort(Comparator.comparingDouble((double[] c) -> c[0]));
            int wanted = (int) StrictMath.max(5, StrictMath.min(13, StrictMath.round(polygon.getArea() / 1e6 * 0.9)));
            List<Coordinate> chosen = new ArrayList<>();
            for (double[] c : candidates) {
                Coordinate p = MetricGrid.snap(c[1], c[2]);
                boolean far = true;
                for (Coordinate q : chosen) {
                    if (q.distance(p) < 550) {
                        far = false;
                        break;
                    }
                }
                if (far) {
                    chosen.add(p);
                    if (chosen.size() == wanted) {
                        break;
                    }
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalStateException("no hamlet site in " + village.plan().name());
            }
            for (int i = 0; i < chosen.size(); i++) {
                boolean centre = i == 0;
                double weight = centre ? 1.6 : 0.6 + 0.8 * random.nextDouble();
                double radius = centre ? 230 : 130 + 90 * random.nextDouble();
                hamlets.add(new Hamlet(chosen.get(i), v, weight, radius, centre));
            }
        }
        return hamlets;
    }
}
