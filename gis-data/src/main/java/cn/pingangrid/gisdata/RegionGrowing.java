package cn.pingangrid.gisdata;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Partitions a weighted graph into connected regions grown from seeds: a multi-source shortest-path search in
 * which each seed gets a head start, so every node joins the seed it is "closest" to after the head starts. The
 * head starts are fitted so that the regions' total node weights approach given targets.
 *
 * <p>Guarantee: each region is connected (a node's shortest-path predecessor belongs to the same region, because
 * head starts are additive), and seed nodes always keep their own seed. Limits: targets are approached, not met.
 */
final class RegionGrowing {

    private final int[][] adjacency;
    private final double[][] cost;
    private final double[] weight;

    /**
     * @param adjacency node ids adjacent to each node
     * @param cost      {@code cost[a][k]} is the cost from {@code a} to {@code adjacency[a][k]}; may be asymmetric
     * @param weight    each node's weight (an area)
     */
    RegionGrowing(int[][] adjacency, double[][] cost, double[] weight) {
        this.adjacency = adjacency;
        this.cost = cost;
        this.weight = weight;
    }

    /** The region (seed index) of every node after growing with the given head starts; -1 if unreachable. */
    int[] grow(int[] seeds, double[] headStart) {
        int n = adjacency.length;
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int[] region = new int[n];
        Arrays.fill(region, -1);
        boolean[] isSeed = new boolean[n];
        boolean[] done = new boolean[n];
        PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> p[0] != q[0]
                ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]));
        for (int s = 0; s < seeds.length; s++) {
            isSeed[seeds[s]] = true;
            dist[seeds[s]] = -headStart[s];
            region[seeds[s]] = s;
            queue.add(new double[] {dist[seeds[s]], seeds[s]});
        }
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int a = (int) top[1];
            if (done[a] || top[0] > dist[a]) {
                continue;
            }
            done[a] = true;
            for (int k = 0; k < adjacency[a].length; k++) {
                int b = adjacency[a][k];
                if (done[b] || isSeed[b]) {
                    continue;
                }
                double d = dist[a] + cost[a][k];
                if (d < dist[b]) {
                    dist[b] = d;
                    region[b] = region[a];
                    queue.add(new double[] {d, b});
                }
            }
        }
        return region;
    }

    /** Grows regions, adjusting head starts {@code iterations} times towards the target weights. */
    int[] fit(int[] seeds, double[] targets, int iterations) {
        double[] headStart = new double[seeds.length];
        int[] region = grow(seeds, headStart);
        for (int it = 0; it < iterations; it++) {
            double[] got = totals(region, seeds.length);
            double step = 0.9 * (1.0 - 0.6 * it / iterations);
            for (int s = 0; s < seeds.length; s++) {
                headStart[s] += step * (StrictMath.sqrt(targets[s]) - StrictMath.sqrt(got[s]));
            }
            region = grow(seeds, headStart);
        }
        return region;
    }

    double[] totals(int[] region, int regions) {
        double[] sum = new double[regions];
        for (int i = 0; i < region.length; i++) {
            if (region[i] >= 0) {
                sum[region[i]] += weight[i];
            }
        }
        return sum;
    }
}
