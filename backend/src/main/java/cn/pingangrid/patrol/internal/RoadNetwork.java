package cn.pingangrid.patrol.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsWeightedGraph;
import org.jgrapht.graph.Pseudograph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.DistanceOp;

import cn.pingangrid.area.RoadEdge;
import cn.pingangrid.geo.MetricProjection;

/**
 * The undirected routing graph of the town's roads, in EPSG:4546 metres. An edge's length is its line's length in
 * metres; its travel time for a mode is length ÷ the speed of its class in that mode ({@code speedKmh}). Immutable
 * and thread-safe once built: snapping points and routing between them works on a copy in which each snapped edge
 * is split at the snap points ({@link #route}).
 */
public final class RoadNetwork {

    static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel(), MetricProjection.SRID);

    /** One road piece between two nodes; {@code line} runs from {@code from} to {@code to}, in metres. */
    record Edge(long id, long from, long to, String roadClass, String name, LineString line) {
        double lengthM() {
            return line.getLength();
        }

        /** The line oriented to start at {@code node}. */
        Coordinate[] coordinatesFrom(long node) {
            Coordinate[] c = line.getCoordinates();
            if (node == from) {
                return c;
            }
            Coordinate[] reversed = new Coordinate[c.length];
            for (int i = 0; i < c.length; i++) {
                reversed[i] = c[c.length - 1 - i];
            }
            return reversed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Edge e && e.id == id;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }

    /** Where a point meets the network: the nearest edge, how far along it, and how far the point is from it. */
    record Snap(Edge edge, double alongM, Coordinate onRoad, double offsetM) {
    }

    /** What the connected-component check found. */
    record Connectivity(int nodes, int edges, int components, int largestNodes) {
        double largestShare() {
            return nodes == 0 ? 0 : (double) largestNodes / nodes;
        }
    }

    private final Graph<Long, Edge> graph;
    private final STRtree index = new STRtree();
    private final ToDoubleBiFunction<TravelMode, String> speedKmh;

    private RoadNetwork(Graph<Long, Edge> graph, ToDoubleBiFunction<TravelMode, String> speedKmh) {
        this.graph = graph;
        this.speedKmh = speedKmh;
        graph.edgeSet().forEach(e -> index.insert(e.line().getEnvelopeInternal(), e));
        index.build();
    }

    /** From the imported roads (lng/lat), projected to EPSG:4546. */
    static RoadNetwork of(List<RoadEdge> roads, ToDoubleBiFunction<TravelMode, String> speedKmh) {
        List<Edge> edges = new ArrayList<>();
        for (RoadEdge road : roads) {
            LineString metric = (LineString) MetricProjection.toMetric(road.line());
            edges.add(new Edge(road.id(), road.fromNode(), road.toNode(), road.roadClass(), road.name(), metric));
        }
        return ofMetric(edges, speedKmh);
    }

    /** From edges already in metres (tests build small hand-made networks this way). */
    static RoadNetwork ofMetric(List<Edge> edges, ToDoubleBiFunction<TravelMode, String> speedKmh) {
        Graph<Long, Edge> graph = new Pseudograph<>(Edge.class);
        for (Edge e : edges) {
            graph.addVertex(e.from());
            graph.addVertex(e.to());
            graph.addEdge(e.from(), e.to(), e);
        }
        return new RoadNetwork(graph, speedKmh);
    }

    Connectivity connectivity() {
        List<Set<Long>> components = new ConnectivityInspector<>(graph).connectedSets();
        int largest = components.stream().mapToInt(Set::size).max().orElse(0);
        return new Connectivity(graph.vertexSet().size(), graph.edgeSet().size(), components.size(), largest);
    }

    java.util.Collection<Edge> edges() {
        return java.util.Collections.unmodifiableSet(graph.edgeSet());
    }

    int edgeCount() {
        return graph.edgeSet().size();
    }

    /** Seconds to travel the edge in the mode. */
    double seconds(Edge edge, TravelMode mode) {
        double kmh = speedKmh.applyAsDouble(mode, edge.roadClass());
        return edge.lengthM() / (kmh / 3.6);
    }

    /** The nearest point of the network to a lng/lat point. */
    Snap snap(Point lngLat) {
        return snapMetric(((Point) MetricProjection.toMetric(lngLat)).getCoordinate());
    }

    Snap snapMetric(Coordinate p) {
        Point point = METRIC.createPoint(p);
        double radius = 200;
        while (true) {
            org.locationtech.jts.geom.Envelope search = new org.locationtech.jts.geom.Envelope(p);
            search.expandBy(radius);
            @SuppressWarnings("unchecked")
            List<Edge> near = index.query(search);
            Edge best = null;
            double bestDistance = Double.MAX_VALUE;
            for (Edge e : near) {
                double d = e.line().distance(point);
                if (d < bestDistance || (d == bestDistance && best != null && e.id() < best.id())) {
                    best = e;
                    bestDistance = d;
                }
            }
            if (best != null && bestDistance <= radius) {
                Coordinate on = DistanceOp.nearestPoints(best.line(), point)[0];
                double along = new LengthIndexedLine(best.line()).indexOf(on);
                return new Snap(best, along, on, bestDistance);
            }
            if (radius > 1e6 || graph.edgeSet().isEmpty()) {
                throw new IllegalStateException("路网为空，无法吸附");
            }
            radius *= 4;
        }
    }

    /**
     * Routing between snapped points: a copy of the graph with every snapped edge split at its snap points (a
     * point at an edge's end uses the node), then one Dijkstra per point. {@code seconds(i, j)} is infinite
     * where j cannot be reached from i.
     */
    Routes route(List<Snap> snaps, TravelMode mode) {
        Graph<Long, Edge> split = new Pseudograph<>(Edge.class);
        Graphs.addGraph(split, graph);
        long[] nodeOf = new long[snaps.size()];
        Map<Edge, List<Integer>> byEdge = new LinkedHashMap<>();
        for (int i = 0; i < snaps.size(); i++) {
            byEdge.computeIfAbsent(snaps.get(i).edge(), e -> new ArrayList<>()).add(i);
        }
        long nextNode = -1;
        long nextEdge = -1;
        final double endTolerance = 0.01;
        for (Map.Entry<Edge, List<Integer>> entry : byEdge.entrySet()) {
            Edge edge = entry.getKey();
            List<Integer> at = new ArrayList<>(entry.getValue());
            at.sort(Comparator.comparingDouble((Integer i) -> snaps.get(i).alongM()).thenComparing(i -> i));
            LengthIndexedLine line = new LengthIndexedLine(edge.line());
            double length = edge.lengthM();
            List<Long> cutNodes = new ArrayList<>();
            List<Double> cutAt = new ArrayList<>();
            for (int i : at) {
                double along = snaps.get(i).alongM();
                if (along <= endTolerance) {
                    nodeOf[i] = edge.from();
                } else if (along >= length - endTolerance) {
                    nodeOf[i] = edge.to();
                } else if (!cutAt.isEmpty() && Math.abs(cutAt.get(cutAt.size() - 1) - along) <= endTolerance) {
                    nodeOf[i] = cutNodes.get(cutNodes.size() - 1);
                } else {
                    long node = nextNode--;
                    cutNodes.add(node);
                    cutAt.add(along);
                    nodeOf[i] = node;
                }
            }
            if (cutNodes.isEmpty()) {
                continue;
            }
            split.removeEdge(edge);
            long previousNode = edge.from();
            double previousAt = 0;
            for (int k = 0; k <= cutNodes.size(); k++) {
                long node = k < cutNodes.size() ? cutNodes.get(k) : edge.to();
                double cut = k < cutNodes.size() ? cutAt.get(k) : length;
                split.addVertex(node);
                LineString piece = (LineString) line.extractLine(previousAt, cut);
                split.addEdge(previousNode, node,
                        new Edge(nextEdge--, previousNode, node, edge.roadClass(), edge.name(), piece));
                previousNode = node;
                previousAt = cut;
            }
        }
        Map<Edge, Double> weights = new HashMap<>();
        split.edgeSet().forEach(e -> weights.put(e, seconds(e, mode)));
        Graph<Long, Edge> weighted = new AsWeightedGraph<>(split, weights);
        DijkstraShortestPath<Long, Edge> dijkstra = new DijkstraShortestPath<>(weighted);
        List<SingleSourcePaths<Long, Edge>> paths = new ArrayList<>();
        for (long node : nodeOf) {
            paths.add(dijkstra.getPaths(node));
        }
        return new Routes(nodeOf, paths);
    }

    /** Shortest paths (by travel time) between the snapped points of one {@link #route} call. */
    static final class Routes {
        private final long[] nodeOf;
        private final List<SingleSourcePaths<Long, Edge>> paths;

        private Routes(long[] nodeOf, List<SingleSourcePaths<Long, Edge>> paths) {
            this.nodeOf = nodeOf;
            this.paths = paths;
        }

        int size() {
            return nodeOf.length;
        }

        /** Travel seconds from point i to point j; infinite where unreachable. */
        double seconds(int i, int j) {
            return i == j || nodeOf[i] == nodeOf[j] ? 0 : paths.get(i).getWeight(nodeOf[j]);
        }

        /** The full matrix of {@link #seconds}. */
        double[][] matrix() {
            double[][] m = new double[size()][size()];
            for (int i = 0; i < size(); i++) {
                for (int j = 0; j < size(); j++) {
                    m[i][j] = seconds(i, j);
                }
            }
            return m;
        }

        /** Metres along the fastest path from i to j. */
        double meters(int i, int j) {
            GraphPath<Long, Edge> path = path(i, j);
            return path == null ? Double.POSITIVE_INFINITY
                    : path.getEdgeList().stream().mapToDouble(Edge::lengthM).sum();
        }

        /** The fastest path's line from i to j, in metres (EPSG:4546); a single point's line when i and j meet. */
        List<Coordinate> line(int i, int j) {
            GraphPath<Long, Edge> path = path(i, j);
            List<Coordinate> out = new ArrayList<>();
            if (path == null) {
                return out;
            }
            List<Long> vertices = path.getVertexList();
            List<Edge> edges = path.getEdgeList();
            for (int k = 0; k < edges.size(); k++) {
                Coordinate[] c = edges.get(k).coordinatesFrom(vertices.get(k));
                for (int n = out.isEmpty() ? 0 : 1; n < c.length; n++) {
                    out.add(c[n]);
                }
            }
            return out;
        }

        private GraphPath<Long, Edge> path(int i, int j) {
            if (nodeOf[i] == nodeOf[j]) {
                return null;
            }
            return paths.get(i).getPath(nodeOf[j]);
        }
    }
}
