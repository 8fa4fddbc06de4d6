package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Triangle;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.quadedge.QuadEdgeSubdivision;

/**
 * Splits an area into small cells, the building blocks of every boundary drawn inside it: Voronoi cells of a
 * variable-density Poisson-disk point set, with gently wiggled edges (boundaries on ridges are not straight),
 * cut by extra lines (the river's centreline) and clipped to the area.
 *
 * <p>All linework is noded once, by snap-rounding to the 1 m grid, and polygonized. Any set of cells is therefore
 * outlined by edges that its neighbours share vertex for vertex: outlines of disjoint cell sets form an exact
 * coverage, whatever the grouping ({@link #outline}).
 */
final class VoronoiTiling {

    /**
     * One cell.
     *
     * @param label an interior point
     * @param side  +1 north of the river, -1 south
     */
    record Cell(int id, Polygon polygon, Coordinate label, double area, int side) {
    }

    private record Segment(double x1, double y1, double x2, double y2) {
        static Segment of(Coordinate a, Coordinate b) {
            boolean ordered = a.x < b.x || (a.x == b.x && a.y <= b.y);
            return ordered ? new Segment(a.x, a.y, b.x, b.y) : new Segment(b.x, b.y, a.x, a.y);
        }

        LineString line() {
            return MetricGrid.FACTORY.createLineString(
                    new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y2)});
        }
    }

    private final List<Cell> cells;
    private final List<List<Segment>> cellSegments;
    private final int[][] neighbours;

    private VoronoiTiling(List<Cell> cells, List<List<Segment>> cellSegments, int[][] neighbours) {
        this.cells = cells;
        this.cellSegments = cellSegments;
        this.neighbours = neighbours;
    }

    List<Cell> cells() {
        return cells;
    }

    /** Ids of the cells sharing at least one edge with cell {@code id}, ascending. */
    int[] neighbours(int id) {
        return neighbours[id];
    }

    /**
     * Tiles {@code area} (a polygon on the 1 m grid) into cells whose sites are about {@code spacingMeters} apart,
     * also cutting along {@code cuts} (lines on the 1 m grid, clipped to the area here).
     *
     * @param side tells north (+1) from south (-1) of the river for each cell's interior point
     */
    static VoronoiTiling build(Polygon area, List<LineString> cuts, ToDoubleFunction<Coordinate> spacingMeters,
                               ToDoubleFunction<Coordinate> side, Random random) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        List<Coordinate> sites = poissonDisk(area, spacingMeters, random);
        List<LineString> lines = new ArrayList<>();
        for (LineString edge : voronoiEdges(sites, area.getEnvelopeInternal())) {
            LineString wiggled = wiggle(edge, random);
            addClipped(wiggled, area, prepared, lines);
        }
        for (LineString cut : cuts) {
            addClipped(cut, area, prepared, lines);
        }
        lines.add(area.getExteriorRing());
        List<LineString> noded = snapRound(lines);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        List<Polygon> faces = new ArrayList<>();
        for (Object o : polygonizer.getPolygons()) {
            Polygon p = (Polygon) o;
            if (prepared.contains(p.getInteriorPoint())) {
                p.normalize();
                faces.add(p);
            }
        }
        faces.sort(Comparator.comparingDouble((Polygon p) -> -p.getInteriorPoint().getY())
                .thenComparingDouble(p -> p.getInteriorPoint().getX()));
        List<Cell> cells = new ArrayList<>();
        List<List<Segment>> cellSegments = new ArrayList<>();
        Map<Segment, List<Integer>> owners = new HashMap<>();
        for (Polygon face : faces) {
            int id = cells.size();
            Coordinate label = face.getInteriorPoint().getCoordinate();
            cells.add(new Cell(id, face, label, face.getArea(), (int) side.applyAsDouble(label)));
            List<Segment> segs = segments(face);
            cellSegments.add(segs);
            for (Segment s : segs) {
                owners.computeIfAbsent(s, k -> new ArrayList<>(2)).add(id);
            }
        }
        int[][] neighbours = new int[cells.size()][];
        for (int id = 0; id < cells.size(); id++) {
            java.util.TreeSet<Integer> adj = new java.util.TreeSet<>();
            for (Segment s : cellSegments.get(id)) {
                for (int other : owners.get(s)) {
                    if (other != id) {
                        adj.add(other);
                    }
                }
            }
            neighbours[id] = adj.stream().mapToInt(Integer::intValue).toArray();
        }
        return new VoronoiTiling(cells, cellSegments, neighbours);
    }

    /**
     * The outline of a set of cells: one polygon whose vertices are exactly those of the cells' outer edges,
     * normalised (JTS {@link Polygon#normalize()}) so that it does not depend on how it was assembled.
     *
     * @throws IllegalStateException if the cells do not form one polygon without holes
     */
    Polygon outline(Collection<Integer> cellIds) {
        Map<Segment, Integer> count = new HashMap<>();
        for (int id : cellIds) {
            for (Segment s : cellSegments.get(id)) {
                count.merge(s, 1, Integer::sum);
            }
        }
        Polygonizer polygonizer = new Polygonizer(true);
        for (int id : cellIds) {
            for (Segment s : cellSegments.get(id)) {
                if (count.get(s) == 1) {
                    polygonizer.add(s.line());
                }
            }
        }
        @SuppressWarnings("unchecked")
        Collection<Polygon> polygons = polygonizer.getPolygons();
        if (polygons.size() != 1) {
            throw new IllegalStateException("cells form " + polygons.size() + " polygons");
        }
        Polygon p = polygons.iterator().next();
        if (p.getNumInteriorRing() != 0) {
            throw new IllegalStateException("cells enclose a hole");
        }
        p.normalize();
        return p;
    }

    /** Nodes lines by snap-rounding to the 1 m grid; pieces that coincide are kept once. */
    private static List<LineString> snapRound(List<LineString> lines) {
        List<NodedSegmentString> strings = new ArrayList<>();
        for (LineString l : lines) {
            strings.add(new NodedSegmentString(l.getCoordinates(), null));
        }
        SnapRoundingNoder noder = new SnapRoundingNoder(MetricGrid.ONE_METRE);
        noder.computeNodes(strings);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<LineString> out = new ArrayList<>();
        for (Object o : noder.getNodedSubstrings()) {
            List<Coordinate> pts = new ArrayList<>();
            for (Coordinate c : ((SegmentString) o).getCoordinates()) {
                if (pts.isEmpty() || !pts.get(pts.size() - 1).equals2D(c)) {
                    pts.add(new Coordinate(c.x, c.y));
                }
            }
            if (pts.size() < 2) {
                continue;
            }
            Coordinate[] arr = pts.toArray(Coordinate[]::new);
            if (seen.add(MetricGrid.lineKey(arr))) {
                out.add(MetricGrid.FACTORY.createLineString(arr));
            }
        }
        return out;
    }

    private static List<Segment> segments(Polygon p) {
        List<Segment> segs = new ArrayList<>();
        addSegments(p.getExteriorRing(), segs);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            addSegments(p.getInteriorRingN(i), segs);
        }
        return segs;
    }

    private static void addSegments(LinearRing ring, List<Segment> segs) {
        Coordinate[] c = ring.getCoordinates();
        for (int i = 0; i + 1 < c.length; i++) {
            if (!c[i].equals2D(c[i + 1])) {
                segs.add(Segment.of(c[i], c[i + 1]));
            }
        }
    }

    private static void addClipped(LineString line, Polygon area, PreparedGeometry prepared, List<LineString> out) {
        if (!area.getEnvelopeInternal().intersects(line.getEnvelopeInternal()) || !prepared.intersects(line)) {
            return;
        }
        if (prepared.containsProperly(line)) {
            out.add(line);
            return;
        }
        Geometry clipped = line.intersection(area);
        for (int i = 0; i < clipped.getNumGeometries(); i++) {
            if (clipped.getGeometryN(i) instanceof LineString ls && ls.getLength() > 0) {
                out.add(ls);
            }
        }
    }

    /**
     * Sites at least {@code spacing(p)} apart covering the area and a margin around it: Bridson's algorithm
     * (grow from active sites, 30 tries in the annulus [r, 2r] around each).
     */
    private static List<Coordinate> poissonDisk(Polygon area, ToDoubleFunction<Coordinate> spacing, Random random) {
        double margin = 500;
        Envelope env = area.getEnvelopeInternal().copy();
        env.expandBy(margin);
        PreparedGeometry within = PreparedGeometryFactory.prepare(area.buffer(margin, 4));
        double bucket = 100;
        int bw = (int) StrictMath.ceil(env.getWidth() / bucket) + 1;
        int bh = (int) StrictMath.ceil(env.getHeight() / bucket) + 1;
        List<List<Coordinate>> buckets = new ArrayList<>(bw * bh);
        for (int i = 0; i < bw * bh; i++) {
            buckets.add(null);
        }
        List<Coordinate> sites = new ArrayList<>();
        List<Coordinate> active = new ArrayList<>();
        Coordinate first = area.getInteriorPoint().getCoordinate();
        first = MetricGrid.snap(first.x, first.y);
        addSite(first, sites, active, buckets, env, bw, bucket);
        while (!active.isEmpty()) {
            int pick = random.nextInt(active.size());
            Coordinate p = active.get(pick);
            double r = spacing.applyAsDouble(p);
            boolean found = false;
            for (int k = 0; k < 30; k++) {
                double a = random.nextDouble() * 2 * StrictMath.PI;
                double d = r * (1 + random.nextDouble());
                Coordinate q = MetricGrid.snap(p.x + d * StrictMath.cos(a), p.y + d * StrictMath.sin(a));
                int bx = (int) StrictMath.floor((q.x - env.getMinX()) / bucket);
                int by = (int) StrictMath.floor((q.y - env.getMinY()) / bucket);
                if (bx < 0 || by < 0 || bx >= bw || by >= bh
                        || !farEnough(q, spacing.applyAsDouble(q), buckets, bx, by, bw, bh, bucket)
                        || !within.contains(MetricGrid.FACTORY.createPoint(q))) {
                    continue;
                }
                addSite(q, sites, active, buckets, env, bw, bucket);
                found = true;
                break;
            }
            if (!found) {
                active.set(pick, active.get(active.size() - 1));
                active.remove(active.size() - 1);
            }
        }
        return sites;
    }

    private static void addSite(Coordinate p, List<Coordinate> sites, List<Coordinate> active,
                                List<List<Coordinate>> buckets, Envelope env, int bw, double bucket) {
        sites.add(p);
        active.add(p);
        int bx = (int) StrictMath.floor((p.x - env.getMinX()) / bucket);
        int by = (int) StrictMath.floor((p.y - env.getMinY()) / bucket);
        if (buckets.get(by * bw + bx) == null) {
            buckets.set(by * bw + bx, new ArrayList<>());
        }
        buckets.get(by * bw + bx).add(p);
    }

    private static boolean farEnough(Coordinate p, double r, List<List<Coordinate>> buckets, int bx, int by,
                                     int bw, int bh, double bucket) {
        int reach = (int) StrictMath.ceil(r / bucket);
        for (int iy = StrictMath.max(0, by - reach); iy <= StrictMath.min(bh - 1, by + reach); iy++) {
            for (int ix = StrictMath.max(0, bx - reach); ix <= StrictMath.min(bw - 1, bx + reach); ix++) {
                List<Coordinate> list = buckets.get(iy * bw + ix);
                if (list == null) {
                    continue;
                }
                for (Coordinate q : list) {
                    if (p.distance(q) < r) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The finite Voronoi edges of the sites near {@code focus}, in a deterministic order. */
    private static List<LineString> voronoiEdges(List<Coordinate> sites, Envelope focus) {
        List<Coordinate> all = new ArrayList<>(sites);
        Envelope frame = focus.copy();
        frame.expandBy(6000);
        int framePoints = 48;
        for (int i = 0; i < framePoints; i++) {
            double a = 2 * StrictMath.PI * i / framePoints;
            all.add(MetricGrid.snap(frame.centre().x + frame.getWidth() * StrictMath.cos(a),
                    frame.centre().y + frame.getHeight() * StrictMath.sin(a)));
        }
        Map<Coordinate, Integer> index = new HashMap<>();
        for (Coordinate c : all) {
            index.putIfAbsent(c, index.size());
        }
        DelaunayTriangulationBuilder builder = new DelaunayTriangulationBuilder();
        builder.setSites(all);
        QuadEdgeSubdivision subdivision = builder.getSubdivision();
        @SuppressWarnings("unchecked")
        List<Coordinate[]> triangles = subdivision.getTriangleCoordinates(false);
        List<Coordinate> centres = new ArrayList<>();
        TreeMap<Long, int[]> edgeTriangles = new TreeMap<>();
        for (Coordinate[] t : triangles) {
            int tri = centres.size();
            Coordinate[] v = {t[0], t[1], t[2]};
            java.util.Arrays.sort(v, Comparator.comparingInt(index::get));
            centres.add(Triangle.circumcentreDD(v[0], v[1], v[2]));
            for (int k = 0; k < 3; k++) {
                int a = index.get(t[k]);
                int b = index.get(t[(k + 1) % 3]);
                long key = (long) StrictMath.min(a, b) * 10_000_000L + StrictMath.max(a, b);
                int[] pair = edgeTriangles.computeIfAbsent(key, x -> new int[] {-1, -1});
                pair[pair[0] < 0 ? 0 : 1] = tri;
            }
        }
        Envelope near = focus.copy();
        near.expandBy(50);
        List<LineString> edges = new ArrayList<>();
        for (int[] pair : edgeTriangles.values()) {
            if (pair[1] < 0) {
                continue;
            }
            Coordinate a = centres.get(pair[0]);
            Coordinate b = centres.get(pair[1]);
            if (a.distance(b) < 0.5 || !near.intersects(new Envelope(a, b))) {
                continue;
            }
            edges.add(MetricGrid.FACTORY.createLineString(new Coordinate[] {a, b}));
        }
        return edges;
    }

    /** Bends a straight edge into a gentle curve that keeps its end points: a sum of sine harmonics. */
    private static LineString wiggle(LineString edge, Random random) {
        Coordinate a = edge.getCoordinateN(0);
        Coordinate b = edge.getCoordinateN(1);
        double length = a.distance(b);
        double c1 = 0.05 * length * random.nextGaussian();
        double c2 = 0.025 * length * random.nextGaussian();
        double c3 = 0.015 * length * random.nextGaussian();
        if (length < 60) {
            return edge;
        }
        int n = (int) StrictMath.ceil(length / 50);
        double nx = -(b.y - a.y) / length;
        double ny = (b.x - a.x) / length;
        Coordinate[] pts = new Coordinate[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double off = c1 * StrictMath.sin(StrictMath.PI * t) + c2 * StrictMath.sin(2 * StrictMath.PI * t)
                    + c3 * StrictMath.sin(3 * StrictMath.PI * t);
            pts[i] = new Coordinate(a.x + (b.x - a.x) * t + nx * off, a.y + (b.y - a.y) * t + ny * off);
        }
        pts[0] = a;
        pts[n] = b;
        return MetricGrid.FACTORY.createLineString(pts);
    }
}
