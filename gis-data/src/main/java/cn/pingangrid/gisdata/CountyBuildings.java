package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Places the county's buildings: a share of the total per grid (by area, a per-town factor, six times denser in a
 * town's community, and a log-normal draw), clustered in 1-6 hamlets per grid, each a rotated rectangle at least
 * {@value #INSET_METERS} m inside its grid and {@value #GAP_METERS} m from every other building. A grid too small
 * or too crowded for its share keeps fewer; the total is therefore approached, not guaranteed.
 */
final class CountyBuildings {

    static final double INSET_METERS = 3;
    static final double GAP_METERS = 2;
    private static final double BUCKET = 40;

    private final GaussKrugerProjection projection;
    private final Random random;

    CountyBuildings(GaussKrugerProjection projection, Random random) {
        this.projection = projection;
        this.random = random;
    }

    private record Placed(Polygon footprint, Coordinate centre, double radius, String use, int floors) {
    }

    List<County.Building> place(List<County.Grid> grids, List<Polygon> metric, List<Boolean> community,
                                List<Double> townFactor, int total) {
        int n = grids.size();
        double[] weight = new double[n];
        double sum = 0;
        for (int g = 0; g < n; g++) {
            weight[g] = metric.get(g).getArea() * townFactor.get(g) * (community.get(g) ? 6 : 1)
                    * StrictMath.exp(0.5 * random.nextGaussian());
            sum += weight[g];
        }
        int[] count = new int[n];
        double[] remainder = new double[n];
        int assigned = 0;
        for (int g = 0; g < n; g++) {
            double exact = total * weight[g] / sum;
            count[g] = (int) exact;
            remainder[g] = exact - count[g];
            assigned += count[g];
        }
        Integer[] order = new Integer[n];
        for (int g = 0; g < n; g++) {
            order[g] = g;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer g) -> -remainder[g]).thenComparingInt(g -> g));
        for (int i = 0; assigned < total; i = (i + 1) % n) {
            count[order[i]]++;
            assigned++;
        }
        List<County.Building> out = new ArrayList<>(total);
        for (int g = 0; g < n; g++) {
            List<Placed> placed = placeInGrid(metric.get(g), count[g], community.get(g));
            number(grids.get(g).code(), placed, out);
        }
        return out;
    }

    private List<Placed> placeInGrid(Polygon grid, int wanted, boolean community) {
        List<Placed> placed = new ArrayList<>(wanted);
        if (wanted == 0) {
            return placed;
        }
        Geometry inner = grid.buffer(-INSET_METERS);
        if (inner.isEmpty()) {
            return placed;
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(inner);
        Envelope env = inner.getEnvelopeInternal();
        int hamlets = (int) StrictMath.min(6, 1 + wanted / 40);
        Coordinate[] hamletCentre = new Coordinate[hamlets];
        double[] hamletAngle = new double[hamlets];
        for (int h = 0; h < hamlets; h++) {
            hamletCentre[h] = randomPointIn(inside, env);
            hamletAngle[h] = random.nextDouble() * StrictMath.PI;
        }
        double sigma = 40 + 8 * StrictMath.sqrt((double) wanted / hamlets);
        Map<Long, List<Placed>> buckets = new HashMap<>();
        int attempts = 0;
        while (placed.size() < wanted && attempts < 30 * wanted) {
            attempts++;
            int h = random.nextInt(hamlets);
            double angle = hamletAngle[h] + (random.nextDouble() < 0.7 ? 0 : StrictMath.PI / 2)
                    + StrictMath.toRadians(6) * random.nextGaussian();
            double width = community ? 10 + 10 * random.nextDouble() : 7 + 7 * random.nextDouble();
            double depth = community ? 8 + 8 * random.nextDouble() : 6 + 6 * random.nextDouble();
            double x = hamletCentre[h].x + sigma * random.nextGaussian();
            double y = hamletCentre[h].y + sigma * random.nextGaussian();
            String use = use(community);
            int floors = community ? 2 + random.nextInt(5) : 1 + random.nextInt(3);
            double radius = 0.5 * StrictMath.hypot(width, depth);
            Coordinate centre = new Coordinate(x, y);
            if (!env.contains(centre) || crowded(buckets, centre, radius)) {
                continue;
            }
            Polygon footprint = rectangle(centre, width, depth, angle);
            if (!inside.containsProperly(footprint)) {
                continue;
            }
            Placed p = new Placed(footprint, centre, radius, use, floors);
            placed.add(p);
            buckets.computeIfAbsent(key(centre), k -> new ArrayList<>()).add(p);
        }
        return placed;
    }

    /** Whether a building of circumradius {@code radius} at {@code c} would come within the gap of another. */
    private static boolean crowded(Map<Long, List<Placed>> buckets, Coordinate c, double radius) {
        long bx = (long) StrictMath.floor(c.x / BUCKET);
        long by = (long) StrictMath.floor(c.y / BUCKET);
        for (long ix = bx - 1; ix <= bx + 1; ix++) {
            for (long iy = by - 1; iy <= by + 1; iy++) {
                List<Placed> list = buckets.get(ix * 1_000_003L + iy);
                if (list == null) {
                    continue;
                }
                for (Placed p : list) {
                    if (p.centre().distance(c) < p.radius() + radius + GAP_METERS) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long key(Coordinate c) {
        return (long) StrictMath.floor(c.x / BUCKET) * 1_000_003L + (long) StrictMath.floor(c.y / BUCKET);
    }

    private Coordinate randomPointIn(PreparedGeometry area, Envelope env) {
        for (int i = 0; i < 500; i++) {
            Coordinate c = new Coordinate(env.getMinX() + env.getWidth() * random.nextDouble(),
                    env.getMinY() + env.getHeight() * random.nextDouble());
            if (area.containsProperly(MetricGrid.FACTORY.createPoint(c))) {
                return c;
            }
        }
        return area.getGeometry().getInteriorPoint().getCoordinate();
    }

    private String use(boolean community) {
        double u = random.nextDouble();
        if (community) {
            return u < 0.65 ? "residential" : u < 0.85 ? "commercial" : u < 0.93 ? "public" : "industrial";
        }
        return u < 0.85 ? "residential" : u < 0.93 ? "farm" : u < 0.95 ? "public" : u < 0.98 ? "industrial"
                : "commercial";
    }

    private static Polygon rectangle(Coordinate c, double width, double depth, double angle) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double[][] corners = {{-width / 2, -depth / 2}, {width / 2, -depth / 2}, {width / 2, depth / 2},
            {-width / 2, depth / 2}};
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            ring[i] = new Coordinate(c.x + corners[i][0] * cos - corners[i][1] * sin,
                    c.y + corners[i][0] * sin + corners[i][1] * cos);
        }
        ring[4] = ring[0].copy();
        return MetricGrid.FACTORY.createPolygon(ring);
    }

    /** Codes in reading order within the grid: rows of 60 m from the north, west to east in a row. */
    private void number(String gridCode, List<Placed> placed, List<County.Building> out) {
        double north = Double.NEGATIVE_INFINITY;
        for (Placed p : placed) {
            north = StrictMath.max(north, p.centre().y);
        }
        final double top = north;
        List<Placed> sorted = new ArrayList<>(placed);
        sorted.sort(Comparator.comparingLong((Placed p) -> (long) StrictMath.floor((top - p.centre().y) / 60))
                .thenComparingDouble(p -> p.centre().x).thenComparingDouble(p -> -p.centre().y));
        int seq = 0;
        for (Placed p : sorted) {
            seq++;
            Polygon lngLat = (Polygon) projection.toLngLat(p.footprint());
            lngLat.setSRID(4326);
            out.add(new County.Building(gridCode + String.format("%05d", seq), gridCode, p.use(), p.floors(),
                    lngLat));
        }
    }
}
