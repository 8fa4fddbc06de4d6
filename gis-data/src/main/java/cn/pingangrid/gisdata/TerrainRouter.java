package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Finds road alignments on a raster over the terrain: least-cost paths between cells (8 neighbours) where steep
 * ground is dear (a 7% gradient doubles the cost of a metre, 14% quintuples it), water is impassable except where
 * a bridge is opened, and cells already carrying a road can be made dear too, so new roads meet old ones instead
 * of running beside them. A path either goes to a given cell or stops at the first cell of the existing network.
 */
final class TerrainRouter {

    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, 1, -1};

    private final double cellMeters;
    private final double minX;
    private final double minY;
    private final int width;
    private final int height;
    private final float[] elevation;
    private final boolean[] blocked;
    private final boolean[] network;
    private final boolean[] stream;
    private final double[] dist;
    private final int[] previous;
    private final int[] stamp;
    private final int[] closed;
    private int currentStamp;

    /**
     * @param passable area roads may use (the town, a little inside its border)
     * @param water    area roads may not use (the river with its banks) unless a bridge opens it
     */
    TerrainRouter(Envelope extent, double cellMeters, Terrain terrain, Geometry passable, Geometry water,
                  LineString streamLine) {
        this.cellMeters = cellMeters;
        this.minX = extent.getMinX();
        this.minY = extent.getMinY();
        this.width = (int) StrictMath.ceil(extent.getWidth() / cellMeters) + 1;
        this.height = (int) StrictMath.ceil(extent.getHeight() / cellMeters) + 1;
        int n = width * height;
        elevation = new float[n];
        blocked = new boolean[n];
        network = new boolean[n];
        stream = new boolean[n];
        dist = new double[n];
        previous = new int[n];
        stamp = new int[n];
        closed = new int[n];
        PreparedGeometry inside = PreparedGeometryFactory.prepare(passable);
        PreparedGeometry wet = PreparedGeometryFactory.prepare(water);
        for (int iy = 0; iy < height; iy++) {
            for (int ix = 0; ix < width; ix++) {
                int i = iy * width + ix;
                Coordinate c = centre(i);
                elevation[i] = (float) terrain.heightMeters(c.x, c.y);
                org.locationtech.jts.geom.Point p = MetricGrid.FACTORY.createPoint(c);
                blocked[i] = !inside.contains(p) || wet.contains(p);
            }
        }
        for (Coordinate c : densified(streamLine, cellMeters / 3)) {
            int i = cellOf(c);
            if (i >= 0) {
                stream[i] = true;
            }
        }
    }

    int cellOf(Coordinate c) {
        int ix = (int) StrictMath.floor((c.x - minX) / cellMeters);
        int iy = (int) StrictMath.floor((c.y - minY) / cellMeters);
        if (ix < 0 || iy < 0 || ix >= width || iy >= height) {
            return -1;
        }
        return iy * width + ix;
    }

    Coordinate centre(int cell) {
        return new Coordinate(minX + (cell % width + 0.5) * cellMeters, minY + (cell / width + 0.5) * cellMeters);
    }

    double elevation(Coordinate c) {
        int i = cellOf(c);
        return i < 0 ? 0 : elevation[i];
    }

    /** Gradient (rise over run) from the raster's elevations around {@code c}. */
    double slope(Coordinate c) {
        int i = cellOf(c);
        if (i < 0) {
            return 0;
        }
        int ix = i % width;
        int iy = i / width;
        int x0 = StrictMath.max(0, ix - 1);
        int x1 = StrictMath.min(width - 1, ix + 1);
        int y0 = StrictMath.max(0, iy - 1);
        int y1 = StrictMath.min(height - 1, iy + 1);
        double gx = (elevation[iy * width + x1] - elevation[iy * width + x0]) / ((x1 - x0) * cellMeters);
        double gy = (elevation[y1 * width + ix] - elevation[y0 * width + ix]) / ((y1 - y0) * cellMeters);
        return StrictMath.sqrt(gx * gx + gy * gy);
    }

    boolean isPassable(Coordinate c) {
        int i = cellOf(c);
        return i >= 0 && !blocked[i];
    }

    boolean isNetwork(Coordinate c) {
        int i = cellOf(c);
        return i >= 0 && network[i];
    }

    /** The passable cell nearest to {@code c} (searching outwards ring by ring), as its centre. */
    Coordinate nearestPassable(Coordinate c) {
        int cx = (int) StrictMath.floor((c.x - minX) / cellMeters);
        int cy = (int) StrictMath.floor((c.y - minY) / cellMeters);
        for (int r = 0; r < StrictMath.max(width, height); r++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int iy = cy - r; iy <= cy + r; iy++) {
                for (int ix = cx - r; ix <= cx + r; ix++) {
                    if (StrictMath.max(StrictMath.abs(ix - cx), StrictMath.abs(iy - cy)) != r
                            || ix < 0 || iy < 0 || ix >= width || iy >= height) {
                        continue;
                    }
                    int i = iy * width + ix;
                    double d = centre(i).distance(c);
                    if (!blocked[i] && d < bestD) {
                        bestD = d;
                        best = i;
                    }
                }
            }
            if (best >= 0) {
                return centre(best);
            }
        }
        throw new IllegalStateException("no passable cell");
    }

    /** Opens (or closes) the cells within {@code radius} of a line: a bridge. */
    void setBlocked(LineString line, double radius, boolean value) {
        for (Coordinate c : densified(line, cellMeters / 3)) {
            int r = (int) StrictMath.ceil(radius / cellMeters);
            int cx = (int) StrictMath.floor((c.x - minX) / cellMeters);
            int cy = (int) StrictMath.floor((c.y - minY) / cellMeters);
            for (int iy = cy - r; iy <= cy + r; iy++) {
                for (int ix = cx - r; ix <= cx + r; ix++) {
                    if (ix >= 0 && iy >= 0 && ix < width && iy < height
                            && centre(iy * width + ix).distance(c) <= radius && !network[iy * width + ix]) {
                        blocked[iy * width + ix] = value;
                    }
                }
            }
        }
    }

    /** Marks the cells a road passes through as network. */
    void markNetwork(List<Coordinate> road) {
        for (Coordinate c : densified(MetricGrid.FACTORY.createLineString(road.toArray(Coordinate[]::new)),
                cellMeters / 3)) {
            int i = cellOf(c);
            if (i >= 0) {
                network[i] = true;
            }
        }
    }

    /**
     * The least-cost path from {@code from} to {@code to}, or to the first network cell if {@code to} is null,
     * as cell centres; empty if there is none (or {@code from} is already on the network when {@code to} is null).
     *
     * @param networkCost multiplier for moving through cells that already carry a road
     */
    List<Coordinate> route(Coordinate from, Coordinate to, double networkCost) {
        int start = cellOf(from);
        int goal = to == null ? -1 : cellOf(to);
        if (start < 0 || (to == null && network[start])) {
            return List.of();
        }
        currentStamp++;
        BinaryHeap heap = new BinaryHeap();
        touch(start);
        dist[start] = 0;
        previous[start] = -1;
        heap.push(start, heuristic(start, goal));
        int reached = -1;
        while (!heap.isEmpty()) {
            int a = heap.pop();
            if (closed[a] == currentStamp) {
                continue;
            }
            closed[a] = currentStamp;
            double da = dist[a];
            if (a == goal || (goal < 0 && network[a] && a != start)) {
                reached = a;
                break;
            }
            int ax = a % width;
            int ay = a / width;
            for (int k = 0; k < 8; k++) {
                int bx = ax + DX[k];
                int by = ay + DY[k];
                if (bx < 0 || by < 0 || bx >= width || by >= height) {
                    continue;
                }
                int b = by * width + bx;
                if (closed[b] == currentStamp || (blocked[b] && b != goal)) {
                    continue;
                }
                double len = k < 4 ? cellMeters : cellMeters * StrictMath.sqrt(2);
                double grade = StrictMath.abs(elevation[b] - elevation[a]) / len;
                double factor = 1 + (grade / 0.07) * (grade / 0.07);
                double cost = len * factor;
                if (network[b] && goal >= 0) {
                    cost *= networkCost;
                }
                if (stream[b]) {
                    cost += 80;
                }
                double d = da + cost;
                if (stamp[b] != currentStamp) {
                    touch(b);
                }
                if (d < dist[b]) {
                    dist[b] = d;
                    previous[b] = a;
                    heap.push(b, d + heuristic(b, goal));
                }
            }
        }
        if (reached < 0) {
            return List.of();
        }
        List<Coordinate> path = new ArrayList<>();
        for (int c = reached; c >= 0; c = previous[c]) {
            path.add(centre(c));
        }
        java.util.Collections.reverse(path);
        return path;
    }

    private void touch(int i) {
        stamp[i] = currentStamp;
        dist[i] = Double.POSITIVE_INFINITY;
    }

    private double heuristic(int cell, int goal) {
        if (goal < 0) {
            return 0;
        }
        double dx = (cell % width - goal % width) * cellMeters;
        double dy = (cell / width - goal / width) * cellMeters;
        return StrictMath.sqrt(dx * dx + dy * dy);
    }

    static List<Coordinate> densified(LineString line, double step) {
        List<Coordinate> out = new ArrayList<>();
        Coordinate[] c = line.getCoordinates();
        for (int i = 0; i + 1 < c.length; i++) {
            double len = c[i].distance(c[i + 1]);
            int n = StrictMath.max(1, (int) StrictMath.ceil(len / step));
            for (int k = 0; k < n; k++) {
                double t = (double) k / n;
                out.add(new Coordinate(c[i].x + (c[i + 1].x - c[i].x) * t, c[i].y + (c[i + 1].y - c[i].y) * t));
            }
        }
        out.add(c[c.length - 1]);
        return out;
    }

    /** A min-heap of (cell, priority) with a deterministic order for equal priorities (smaller cell first). */
    private static final class BinaryHeap {
        private int[] cells = new int[1024];
        private double[] keys = new double[1024];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void push(int cell, double key) {
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!less(key, cell, keys[parent], cells[parent])) {
                    break;
                }
                cells[i] = cells[parent];
                keys[i] = keys[parent];
                i = parent;
            }
            cells[i] = cell;
            keys[i] = key;
        }

        int pop() {
            int top = cells[0];
            size--;
            int cell = cells[size];
            double key = keys[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(keys[child + 1], cells[child + 1], keys[child], cells[child])) {
                    child++;
                }
                if (!less(keys[child], cells[child], key, cell)) {
                    break;
                }
                cells[i] = cells[child];
                keys[i] = keys[child];
                i = child;
            }
            cells[i] = cell;
            keys[i] = key;
            return top;
        }

        private static boolean less(double k1, int c1, double k2, int c2) {
            return k1 < k2 || (k1 == k2 && c1 < c2);
        }
    }
}
