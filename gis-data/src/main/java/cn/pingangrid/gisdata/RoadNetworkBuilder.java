package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Lays out the town's roads and nodes them into one connected graph.
 *
 * <p>Alignments come from {@link TerrainRouter}: the provincial road S308 along the river's north bank through
 * the town centre, the national road G207 from the north through the centre and over the only road bridge to the
 * south, a county road from the network to each village centre (nearest villages first), a few town roads
 * closing loops between neighbouring villages, village roads to every hamlet and landmark, short lanes inside
 * hamlets, and a street grid in the town centre.
 *
 * <p>Guarantees: all vertices are on the 1 m grid; lines are snap-rounded together, so edges meet only at shared
 * nodes and never cross elsewhere; consecutive pieces of one road are merged between junctions; only the largest
 * connected component is kept (it holds everything built from the trunk roads).
 */
final class RoadNetworkBuilder {

    /** A road before noding. */
    record Road(RoadClass roadClass, String ref, String name, List<Coordinate> line) {
    }

    /** An edge of the noded graph; {@code from}/{@code to} index {@link Network#nodes()}. */
    record Edge(RoadClass roadClass, String ref, String name, LineString line, int from, int to) {
    }

    /** The road graph: edges and their end nodes, in a deterministic order. */
    record Network(List<Edge> edges, List<Coordinate> nodes) {
    }

    private static final String[] STREET_NAMES = {"栗港街", "新街", "老街", "卫星街", "杨家嘴路", "河滨路", "兴隆街",
        "建设路", "文化路", "人民路", "学堂路", "沿江路", "和平街", "向阳路", "团结路", "胜利街", "工农路", "幸福路"};

    private final TownGenerator.Town town;
    private final Random random;
    private final TerrainRouter router;
    private final List<Road> roads = new ArrayList<>();
    private final Map<Long, List<Coordinate>> vertexBuckets = new HashMap<>();

    RoadNetworkBuilder(TownGenerator.Town town, Random random) {
        this.town = town;
        this.random = random;
        Envelope extent = town.polygon.getEnvelopeInternal().copy();
        extent.expandBy(100);
        this.router = new TerrainRouter(extent, 40, town.terrain, town.polygon.buffer(-25, 4),
                town.water.buffer(12, 4), town.stream);
    }

    TerrainRouter router() {
        return router;
    }

    Network build(List<HamletPlanner.Hamlet> hamlets, List<PlacePlanner.Place> landmarks) {
        Envelope env = town.polygon.getEnvelopeInternal();
        Coordinate centre = town.communityCentre;
        RiverCourse river = town.river;
        // S308 along the north bank, west to east through the centre
        Coordinate west = router.nearestPassable(new Coordinate(env.getMinX() + 50,
                river.centreY(env.getMinX() + 50) + 900));
        Coordinate east = router.nearestPassable(new Coordinate(env.getMaxX() - 50,
                river.centreY(env.getMaxX() - 50) + 900));
        connect(west, centre, 1, RoadClass.PROVINCIAL, "S308", "308省道");
        connect(centre, east, 4, RoadClass.PROVINCIAL, "S308", "308省道");
        // G207 from the north through the centre, over the bridge, to the south
        Coordinate north = router.nearestPassable(new Coordinate(centre.x - 700, env.getMaxY() - 50));
        Coordinate south = router.nearestPassable(new Coordinate(centre.x + 900, env.getMinY() + 50));
        connect(north, centre, 4, RoadClass.NATIONAL, "G207", "207国道");
        LineString bridge = bridgeLine();
        router.setBlocked(bridge, 45, false);
        connect(centre, south, 4, RoadClass.NATIONAL, "G207", "207国道");
        router.setBlocked(bridge, 45, true);

        List<VillageDivision.Village> villages = town.villages;
        List<HamletPlanner.Hamlet> centres = new ArrayList<>();
        for (HamletPlanner.Hamlet h : hamlets) {
            if (h.villageCentre()) {
                centres.add(h);
            }
        }
        centres.sort(Comparator.comparingDouble((HamletPlanner.Hamlet h) -> h.centre().distance(centre)));
        for (HamletPlanner.Hamlet h : centres) {
            String name = "大" + villages.get(h.village()).plan().name().charAt(0) + "线";
            toNetwork(h.centre(), RoadClass.COUNTY, name);
        }
        loops(centres);
        for (PlacePlanner.Place p : landmarks) {
            if (p.needsRoad()) {
                toNetwork(p.location(), RoadClass.VILLAGE, null);
            }
        }
        for (HamletPlanner.Hamlet h : hamlets) {
            if (!h.villageCentre()) {
                toNetwork(h.centre(), RoadClass.VILLAGE, null);
            }
        }
        for (HamletPlanner.Hamlet h : hamlets) {
            int lanes = (h.villageCentre() ? 2 : 1) + random.nextInt(2);
            for (int k = 0; k < lanes; k++) {
                double a = random.nextDouble() * 2 * StrictMath.PI;
                double len = 250 + 200 * random.nextDouble();
                Coordinate target = new Coordinate(h.centre().x + len * StrictMath.cos(a),
                        h.centre().y + len * StrictMath.sin(a));
                if (router.isPassable(target) && !router.isNetwork(target)
                        && river.side(target.x, target.y) == river.side(h.centre().x, h.centre().y)) {
                    addOffNetwork(router.route(h.centre(), target, 0.6), RoadClass.VILLAGE, null,
                            MetricGrid.snap(target.x, target.y));
                }
            }
        }
        streets();
        return node();
    }

