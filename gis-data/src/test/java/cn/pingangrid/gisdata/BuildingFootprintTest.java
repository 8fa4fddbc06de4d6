package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

class BuildingFootprintTest {

    private static final Set<String> USES = Set.of("residential", "commercial", "public", "industrial", "farm");

    private final List<CommittedDataset.Feature> buildings = CommittedDataset.layer("buildings");

    @Test
    void aboutFifteenThousandValidRectangles() {
        assertTrue(buildings.size() >= 13_000 && buildings.size() <= 17_000, "count " + buildings.size());
        GaussKrugerProjection projection = new GaussKrugerProjection();
        for (CommittedDataset.Feature b : buildings) {
            assertTrue(b.geometry() instanceof Polygon && b.geometry().isValid(), b.string("code"));
            assertEquals(5, b.geometry().getNumPoints(), b.string("code") + " is not a quadrilateral");
            Geometry metric = projection.toMetric(b.geometry());
            double[] sides = sides(metric);
            for (double side : sides) {
                assertTrue(side >= 5.5 && side <= 65, b.string("code") + " side " + side);
            }
        }
    }

    @Test
    void propertiesAreSensibleAndMostlyTwoOrThreeFloorHouses() {
        int residential = 0;
        int twoOrThree = 0;
        for (CommittedDataset.Feature b : buildings) {
            assertTrue(USES.contains(b.string("use")), b.string("use"));
            int floors = b.integer("floors");
            assertTrue(floors >= 1 && floors <= 6, "floors " + floors);
            if (b.string("use").equals("residential")) {
                residential++;
            }
            if (floors == 2 || floors == 3) {
                twoOrThree++;
            }
        }
        assertTrue(residential > buildings.size() * 0.7, "residential " + residential);
        assertTrue(twoOrThree > buildings.size() / 2, "2-3 floors " + twoOrThree);
        for (String use : USES) {
            assertTrue(buildings.stream().anyMatch(b -> b.string("use").equals(use)), "no " + use + " building");
        }
    }

    @Test
    void everyBuildingLiesInExactlyOneGridTheOneItNames() {
        STRtree index = new STRtree();
        Map<String, PreparedGeometry> byCode = new HashMap<>();
        for (CommittedDataset.Feature g : CommittedDataset.layer("grids")) {
            PreparedGeometry p = PreparedGeometryFactory.prepare(g.geometry());
            byCode.put(g.string("code"), p);
            index.insert(g.geometry().getEnvelopeInternal(), new Object[] {g.string("code"), p});
        }
        for (CommittedDataset.Feature b : buildings) {
            PreparedGeometry own = byCode.get(b.string("gridCode"));
            assertNotNull(own, b.string("code") + " names an unknown grid");
            assertTrue(own.covers(b.geometry()), b.string("code") + " is not inside its grid");
            for (Object o : index.query(b.geometry().getEnvelopeInternal())) {
                Object[] entry = (Object[]) o;
                if (entry[0].equals(b.string("gridCode"))) {
                    continue;
                }
                PreparedGeometry other = (PreparedGeometry) entry[1];
                assertFalse(other.intersects(b.geometry())
                                && other.getGeometry().relate(b.geometry(), "T********"),
                        b.string("code") + " reaches into grid " + entry[0]);
            }
        }
    }

    @Test
    void noTwoBuildingsOverlap() {
        STRtree index = new STRtree();
        for (CommittedDataset.Feature b : buildings) {
            index.insert(b.geometry().getEnvelopeInternal(), b);
        }
        for (CommittedDataset.Feature b : buildings) {
            for (Object o : index.query(b.geometry().getEnvelopeInternal())) {
                if (o != b) {
                    assertFalse(((CommittedDataset.Feature) o).geometry().intersects(b.geometry()),
                            b.string("code") + " overlaps " + ((CommittedDataset.Feature) o).string("code"));
                }
            }
        }
    }

    @Test
    void buildingsStandInsideTheTownAndOutOfTheRiver() {
        PreparedGeometry town = PreparedGeometryFactory.prepare(CommittedDataset.layer("town").get(0).geometry());
        Geometry river = CommittedDataset.layer("water").stream().filter(w -> w.string("kind").equals("river"))
                .findFirst().orElseThrow().geometry();
        PreparedGeometry water = PreparedGeometryFactory.prepare(river);
        for (CommittedDataset.Feature b : buildings) {
            assertTrue(town.covers(b.geometry()), b.string("code") + " is outside the town");
            assertFalse(water.intersects(b.geometry()), b.string("code") + " stands in the river");
        }
    }

    @Test
    void theTownCentreIsDenserThanTheVillages() {
        Map<String, Integer> perVillage = new HashMap<>();
        for (CommittedDataset.Feature b : buildings) {
            perVillage.merge(b.string("gridCode").substring(0, 12), 1, Integer::sum);
        }
        GaussKrugerProjection projection = new GaussKrugerProjection();
        double community = 0;
        double villages = 0;
        double villageArea = 0;
        for (CommittedDataset.Feature v : CommittedDataset.layer("villages")) {
            double km2 = projection.toMetric(v.geometry()).getArea() / 1e6;
            int n = perVillage.getOrDefault(v.string("code"), 0);
            assertTrue(n > 100, v.string("name") + " has only " + n + " buildings");
            if (v.string("kind").equals("community")) {
                community = n / km2;
            } else {
                villages += n;
                villageArea += km2;
            }
        }
        assertTrue(community > 3 * villages / villageArea, "community density " + community);
    }

    private static double[] sides(Geometry rectangle) {
        var c = rectangle.getCoordinates();
        return new double[] {c[0].distance(c[1]), c[1].distance(c[2]), c[2].distance(c[3]), c[3].distance(c[0])};
    }
}
