package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Divides a town's cells into villages and each village's cells into grids (网格). Villages grow from seeds at
 * their planned positions, uphill growth being dearer than downhill, so borders settle on ridges; no village
 * crosses the river. Grids grow the same way inside their village from k-means seeds, with equal target areas.
 *
 * <p>Every village and grid is one polygon without holes, outlined from shared cell edges
 * ({@link VoronoiTiling#outline}), so villages tile the town and grids tile their village exactly.
 * Codes follow the national pattern: numbered in reading order, rows north to south, west to east in a row.
 */
final class VillageDivision {

    /** A grid: its cells and outline; {@code seq} is its 1-based number in the village. */
    record Grid(int seq, Polygon polygon, List<Integer> cells) {
    }

    /** A village or community with its grids; {@code seq} is its 1-based number in the town. */
    record Village(int seq, TownSpec.VillagePlan plan, Polygon polygon, List<Integer> cells, List<Grid> grids) {
    }

    private static final double RIVER_CROSSING_COST = 1e6;

    private VillageDivision() {
    }

    /**
     * @param communityCentre where the community (town centre) is seeded
     */
    static List<Village> divide(TownSpec spec, VoronoiTiling tiling, Terrain terrain, Coordinate communityCentre,
                                Random random) {
        List<VoronoiTiling.Cell> cells = tiling.cells();
        int n = cells.size();
        double[] height = new double[n];
        double[] area = new double[n];
        for (VoronoiTiling.Cell c : cells) {
            height[c.id()] = terrain.heightMeters(c.label().x, c.label().y);
            area[c.id()] = c.area();
        }
        int[][] adjacency = new int[n][];
        for (int i = 0; i < n; i++) {
            adjacency[i] = tiling.neighbours(i);
        }
        RegionGrowing growing = new RegionGrowing(adjacency, costs(cells, adjacency, height, 5.0), area);

        Envelope env = new Envelope();
        for (VoronoiTiling.Cell c : cells) {
            env.expandToInclude(c.label());
        }
        List<TownSpec.VillagePlan> plans = spec.villages();
        int[] seeds = new int[plans.size()];
        boolean[] used = new boolean[n];
        for (int v = 0; v < plans.size(); v++) {
            TownSpec.VillagePlan plan = plans.get(v);
            Coordinate target = plan.community() ? communityCentre
                    : new Coordinate(env.centre().x + plan.u() * env.getWidth() / 2,
                    env.centre().y + plan.v() * env.getHeight() / 2);
            seeds[v] = nearestCell(cells, target, plan.northBank() ? 1 : -1, used);
            used[seeds[v]] = true;
        }
        double[] targets = villageTargets(plans, cells, random);
        int[] region = growing.fit(seeds, targets, 80);

        List<List<Integer>> members = new ArrayList<>();
        for (int v = 0; v < plans.size(); v++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (region[i] < 0) {
                throw new IllegalStateException("cell " + i + " reached by no village");
            }
            members.get(region[i]).add(i);
        }
        List<Polygon> outlines = new ArrayList<>();
        for (List<Integer> m : members) {
            outlines.add(tiling.outline(m));
        }
        List<Integer> order = readingOrder(outlines, 4000);
        List<Village> villages = new ArrayList<>();
        for (int rank = 0; rank < order.size(); rank++) {
            int v = order.get(rank);
            TownSpec.VillagePlan plan = plans.get(v);
            int gridCount = plan.community() ? 16
                    : (int) StrictMath.max(4, StrictMath.min(12,
                    StrictMath.round(outlines.get(v).getArea() / 1.15e6 + random.nextDouble() * 2 - 1)));
            List<Grid> grids = divideVillage(tiling, members.get(v), gridCount, height, random);
            villages.add(new Village(rank + 1, plan, outlines.get(v), members.get(v), grids));
        }
        return villages;
    }

    private static double[] villageTargets(List<TownSpec.VillagePlan> plans, List<VoronoiTiling.Cell> cells,
                                           Random random) {
        double north = 0;
        double south = 0;
        for (VoronoiTiling.Cell c : cells) {
            if (c.side() > 0) {
                north += c.area();
            } else {
                south += c.area();
            }
        }
        double[] draw = new double[plans.size()];
        double fixedNorth = 0;
        double fixedSouth = 0;
        double drawNorth = 0;
        double drawSouth = 0;
        for (int v = 0; v < plans.size(); v++) {
            TownSpec.VillagePlan p = plans.get(v);
            if (p.areaKm2() > 0) {
                draw[v] = p.areaKm2() * 1e6;
                if (p.northBank()) {
                    fixedNorth += draw[v];
                } else {
                    fixedSouth += draw[v];
                }
            } else {
                draw[v] = 0.65 + 0.7 * random.nextDouble();
                if (p.northBank()) {
                    drawNorth += draw[v];
                } else {
                    drawSouth += draw[v];
                }
            }
        }
        double[] targets = new double[plans.size()];
        for (int v = 0; v < plans.size(); v++) {
            TownSpec.VillagePlan p = plans.get(v);
            if (p.areaKm2() > 0) {
                targets[v] = draw[v];
            } else if (p.northBank()) {
                targets[v] = (north - fixedNorth) * draw[v] / drawNorth;
            } else {
                targets[v] = (south - fixedSouth) * draw[v] / drawSouth;
            }
        }
        return targets;
    }

    private static List<Grid> divideVillage(VoronoiTiling tiling, List<Integer> members, int gridCount,
                                            double[] height, Random random) {
        int m = members.size();
        if (m < gridCount) {
            throw new IllegalStateException("village of " + m + " cells cannot hold " + gridCount + " grids");
        }
        int[] local = new int[tiling.cells().size()];
        java.util.Arrays.fill(local, -1);
        for (int i = 0; i < m; i++) {
            local[members.get(i)] = i;
        }
        int[][] adjacency = new int[m][];
        double[] area = new double[m];
        List<VoronoiTiling.Cell> sub = new ArrayList<>();
        double[] subHeight = new double[m];
        for (int i = 0; i < m; i++) {
            int g = members.get(i);
            sub.add(tiling.cells().get(g));
            area[i] = tiling.cells().get(g).area();
            subHeight[i] = height[g];
            adjacency[i] = java.util.Arrays.stream(tiling.neighbours(g)).map(x -> local[x]).filter(x -> x >= 0)
                    .toArray();
        }
        double total = java.util.Arrays.stream(area).sum();
        double[] targets = new double[gridCount];
        java.util.Arrays.fill(targets, total / gridCount);
        RegionGrowing growing = new RegionGrowing(adjacency, localCosts(sub, adjacency, subHeight), area);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            int[] seeds = kMeansSeeds(sub, area, gridCount, random);
            int[] region = growing.fit(seeds, targets, 40);
            List<List<Integer>> groups = new ArrayList<>();
            for (int k = 0; k < gridCount; k++) {
                groups.add(new ArrayList<>());
            }
            boolean complete = true;
            for (int i = 0; i < m; i++) {
                if (region[i] < 0) {
                    complete = false;
                    break;
                }
                groups.get(region[i]).add(members.get(i));
            }
            if (!complete) {
                last = new IllegalStateException("grid growth left cells unreached");
                continue;
            }
            try {
                List<Polygon> outlines = new ArrayList<>();
                for (List<Integer> g : groups) {
                    outlines.add(tiling.outline(g));
                }
                double band = StrictMath.sqrt(total / gridCount);
                List<Integer> order = readingOrder(outlines, band);
                List<Grid> grids = new ArrayList<>();
                for (int rank = 0; rank < order.size(); rank++) {
                    grids.add(new Grid(rank + 1, outlines.get(order.get(rank)), groups.get(order.get(rank))));
                }
                return grids;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no valid grid division", last);
    }

    /**
     * k seeds spread over the cells (by area): farthest-point start from a random cell, then Lloyd iterations.
     * The county generator seeds its towns and villages the same way.
     */
    static int[] kMeansSeeds(List<VoronoiTiling.Cell> cells, double[] area, int k, Random random) {
        int m = cells.size();
        Coordinate[] centres = new Coordinate[k];
        centres[0] = cells.get(random.nextInt(m)).label();
        double[] nearest = new double[m]; // each cell's distance to its nearest centre so far
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            int far = 0;
            double best = -1;
            for (int i = 0; i < m; i++) {
                nearest[i] = StrictMath.min(nearest[i], cells.get(i).label().distance(centres[c - 1]));
                if (nearest[i] > best) {
                    best = nearest[i];
                    far = i;
                }
            }
            centres[c] = cells.get(far).label();
        }
        int[] assign = new int[m];
        for (int iteration = 0; iteration < 10; iteration++) {
            double[] sx = new double[k];
            double[] sy = new double[k];
            double[] sw = new double[k];
            for (int i = 0; i < m; i++) {
                assign[i] = nearest(centres, cells.get(i).label());
                sx[assign[i]] += area[i] * cells.get(i).label().x;
                sy[assign[i]] += area[i] * cells.get(i).label().y;
                sw[assign[i]] += area[i];
            }
            for (int c = 0; c < k; c++) {
                if (sw[c] > 0) {
                    centres[c] = new Coordinate(sx[c] / sw[c], sy[c] / sw[c]);
                }
            }
        }
        int[] seeds = new int[k];
        boolean[] used = new boolean[m];
        for (int c = 0; c < k; c++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double d = cells.get(i).label().distance(centres[c]);
                if (!used[i] && d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            seeds[c] = best;
            used[best] = true;
        }
        return seeds;
    }

    private static int nearest(Coordinate[] centres, Coordinate p) {
        int best = 0;
        for (int c = 1; c < centres.length; c++) {
            if (p.distance(centres[c]) < p.distance(centres[best])) {
                best = c;
            }
        }
        return best;
    }

    private static int nearestCell(List<VoronoiTiling.Cell> cells, Coordinate target, int side, boolean[] used) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (VoronoiTiling.Cell c : cells) {
            double d = c.label().distance(target);
            if (c.side() == side && !used[c.id()] && c.area() > 5000 && d < bestD) {
                bestD = d;
                best = c.id();
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no cell for seed at " + target);
        }
        return best;
    }

    private static double[][] costs(List<VoronoiTiling.Cell> cells, int[][] adjacency, double[] height,
                                    double climbWeight) {
        double[][] cost = new double[adjacency.length][];
        for (int a = 0; a < adjacency.length; a++) {
            cost[a] = new double[adjacency[a].length];
            for (int k = 0; k < adjacency[a].length; k++) {
                int b = adjacency[a][k];
                VoronoiTiling.Cell ca = cells.get(a);
                VoronoiTiling.Cell cb = cells.get(b);
                cost[a][k] = ca.label().distance(cb.label()) + climbWeight * StrictMath.max(0, height[b] - height[a])
                        + (ca.side() != cb.side() ? RIVER_CROSSING_COST : 0);
            }
        }
        return cost;
    }

    private static double[][] localCosts(List<VoronoiTiling.Cell> sub, int[][] adjacency, double[] height) {
        return costs(sub, adjacency, height, 2.0);
    }

    /**
     * Indices of polygons in reading order: rows of {@code bandMeters} from the northernmost interior point
     * southwards, west to east within a row.
     */
    static List<Integer> readingOrder(List<Polygon> polygons, double bandMeters) {
        double top = Double.NEGATIVE_INFINITY;
        List<Coordinate> labels = new ArrayList<>();
        for (Polygon p : polygons) {
            Coordinate c = p.getInteriorPoint().getCoordinate();
            labels.add(c);
            top = StrictMath.max(top, c.y);
        }
        final double north = top;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < polygons.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> (long) StrictMath.floor((north - labels.get(i).y) / bandMeters))
                .thenComparingDouble(i -> labels.get(i).x));
        return order;
    }
}