    /** The bridge: across the river where it runs straightest within 1.2 km east or west of the centre. */
    private LineString bridgeLine() {
        RiverCourse river = town.river;
        double best = town.communityCentre.x;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int dx = -1200; dx <= 1200; dx += 20) {
            double x = town.communityCentre.x + dx;
            double slope = StrictMath.abs(river.centreY(x + 10) - river.centreY(x - 10)) / 20;
            if (slope < bestSlope) {
                bestSlope = slope;
                best = x;
            }
        }
        double y = river.centreY(best);
        double reach = river.halfWidth(best) + 160;
        return MetricGrid.FACTORY.createLineString(new Coordinate[] {
            new Coordinate(best, y - reach), new Coordinate(best, y + reach)});
    }

    private void loops(List<HamletPlanner.Hamlet> centres) {
        List<VillageDivision.Village> villages = town.villages;
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < centres.size(); i++) {
            for (int j = i + 1; j < centres.size(); j++) {
                VillageDivision.Village a = villages.get(centres.get(i).village());
                VillageDivision.Village b = villages.get(centres.get(j).village());
                if (a.plan().northBank() == b.plan().northBank()
                        && a.polygon().intersection(b.polygon()).getLength() > 300) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        java.util.Collections.shuffle(pairs, random);
        for (int[] pair : pairs.subList(0, StrictMath.min(7, pairs.size()))) {
            HamletPlanner.Hamlet a = centres.get(pair[0]);
            HamletPlanner.Hamlet b = centres.get(pair[1]);
            String name = "" + villages.get(a.village()).plan().name().charAt(0)
                    + villages.get(b.village()).plan().name().charAt(0) + "线";
            addOffNetwork(router.route(a.centre(), b.centre(), 0.6), RoadClass.TOWN, name, null);
        }
    }

    /**
     * Adds the stretches of a path that run off the existing network, each from and to the nearest network
     * vertex; a final stretch that ends off the network ends at {@code end} (if given).
     */
    private void addOffNetwork(List<Coordinate> path, RoadClass cls, String name, Coordinate end) {
        int i = 0;
        while (i < path.size()) {
            if (router.isNetwork(path.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < path.size() && !router.isNetwork(path.get(j))) {
                j++;
            }
            // cells i..j-1 are off the network; i-1 and j (if present) are on it
            Coordinate from = i > 0 ? nearestVertex(path.get(i - 1), 90) : null;
            Coordinate to = j < path.size() ? nearestVertex(path.get(j), 90) : end;
            if (from == null && i == 0 && end != null) {
                from = nearestVertex(path.get(0), 90);
            }
            if (from != null && to != null && j - i >= 3) {
                List<Coordinate> run = new ArrayList<>();
                run.add(from);
                run.addAll(path.subList(i, j));
                run.add(to);
                addRoad(cls, null, name, shape(run, from, to));
            }
            i = j;
        }
    }

    private void connect(Coordinate from, Coordinate to, double networkCost, RoadClass cls, String ref,
                         String name) {
        List<Coordinate> path = router.route(from, to, networkCost);
        if (path.isEmpty()) {
            throw new IllegalStateException("no route for " + name);
        }
        addRoad(cls, ref, name, shape(path, MetricGrid.snap(from.x, from.y), MetricGrid.snap(to.x, to.y)));
    }

    private void toNetwork(Coordinate from, RoadClass cls, String name) {
        List<Coordinate> path = router.route(from, null, 1);
        if (path.isEmpty()) {
            return;
        }
        Coordinate join = nearestVertex(path.get(path.size() - 1), 90);
        if (join == null) {
            return;
        }
        addRoad(cls, null, name, shape(path, MetricGrid.snap(from.x, from.y), join));
    }

    private Coordinate nearestVertex(Coordinate c, double within) {
        Coordinate best = null;
        double bestD = within;
        long bx = (long) StrictMath.floor(c.x / 50);
        long by = (long) StrictMath.floor(c.y / 50);
        int reach = (int) StrictMath.ceil(within / 50);
        for (long ix = bx - reach; ix <= bx + reach; ix++) {
            for (long iy = by - reach; iy <= by + reach; iy++) {
                List<Coordinate> list = vertexBuckets.get(ix * 1_000_003L + iy);
                if (list == null) {
                    continue;
                }
                for (Coordinate v : list) {
                    double d = v.distance(c);
                    if (d < bestD) {
                        bestD = d;
                        best = v;
                    }
                }
            }
        }
        return best;
    }

    private void addRoad(RoadClass cls, String ref, String name, List<Coordinate> line) {
        if (line.size() < 2) {
            return;
        }
        roads.add(new Road(cls, ref, name, line));
        for (Coordinate v : line) {
            long key = (long) StrictMath.floor(v.x / 50) * 1_000_003L + (long) StrictMath.floor(v.y / 50);
            vertexBuckets.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
        router.markNetwork(line);
    }

    /** A smooth polyline through a raster path, from {@code start} to {@code end}, a vertex every 25 m at most. */
    private static List<Coordinate> shape(List<Coordinate> cells, Coordinate start, Coordinate end) {
        List<Coordinate> raw = new ArrayList<>();
        raw.add(start);
        for (int i = 1; i + 1 < cells.size(); i++) {
            raw.add(cells.get(i));
        }
        raw.add(end);
        List<Coordinate> pts = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (i == 0 || i == raw.size() - 1) {
                pts.add(raw.get(i));
                continue;
            }
            int w = StrictMath.min(2, StrictMath.min(i, raw.size() - 1 - i));
            double sx = 0;
            double sy = 0;
            for (int k = i - w; k <= i + w; k++) {
                sx += raw.get(k).x;
                sy += raw.get(k).y;
            }
            pts.add(new Coordinate(sx / (2 * w + 1), sy / (2 * w + 1)));
        }
        Coordinate[] simplified = DouglasPeuckerSimplifier.simplify(
                MetricGrid.FACTORY.createLineString(pts.toArray(Coordinate[]::new)), 18).getCoordinates();
        List<Coordinate> smooth = new ArrayList<>(List.of(simplified));
        for (int it = 0; it < 3; it++) {
            List<Coordinate> next = new ArrayList<>();
            next.add(smooth.get(0));
            for (int i = 0; i + 1 < smooth.size(); i++) {
                Coordinate a = smooth.get(i);
                Coordinate b = smooth.get(i + 1);
                if (i > 0) {
                    next.add(new Coordinate(0.75 * a.x + 0.25 * b.x, 0.75 * a.y + 0.25 * b.y));
                }
                if (i + 2 < smooth.size()) {
                    next.add(new Coordinate(0.25 * a.x + 0.75 * b.x, 0.25 * a.y + 0.75 * b.y));
                }
            }
            next.add(smooth.get(smooth.size() - 1));
            smooth = next;
        }
        List<Coordinate> out = new ArrayList<>();
        List<Coordinate> dense = TerrainRouter.densified(
                MetricGrid.FACTORY.createLineString(smooth.toArray(Coordinate[]::new)), 25);
        for (int i = 0; i < dense.size(); i++) {
            Coordinate c = i == 0 ? start : i == dense.size() - 1 ? end : MetricGrid.snap(dense.get(i).x,
                    dense.get(i).y);
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A street grid in the town centre, aligned with the provincial road, clipped to the built-up core. */
    private void streets() {
        Coordinate c = town.communityCentre;
        Road trunk = roads.get(0);
        Coordinate a = trunk.line().get(StrictMath.max(0, trunk.line().size() - 8));
        Coordinate b = trunk.line().get(trunk.line().size() - 1);
        double ux = b.x - a.x;
        double uy = b.y - a.y;
        double len = StrictMath.hypot(ux, uy);
        ux /= len;
        uy /= len;
        VillageDivision.Village community = null;
        for (VillageDivision.Village v : town.villages) {
            if (v.plan().community()) {
                community = v;
            }
        }
        if (community == null) {
            return;
        }
        Geometry core = community.polygon().buffer(-40, 4)
                .intersection(MetricGrid.FACTORY.createPoint(c).buffer(750, 16))
                .difference(town.water.buffer(45, 4));
        double spacing = 190;
        int names = 0;
        for (int dir = 0; dir < 2; dir++) {
            double dx = dir == 0 ? ux : -uy;
            double dy = dir == 0 ? uy : ux;
            for (int i = -4; i <= 4; i++) {
                if (i == 0) {
                    continue;
                }
                double ox = c.x - dy * i * spacing;
                double oy = c.y + dx * i * spacing;
                LineString line = MetricGrid.FACTORY.createLineString(new Coordinate[] {
                    new Coordinate(ox - dx * 1100, oy - dy * 1100), new Coordinate(ox + dx * 1100, oy + dy * 1100)});
                Geometry clipped = line.intersection(core);
                for (int k = 0; k < clipped.getNumGeometries(); k++) {
                    Geometry part = clipped.getGeometryN(k);
                    if (part instanceof LineString ls && ls.getLength() >= 120) {
                        List<Coordinate> pts = new ArrayList<>();
                        for (Coordinate p : TerrainRouter.densified(ls, 25)) {
                            Coordinate s = MetricGrid.snap(p.x, p.y);
                            if (pts.isEmpty() || !pts.get(pts.size() - 1).equals2D(s)) {
                                pts.add(s);
                            }
                        }
                        addRoad(RoadClass.TOWN, null, STREET_NAMES[names++ % STREET_NAMES.length], pts);
                    }
                }
            }
        }
    }

    /** Snap-rounds all roads together and builds the graph. */
    private Network node() {
        List<NodedSegmentString> strings = new ArrayList<>();
        for (int i = 0; i < roads.size(); i++) {
            strings.add(new NodedSegmentString(roads.get(i).line().toArray(Coordinate[]::new), i));
        }
        SnapRoundingNoder noder = new SnapRoundingNoder(MetricGrid.ONE_METRE);
        noder.computeNodes(strings);
        @SuppressWarnings("unchecked")
        Collection<SegmentString> pieces = noder.getNodedSubstrings();
        Map<String, Integer> seen = new HashMap<>();
        List<Coordinate[]> lines = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (SegmentString piece : pieces) {
            Coordinate[] pts = withoutRepeats(piece.getCoordinates());
            if (pts.length < 2) {
                continue;
            }
            String key = MetricGrid.lineKey(pts);
            int road = (Integer) piece.getData();
            Integer at = seen.get(key);
            if (at == null) {
                seen.put(key, lines.size());
                lines.add(pts);
                owner.add(road);
            } else if (roads.get(road).roadClass().ordinal() < roads.get(owner.get(at)).roadClass().ordinal()) {
                owner.set(at, road);
            }
        }
        return RoadGraph.of(lines, owner, roads).network();
    }

    private static Coordinate[] withoutRepeats(Coordinate[] pts) {
        List<Coordinate> out = new ArrayList<>();
        for (Coordinate c : pts) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(c)) {
                out.add(new Coordinate(c.x, c.y));
            }
        }
        return out.toArray(Coordinate[]::new);
    }

    static boolean sameRoad(Road a, Road b) {
        return a.roadClass() == b.roadClass() && Objects.equals(a.ref(), b.ref()) && Objects.equals(a.name(), b.name());
    }
}
