package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;

/**
 * Turns noded road pieces into the published graph: pieces of one road meeting at a node of degree two are
 * merged into one edge, closed loops are split in two (every edge joins two distinct nodes), only the largest
 * connected component is kept, and edges and nodes are numbered in a fixed order (class, ref, name, position).
 */
final class RoadGraph {

    private record Chain(int road, List<Coordinate> coords) {
    }

    private final List<RoadNetworkBuilder.Road> roads;
    private final List<Chain> chains = new ArrayList<>();

    private RoadGraph(List<RoadNetworkBuilder.Road> roads) {
        this.roads = roads;
    }

    /**
     * @param lines noded pieces that meet only at their end points
     * @param owner index into {@code roads} of the road each piece belongs to
     */
    static RoadGraph of(List<Coordinate[]> lines, List<Integer> owner, List<RoadNetworkBuilder.Road> roads) {
        RoadGraph graph = new RoadGraph(roads);
        graph.merge(lines, owner);
        return graph;
    }

    private void merge(List<Coordinate[]> lines, List<Integer> owner) {
        Map<Coordinate, Integer> nodeIds = new HashMap<>();
        List<List<Integer>> incident = new ArrayList<>();
        int[][] ends = new int[lines.size()][2];
        for (int e = 0; e < lines.size(); e++) {
            Coordinate[] pts = lines.get(e);
            for (int k = 0; k < 2; k++) {
                Coordinate c = k == 0 ? pts[0] : pts[pts.length - 1];
                Integer id = nodeIds.get(c);
                if (id == null) {
                    id = incident.size();
                    nodeIds.put(c, id);
                    incident.add(new ArrayList<>());
                }
                ends[e][k] = id;
                incident.get(id).add(e);
            }
        }
        boolean[] junction = new boolean[incident.size()];
        for (int n = 0; n < incident.size(); n++) {
            List<Integer> es = incident.get(n);
            junction[n] = es.size() != 2 || es.get(0).equals(es.get(1))
                    || !RoadNetworkBuilder.sameRoad(roads.get(owner.get(es.get(0))), roads.get(owner.get(es.get(1))));
        }
        boolean[] used = new boolean[lines.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int n = 0; n < incident.size(); n++) {
                if (pass == 0 && !junction[n]) {
                    continue;
                }
                for (int e : incident.get(n)) {
                    if (used[e]) {
                        continue;
                    }
                    List<Coordinate> coords = new ArrayList<>();
                    int cur = n;
                    int edge = e;
                    while (true) {
                        used[edge] = true;
                        Coordinate[] pts = lines.get(edge);
                        boolean forward = ends[edge][0] == cur;
                        for (int i = coords.isEmpty() ? 0 : 1; i < pts.length; i++) {
                            coords.add(pts[forward ? i : pts.length - 1 - i]);
                        }
                        int next = forward ? ends[edge][1] : ends[edge][0];
                        if (junction[next] || next == n) {
                            break;
                        }
                        int following = -1;
                        for (int f : incident.get(next)) {
                            if (!used[f]) {
                                following = f;
                            }
                        }
                        if (following < 0) {
                            break;
                        }
                        cur = next;
                        edge = following;
                    }
                    addChain(owner.get(e), coords);
                }
            }
        }
    }

    private void addChain(int road, List<Coordinate> coords) {
        if (coords.get(0).equals2D(coords.get(coords.size() - 1))) {
            if (coords.size() < 4) {
                return;
            }
            int mid = coords.size() / 2;
            chains.add(new Chain(road, new ArrayList<>(coords.subList(0, mid + 1))));
            chains.add(new Chain(road, new ArrayList<>(coords.subList(mid, coords.size()))));
        } else {
            chains.add(new Chain(road, coords));
        }
    }

    RoadNetworkBuilder.Network network() {
        Map<Coordinate, Integer> nodeIds = new HashMap<>();
        List<Coordinate> nodes = new ArrayList<>();
        int[][] ends = new int[chains.size()][2];
        for (int e = 0; e < chains.size(); e++) {
            List<Coordinate> c = chains.get(e).coords();
            ends[e][0] = nodeIds.computeIfAbsent(c.get(0), k -> { nodes.add(k); return nodes.size() - 1; });
            ends[e][1] = nodeIds.computeIfAbsent(c.get(c.size() - 1), k -> { nodes.add(k); return nodes.size() - 1; });
        }
        int[] parent = new int[nodes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] e : ends) {
            int a = find(parent, e[0]);
            int b = find(parent, e[1]);
            if (a != b) {
                parent[StrictMath.max(a, b)] = StrictMath.min(a, b);
            }
        }
        int[] size = new int[nodes.size()];
        for (int[] e : ends) {
            size[find(parent, e[0])]++;
        }
        int main = 0;
        for (int i = 0; i < size.length; i++) {
            if (size[i] > size[main]) {
                main = i;
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int e = 0; e < chains.size(); e++) {
            if (find(parent, ends[e][0]) == main) {
                kept.add(e);
            }
        }
        Comparator<Integer> order = Comparator
                .comparingInt((Integer e) -> roads.get(chains.get(e).road()).roadClass().ordinal())
                .thenComparing(e -> nullLast(roads.get(chains.get(e).road()).ref()))
                .thenComparing(e -> nullLast(roads.get(chains.get(e).road()).name()))
                .thenComparingDouble(e -> -chains.get(e).coords().get(0).y)
                .thenComparingDouble(e -> chains.get(e).coords().get(0).x)
                .thenComparingDouble(e -> -last(chains.get(e).coords()).y)
                .thenComparingDouble(e -> last(chains.get(e).coords()).x)
                .thenComparingInt(e -> chains.get(e).coords().size());
        kept.sort(order);
        Map<Coordinate, Integer> finalIds = new HashMap<>();
        List<Coordinate> finalNodes = new ArrayList<>();
        List<RoadNetworkBuilder.Edge> edges = new ArrayList<>();
        for (int e : kept) {
            Chain chain = chains.get(e);
            RoadNetworkBuilder.Road road = roads.get(chain.road());
            Coordinate a = chain.coords().get(0);
            Coordinate b = last(chain.coords());
            int from = finalIds.computeIfAbsent(a, k -> { finalNodes.add(k); return finalNodes.size() - 1; });
            int to = finalIds.computeIfAbsent(b, k -> { finalNodes.add(k); return finalNodes.size() - 1; });
            edges.add(new RoadNetworkBuilder.Edge(road.roadClass(), road.ref(), road.name(),
                    MetricGrid.FACTORY.createLineString(chain.coords().toArray(Coordinate[]::new)), from, to));
        }
        return new RoadNetworkBuilder.Network(edges, finalNodes);
    }

    private static String nullLast(String s) {
        return s == null ? "\uffff" : s;
    }

    private static Coordinate last(List<Coordinate> c) {
        return c.get(c.size() - 1);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
