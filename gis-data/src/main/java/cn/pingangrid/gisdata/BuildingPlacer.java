package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Places building footprints (rotated rectangles) where people build: facing the roads of hamlets and of the
 * town centre, one to three rows deep, thinning out with distance from each hamlet; a ribbon along the trunk
 * roads; sheds and houses scattered around hamlets; a few large works along the trunk roads.
 *
 * <p>Candidates are ranked by an exponential race (a random key divided by the local housing density) and
 * accepted in that order until the target count is reached, each only if it
 * <ul>
 *   <li>lies inside one grid, at least {@value #GRID_MARGIN} m from its border (so no footprint crosses a grid
 *       or village border, even after rounding coordinates),</li>
 *   <li>keeps {@value #BUILDING_GAP} m from every other footprint,</li>
 *   <li>keeps clear of road carriageways ({@link RoadClass#clearHalfWidthMeters()}), the stream, and the river
 *       with a 15 m bank.</li>
 * </ul>
 */
final class BuildingPlacer {

    /** A footprint in metres, with the village and grid (indices) it lies in. */
    record Building(Polygon footprint, int village, int grid, String use, int floors) {
    }

    /**
     * A building to place before all others, near {@code near}, optionally giving its centre to a named place.
     */
    record Anchor(String placeName, String placeKind, Coordinate near, double width, double depth, String use,
                  int floors) {
    }

    /** The outcome: footprints and, per anchor, the placed building's index or -1. */
    record Result(List<Building> buildings, int[] anchorBuildings) {
    }

    static final double GRID_MARGIN = 1.5;
    static final double BUILDING_GAP = 2.0;

    private record Box(double cx, double cy, double ux, double uy, double halfW, double halfD) {
        Polygon polygon(double grow) {
            double w = halfW + grow;
            double d = halfD + grow;
            double vx = -uy;
            double vy = ux;
            Coordinate[] c = {
                new Coordinate(cx - ux * w - vx * d, cy - uy * w - vy * d),
                new Coordinate(cx + ux * w - vx * d, cy + uy * w - vy * d),
                new Coordinate(cx + ux * w + vx * d, cy + uy * w + vy * d),
                new Coordinate(cx - ux * w + vx * d, cy - uy * w + vy * d),
                null};
            c[4] = c[0].copy();
            return MetricGrid.FACTORY.createPolygon(c);
        }

        Envelope envelope(double grow) {
            double ex = StrictMath.abs(ux) * (halfW + grow) + StrictMath.abs(uy) * (halfD + grow);
            double ey = StrictMath.abs(uy) * (halfW + grow) + StrictMath.abs(ux) * (halfD + grow);
            return new Envelope(cx - ex, cx + ex, cy - ey, cy + ey);
        }

        boolean overlaps(Box o, double gap) {
            double[][] axes = {{ux, uy}, {-uy, ux}, {o.ux, o.uy}, {-o.uy, o.ux}};
            double dx = o.cx - cx;
            double dy = o.cy - cy;
            for (double[] a : axes) {
                double ra = (halfW + gap / 2) * StrictMath.abs(ux * a[0] + uy * a[1])
                        + (halfD + gap / 2) * StrictMath.abs(-uy * a[0] + ux * a[1]);
                double rb = (o.halfW + gap / 2) * StrictMath.abs(o.ux * a[0] + o.uy * a[1])
                        + (o.halfD + gap / 2) * StrictMath.abs(-o.uy * a[0] + o.ux * a[1]);
                if (StrictMath.abs(dx * a[0] + dy * a[1]) > ra + rb) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Candidate(double priority, Box box, String use, int floors, int anchor) {
    }

    private record Obstacle(Coordinate a, Coordinate b, double clearance) {
    }

    private record GridRef(int village, int grid, PreparedGeometry prepared) {
    }

    private final TownGenerator.Town town;
    private final List<HamletPlanner.Hamlet> hamlets;
    private final TerrainRouter router;
    private final Random random;
    private final STRtree grids = new STRtree();
    private final STRtree obstacles = new STRtree();
    private final PreparedGeometry wet;
    private final PreparedGeometry community;
    private final Map<Long, List<Box>> placed = new HashMap<>();

    BuildingPlacer(TownGenerator.Town town, List<HamletPlanner.Hamlet> hamlets, TerrainRouter router, Random random) {
        this.town = town;
        this.hamlets = hamlets;
        this.router = router;
        this.random = random;
        PreparedGeometry communityPolygon = null;
        for (int v = 0; v < town.villages.size(); v++) {
            VillageDivision.Village village = town.villages.get(v);
            if (village.plan().community()) {
                communityPolygon = PreparedGeometryFactory.prepare(village.polygon());
            }
            for (int g = 0; g < village.grids().size(); g++) {
                Polygon p = village.grids().get(g).polygon();
                grids.insert(p.getEnvelopeInternal(), new GridRef(v, g, PreparedGeometryFactory.prepare(p)));
            }
        }
        this.community = communityPolygon;
        this.wet = PreparedGeometryFactory.prepare(town.water.buffer(15, 4));
        for (RoadNetworkBuilder.Edge e : town.roads.edges()) {
            addObstacles(e.line(), e.roadClass().clearHalfWidthMeters());
        }
        addObstacles(town.stream, 6);
    }

    private void addObstacles(LineString line, double clearance) {
        Coordinate[] c = line.getCoordinates();
        for (int i = 0; i + 1 < c.length; i++) {
            Envelope env = new Envelope(c[i], c[i + 1]);
            obstacles.insert(env, new Obstacle(c[i], c[i + 1], clearance));
        }
    }

    Result place(List<Anchor> anchors, int target) {
        List<Building> out = new ArrayList<>();
        int[] anchorBuildings = new int[anchors.size()];
        for (int a = 0; a < anchors.size(); a++) {
            anchorBuildings[a] = -1;
            for (Candidate c : anchorCandidates(anchors.get(a), a)) {
                Building b = tryPlace(c);
                if (b != null) {
                    anchorBuildings[a] = out.size();
                    out.add(b);
                    break;
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        frontage(candidates);
        scattered(candidates);
        works(candidates);
        candidates.sort((p, q) -> Double.compare(p.priority(), q.priority()));
        for (Candidate c : candidates) {
            if (out.size() >= target) {
                break;
            }
            Building b = tryPlace(c);
            if (b != null) {
                out.add(b);
            }
        }
        return new Result(out, anchorBuildings);
    }

    private Building tryPlace(Candidate c) {
        Box box = c.box();
        Polygon footprint = box.polygon(0);
        Coordinate centre = new Coordinate(box.cx(), box.cy());
        org.locationtech.jts.geom.Point centrePoint = MetricGrid.FACTORY.createPoint(centre);
        GridRef grid = null;
        for (Object o : grids.query(new Envelope(centre))) {
            GridRef g = (GridRef) o;
            if (g.prepared().contains(centrePoint)) {
                grid = g;
                break;
            }
        }
        if (grid == null || !grid.prepared().containsProperly(box.polygon(GRID_MARGIN))) {
            return null;
        }
        if (wet.intersects(footprint)) {
            return null;
        }
        Envelope near = box.envelope(12);
        for (Object o : obstacles.query(near)) {
            Obstacle ob = (Obstacle) o;
            if (distance(footprint, ob) < ob.clearance()) {
                return null;
            }
        }
        Envelope env = box.envelope(BUILDING_GAP);
        long x0 = (long) StrictMath.floor(env.getMinX() / 60);
        long x1 = (long) StrictMath.floor(env.getMaxX() / 60);
        long y0 = (long) StrictMath.floor(env.getMinY() / 60);
        long y1 = (long) StrictMath.floor(env.getMaxY() / 60);
        for (long ix = x0 - 1; ix <= x1 + 1; ix++) {
            for (long iy = y0 - 1; iy <= y1 + 1; iy++) {
                List<Box> list = placed.get(ix * 1_000_003L + iy);
                if (list != null) {
                    for (Box other : list) {
                        if (box.overlaps(other, BUILDING_GAP)) {
                            return null;
                        }
                    }
                }
            }
        }
        long key = (long) StrictMath.floor(box.cx() / 60) * 1_000_003L + (long) StrictMath.floor(box.cy() / 60);
        placed.computeIfAbsent(key, k -> new ArrayList<>()).add(box);
        return new Building(footprint, grid.village(), grid.grid(), c.use(), c.floors());
    }

    private static double distance(Polygon footprint, Obstacle ob) {
        Coordinate[] c = footprint.getExteriorRing().getCoordinates();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            min = StrictMath.min(min, Distance.segmentToSegment(c[i], c[i + 1], ob.a(), ob.b()));
        }
        if (min > 0 && org.locationtech.jts.algorithm.PointLocation.isInRing(ob.a(), c)) {
            return 0;
        }
        return min;
    }

    /** Houses per unit of frontage: hamlets, the town centre, the trunk-road ribbon and a thin background. */
    private double density(Coordinate p, boolean trunk) {
        double d = 0.004;
        for (HamletPlanner.Hamlet h : hamlets) {
            double r = h.centre().distance(p);
            double s = h.radiusMeters();
            if (r < 4 * s) {
                d += h.weight() * StrictMath.exp(-r * r / (2 * s * s));
            }
        }
        if (community != null && community.contains(MetricGrid.FACTORY.createPoint(p))) {
            double r = p.distance(town.communityCentre);
            d += 0.3 + 2.0 * StrictMath.exp(-r * r / (2 * 650 * 650));
        }
        if (trunk) {
            d += 0.12;
        }
        double slope = router.slope(p);
        return d * StrictMath.max(0.1, 1 - slope / 0.35);
    }

    private boolean inCommunity(Coordinate p) {
        return community != null && community.contains(MetricGrid.FACTORY.createPoint(p));
    }

    /** Rows of houses facing every road. */
    private void frontage(List<Candidate> out) {
        for (RoadNetworkBuilder.Edge e : town.roads.edges()) {
            boolean trunk = e.roadClass() == RoadClass.NATIONAL || e.roadClass() == RoadClass.PROVINCIAL;
            double clear = e.roadClass().clearHalfWidthMeters();
            Coordinate[] c = e.line().getCoordinates();
            double carry = 4 + random.nextDouble() * 8;
            for (int i = 0; i + 1 < c.length; i++) {
                double len = c[i].distance(c[i + 1]);
                if (len == 0) {
                    continue;
                }
                double ux = (c[i + 1].x - c[i].x) / len;
                double uy = (c[i + 1].y - c[i].y) / len;
                double s = carry;
                while (s < len) {
                    Coordinate at = new Coordinate(c[i].x + ux * s, c[i].y + uy * s);
                    boolean core = inCommunity(at);
                    for (int side = -1; side <= 1; side += 2) {
                        double offset = clear;
                        int rows = core ? 3 : 2;
                        for (int row = 0; row < rows; row++) {
                            double u = random.nextDouble();
                            double kind = random.nextDouble();
                            double halfW = (core ? 4.5 + 3 * random.nextDouble() : 4 + 3 * random.nextDouble());
                            double halfD = (core ? 5 + 3 * random.nextDouble() : 4.5 + 2.5 * random.nextDouble());
                            double setback = row == 0 ? (core ? 1 + 2 * random.nextDouble() : 3 + 6 * random.nextDouble())
                                    : 5 + 8 * random.nextDouble();
                            offset += setback + halfD;
                            double nx = -uy * side;
                            double ny = ux * side;
                            double slide = (random.nextDouble() - 0.5) * 4;
                            double turn = (random.nextDouble() - 0.5) * 0.12;
                            double cx = at.x + nx * offset + ux * slide;
                            double cy = at.y + ny * offset + uy * slide;
                            offset += halfD;
                            String use = "residential";
                            if (row == 0 && ((core && kind < 0.35) || (trunk && kind < 0.12))) {
                                use = "commercial";
                            } else if (!core && kind > 0.965) {
                                use = "farm";
                                halfW = 3 + 2 * random.nextDouble();
                                halfD = 3 + 2 * random.nextDouble();
                            }
                            double rowWeight = core ? new double[] {1, 0.8, 0.6}[row] : new double[] {1, 0.4}[row];
                            double dens = density(new Coordinate(cx, cy), trunk) * rowWeight;
                            if (dens < 0.002) {
                                continue;
                            }
                            double a = StrictMath.atan2(uy, ux) + turn;
                            Box box = new Box(cx, cy, StrictMath.cos(a), StrictMath.sin(a), halfW, halfD);
                            out.add(new Candidate(-StrictMath.log(1 - u) / dens, box, use, floors(use, core),
                                    -1));
                        }
                    }
                    s += (core ? 10 : 13) + (core ? 4 : 7) * random.nextDouble();
                }
                carry = s - len;
            }
        }
    }

    /** Houses and sheds around hamlets, off the roads. */
    private void scattered(List<Candidate> out) {
        for (HamletPlanner.Hamlet h : hamlets) {
            int n = (int) (90 * h.weight());
            for (int i = 0; i < n; i++) {
                double r = h.radiusMeters() * 1.4;
                double cx = h.centre().x + r * random.nextGaussian();
                double cy = h.centre().y + r * random.nextGaussian();
                double a = random.nextDouble() * StrictMath.PI;
                boolean farm = random.nextDouble() < 0.35;
                double halfW = farm ? 3 + 2 * random.nextDouble() : 4 + 3 * random.nextDouble();
                double halfD = farm ? 3 + 2 * random.nextDouble() : 4.5 + 2.5 * random.nextDouble();
                double u = random.nextDouble();
                double dens = 0.35 * density(new Coordinate(cx, cy), false);
                String use = farm ? "farm" : "residential";
                out.add(new Candidate(-StrictMath.log(1 - u) / dens,
                        new Box(cx, cy, StrictMath.cos(a), StrictMath.sin(a), halfW, halfD), use, floors(use, false),
                        -1));
            }
        }
    }

    /** A few large works (brickworks, timber and bamboo mills, warehouses) beside the trunk roads. */
    private void works(List<Candidate> out) {
        List<RoadNetworkBuilder.Edge> trunk = new ArrayList<>();
        for (RoadNetworkBuilder.Edge e : town.roads.edges()) {
            if (e.roadClass() == RoadClass.NATIONAL || e.roadClass() == RoadClass.PROVINCIAL) {
                trunk.add(e);
            }
        }
        if (trunk.isEmpty()) {
            return;
        }
        for (int i = 0; i < 40; i++) {
            RoadNetworkBuilder.Edge e = trunk.get(random.nextInt(trunk.size()));
            Coordinate[] c = e.line().getCoordinates();
            int k = random.nextInt(c.length - 1);
            double len = c[k].distance(c[k + 1]);
            double ux = (c[k + 1].x - c[k].x) / len;
            double uy = (c[k + 1].y - c[k].y) / len;
            int side = random.nextBoolean() ? 1 : -1;
            double halfW = 15 + 15 * random.nextDouble();
            double halfD = 10 + 8 * random.nextDouble();
            double off = e.roadClass().clearHalfWidthMeters() + 12 + halfD;
            double cx = c[k].x - uy * side * off;
            double cy = c[k].y + ux * side * off;
            if (new Coordinate(cx, cy).distance(town.communityCentre) < 1500) {
                continue;
            }
            int floors = 1 + random.nextInt(2);
            out.add(new Candidate(-2 + 0.01 * i, new Box(cx, cy, ux, uy, halfW, halfD), "industrial", floors, -1));
        }
    }

    /** Positions along roads near the anchor's target, nearest first, then a spiral of free-standing ones. */
    private List<Candidate> anchorCandidates(Anchor a, int index) {
        List<double[]> spots = new ArrayList<>();
        Envelope near = new Envelope(a.near());
        near.expandBy(450);
        for (RoadNetworkBuilder.Edge e : town.roads.edges()) {
            if (!e.line().getEnvelopeInternal().intersects(near)) {
                continue;
            }
            double clear = e.roadClass().clearHalfWidthMeters();
            Coordinate[] c = e.line().getCoordinates();
            for (int k = 0; k + 1 < c.length; k++) {
                double len = c[k].distance(c[k + 1]);
                if (len == 0) {
                    continue;
                }
                double ux = (c[k + 1].x - c[k].x) / len;
                double uy = (c[k + 1].y - c[k].y) / len;
                for (double s = 0; s < len; s += 8) {
                    for (int side = -1; side <= 1; side += 2) {
                        double off = clear + 4 + a.depth() / 2;
                        double cx = c[k].x + ux * s - uy * side * off;
                        double cy = c[k].y + uy * s + ux * side * off;
                        double d = a.near().distance(new Coordinate(cx, cy));
                        if (d < 450) {
                            spots.add(new double[] {d, cx, cy, ux, uy});
                        }
                    }
                }
            }
        }
        spots.sort((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0])
                : p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[2], q[2]));
        List<Candidate> out = new ArrayList<>();
        for (double[] s : spots) {
            out.add(new Candidate(-10, new Box(s[1], s[2], s[3], s[4], a.width() / 2, a.depth() / 2), a.use(),
                    a.floors(), index));
        }
        for (int i = 0; i < 200; i++) {
            double r = 20 + 3 * i;
            double t = i * 2.39996;
            out.add(new Candidate(-10, new Box(a.near().x + r * StrictMath.cos(t), a.near().y + r * StrictMath.sin(t),
                    1, 0, a.width() / 2, a.depth() / 2), a.use(), a.floors(), index));
        }
        return out;
    }

    private int floors(String use, boolean core) {
        double u = random.nextDouble();
        return switch (use) {
            case "farm" -> 1;
            case "industrial" -> 1 + (u < 0.3 ? 1 : 0);
            case "public" -> 2 + (int) (u * 3);
            case "commercial" -> 2 + (int) (u * (core ? 4 : 2));
            default -> {
                int f = u < 0.08 ? 1 : u < 0.50 ? 2 : u < 0.90 ? 3 : u < 0.97 ? 4 : u < 0.99 ? 5 : 6;
                if (core && f < 6 && random.nextDouble() < 0.35) {
                    f++;
                }
                yield f;
            }
        };
    }
}
