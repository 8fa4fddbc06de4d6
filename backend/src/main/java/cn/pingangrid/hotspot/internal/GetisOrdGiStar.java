package cn.pingangrid.hotspot.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.special.Erf;

/**
 * Getis-Ord Gi* as ArcGIS's Hot Spot Analysis defines it, with binary weights of a fixed distance band between
 * unit centres (planar metres), the unit itself included:
 *
 * <pre>
 *   Gi* = (Σj wij xj − X̄ Σj wij) / (S · √((n Σj wij² − (Σj wij)²) / (n − 1))),   X̄ = Σ x / n,   S = √(Σ x² / n − X̄²)
 * </pre>
 *
 * Gi* is itself the z-score; p is two-sided from the standard normal. Where the denominator is zero (all counts
 * equal, or a unit that neighbours every unit) there is nothing to test: z = 0, p = 1.
 */
final class GetisOrdGiStar {

    /**
     * Centres within {@code band + TOLERANCE_METERS} are neighbours. Hexagon centres are exactly {@code √3 · side}
     * apart in theory, but their computed coordinates differ from that by ~1e-12 m; one millimetre decides the
     * default band's neighbours by intent, not by rounding luck, and is far below any real spacing.
     */
    static final double TOLERANCE_METERS = 0.001;

    /** Per unit: neighbours (self included), z, two-sided p, the confidence bin and the bin after FDR. */
    record Result(double bandMeters, int[] neighbours, double[] z, double[] p, int[] bin, int[] fdrBin) {
    }

    private GetisOrdGiStar() {
    }

    /** The standard normal two-sided p-value of {@code z}. */
    static double twoSidedP(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** ArcGIS's Gi_Bin: ±3, ±2, ±1 for p below 0.01, 0.05, 0.10 (99, 95, 90 % confidence), signed as z; else 0. */
    static int bin(double z, double p) {
        int level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
        return z < 0 ? -level : level;
    }

    /**
     * The default band: the smallest distance at which every unit has at least one neighbour other than itself,
     * i.e. the largest nearest-neighbour distance. 0 for fewer than two units.
     */
    static double defaultBandMeters(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double largest = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double best = Double.POSITIVE_INFINITY;
            for (int step = -1; step <= 1; step += 2) {
                for (int m = k + step; m >= 0 && m < n; m += step) {
                    int j = order[m];
                    double dx = x[j] - x[i];
                    if (dx * dx >= best) {
                        break;
                    }
                    double dy = y[j] - y[i];
                    best = Math.min(best, dx * dx + dy * dy);
                }
            }
            largest = Math.max(largest, best);
        }
        return Math.sqrt(largest);
    }

    /** The smallest nearest-neighbour distance: a band below it gives no unit a neighbour. */
    static double smallestNeighbourDistanceMeters(double[] x, double[] y) {
        double smallest = Double.POSITIVE_INFINITY;
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        for (int k = 0; k < n; k++) {
            for (int m = k + 1; m < n; m++) {
                double dx = x[order[m]] - x[order[k]];
                if (dx * dx >= smallest) {
                    break;
                }
                double dy = y[order[m]] - y[order[k]];
                smallest = Math.min(smallest, dx * dx + dy * dy);
            }
        }
        return Math.sqrt(smallest);
    }

    /**
     * For each unit, the units whose centre is within {@code bandMeters} (plus {@link #TOLERANCE_METERS}), itself
     * included, in ascending order. Bucketed by the band, so the cost is n times the neighbours, not n².
     */
    static int[][] neighbours(double[] x, double[] y, double bandMeters) {
        int n = x.length;
        double reach = bandMeters + TOLERANCE_METERS;
        double reach2 = reach * reach;
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            buckets.computeIfAbsent(key((long) Math.floor(x[i] / reach), (long) Math.floor(y[i] / reach)),
                    k -> new ArrayList<>()).add(i);
        }
        int[][] result = new int[n][];
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long bx = (long) Math.floor(x[i] / reach);
            long by = (long) Math.floor(y[i] / reach);
            found.clear();
            for (long gx = bx - 1; gx <= bx + 1; gx++) {
                for (long gy = by - 1; gy <= by + 1; gy++) {
                    List<Integer> bucket = buckets.get(key(gx, gy));
                    if (bucket == null) {
                        continue;
                    }
                    for (int j : bucket) {
                        double dx = x[j] - x[i];
                        double dy = y[j] - y[i];
                        if (dx * dx + dy * dy <= reach2) {
                            found.add(j);
                        }
                    }
                }
            }
            int[] ids = found.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(ids);
            result[i] = ids;
        }
        return result;
    }

    private static long key(long gx, long gy) {
        return (gx << 32) ^ (gy & 0xffffffffL);
    }

    /** Gi* of {@code counts} with the given neighbour lists (binary weights, self included). */
    static Result compute(double[] counts, int[][] neighbours, double bandMeters) {
        int n = counts.length;
        double sum = 0;
        double sumSquares = 0;
        for (double c : counts) {
            sum += c;
            sumSquares += c * c;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        double[] z = new double[n];
        double[] p = new double[n];
        int[] bin = new int[n];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            int w = neighbours[i].length;
            double local = 0;
            for (int j : neighbours[i]) {
                local += counts[j];
            }
            z[i] = zScore(local, w, n, mean, s);
            p[i] = twoSidedP(z[i]);
            bin[i] = bin(z[i], p[i]);
            sizes[i] = w;
        }
        return new Result(bandMeters, sizes, z, p, bin, FalseDiscoveryRate.bins(z, p));
    }

    /** Gi* with binary weights: Σw = Σw² = {@code weights}. */
    static double zScore(double localSum, int weights, int n, double mean, double s) {
        double variance = ((double) n * weights - (double) weights * weights) / (n - 1);
        double denominator = s * Math.sqrt(Math.max(0, variance));
        return denominator > 1e-12 ? (localSum - mean * weights) / denominator : 0;
    }
}
