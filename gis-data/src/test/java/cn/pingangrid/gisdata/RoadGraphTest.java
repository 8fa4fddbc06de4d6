package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.FastNodingValidator;
import org.locationtech.jts.noding.SegmentString;

class RoadGraphTest {

    private static final Map<String, Integer> SPEEDS = Map.of("national", 60, "provincial", 50, "county", 40,
            "town", 30, "village", 20);

    private final List<CommittedDataset.Feature> roads = CommittedDataset.layer("roads");

    @Test
    void aFewHundredToTwoThousandEdgesWithSensibleProperties() {
        assertTrue(roads.size() >= 200 && roads.size() <= 2000, "edges " + roads.size());
        Set<Integer> ids = new HashSet<>();
        for (CommittedDataset.Feature r : roads) {
            assertTrue(r.geometry() instanceof LineString && r.geometry().isValid());
            assertTrue(ids.add(r.integer("id")), "duplicate id " + r.integer("id"));
            String cls = r.string("roadClass");
            assertTrue(SPEEDS.containsKey(cls), cls);
            assertEquals(SPEEDS.get(cls), r.integer("speedKmh"));
            Object ref = r.properties().get("ref");
            assertTrue(ref == null || ref.equals("G207") || ref.equals("S308"), "ref " + ref);
            if ("G207".equals(ref)) {
                assertEquals("national", cls);
            }
            if ("S308".equals(ref)) {
                assertEquals("provincial", cls);
            }
            assertTrue(r.properties().containsKey("name"));
        }
        for (String cls : SPEEDS.keySet()) {
            assertTrue(roads.stream().anyMatch(r -> r.string("roadClass").equals(cls)), "no " + cls + " road");
        }
    }

    @Test
    void nodesAreSharedExactlyAndConsistently() {
        Map<Integer, Coordinate> nodes = new HashMap<>();
        for (CommittedDataset.Feature r : roads) {
            Coordinate[] c = r.geometry().getCoordinates();
            int from = r.integer("fromNode");
            int to = r.integer("toNode");
            assertNotEquals(from, to, "edge " + r.integer("id") + " is a loop");
            Coordinate known = nodes.putIfAbsent(from, c[0]);
            assertTrue(known == null || known.equals2D(c[0]), "node " + from + " moves");
            known = nodes.putIfAbsent(to, c[c.length - 1]);
            assertTrue(known == null || known.equals2D(c[c.length - 1]), "node " + to + " moves");
        }
        Set<Coordinate> distinct = new HashSet<>(nodes.values());
        assertEquals(nodes.size(), distinct.size(), "two node ids share a position");
    }

    @Test
    void theGraphIsConnected() {
        Map<Integer, Integer> parent = new HashMap<>();
        for (CommittedDataset.Feature r : roads) {
            union(parent, r.integer("fromNode"), r.integer("toNode"));
        }
        Set<Integer> roots = new HashSet<>();
        for (Integer node : parent.keySet()) {
            roots.add(find(parent, node));
        }
        assertEquals(1, roots.size(), "components: " + roots.size());
    }

    @Test
    void edgesMeetOnlyAtTheirEndNodes() {
        List<SegmentString> strings = new ArrayList<>();
        for (CommittedDataset.Feature r : roads) {
            strings.add(new BasicSegmentString(r.geometry().getCoordinates(), r.integer("id")));
        }
        FastNodingValidator validator = new FastNodingValidator(strings);
        assertTrue(validator.isValid(), validator.getErrorMessage());
    }

    @Test
    void trunkRoadsCrossTheTownAndG207CrossesTheRiver() {
        var town = CommittedDataset.layer("town").get(0).geometry();
        var river = CommittedDataset.layer("water").stream().filter(w -> w.string("kind").equals("river"))
                .findFirst().orElseThrow().geometry();
        double g207 = 0;
        double s308 = 0;
        boolean bridge = false;
        for (CommittedDataset.Feature r : roads) {
            assertTrue(town.buffer(1e-6).covers(r.geometry()), "edge " + r.integer("id") + " leaves the town");
            if ("G207".equals(r.properties().get("ref"))) {
                g207 += r.geometry().getLength();
                bridge |= r.geometry().intersects(river);
            }
            if ("S308".equals(r.properties().get("ref"))) {
                s308 += r.geometry().getLength();
            }
        }
        assertTrue(g207 > 0.08, "G207 is too short");
        assertTrue(s308 > 0.12, "S308 is too short");
        assertTrue(bridge, "G207 does not bridge the river");
        assertFalse(roads.stream().filter(r -> !"G207".equals(r.properties().get("ref")))
                .filter(r -> r.geometry().intersects(river)).count() > 6, "too many bridges");
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent.put(ra, rb);
        }
    }

    private static int find(Map<Integer, Integer> parent, int a) {
        while (parent.get(a) != a) {
            a = parent.get(a);
        }
        return a;
    }
}
