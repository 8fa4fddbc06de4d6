package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class NeighbourRingTest {

    private final List<CommittedDataset.Feature> neighbours = CommittedDataset.layer("neighbours");
    private final Geometry town = CommittedDataset.layer("town").get(0).geometry();

    @Test
    void threeToFiveIllustrativeNeighbours() {
        assertTrue(neighbours.size() >= 3 && neighbours.size() <= 5, "neighbours " + neighbours.size());
        for (CommittedDataset.Feature n : neighbours) {
            assertTrue(n.geometry() instanceof Polygon && n.geometry().isValid(), n.string("name"));
            assertEquals(Boolean.TRUE, n.properties().get("illustrative"));
            assertTrue(n.properties().get("countyBorder") instanceof Boolean);
            assertTrue(n.string("county") != null && n.string("name") != null);
        }
    }

    @Test
    void townAndNeighboursFormAValidCoverage() {
        List<Geometry> coverage = new ArrayList<>();
        coverage.add(town);
        neighbours.forEach(n -> coverage.add(n.geometry()));
        Geometry[] invalid = CoverageValidator.validate(coverage.toArray(Geometry[]::new));
        for (int i = 0; i < invalid.length; i++) {
            assertNull(invalid[i], "invalid edges in " + (i == 0 ? "the town" : neighbours.get(i - 1).string("name")));
        }
    }

    @Test
    void neighboursSurroundTheTownSharingItsWholeOutline() {
        double shared = 0;
        for (CommittedDataset.Feature n : neighbours) {
            double length = n.geometry().intersection(town).getLength();
            assertTrue(length > 0, n.string("name") + " does not touch the town");
            shared += length;
        }
        assertEquals(town.getLength(), shared, 1e-6);
    }

    @Test
    void majitangLiesWestInTheSameCounty() {
        CommittedDataset.Feature majitang = neighbours.stream().filter(n -> n.string("name").equals("马迹塘镇"))
                .findFirst().orElseThrow(() -> new AssertionError("马迹塘镇 is missing"));
        assertEquals("桃江县", majitang.string("county"));
        assertEquals(Boolean.FALSE, majitang.properties().get("countyBorder"));
        assertTrue(majitang.geometry().getCentroid().getX() < town.getEnvelopeInternal().getMinX() + 0.02,
                "马迹塘镇 is not to the west");
    }

    @Test
    void atLeastOneNeighbourIsAcrossTheCountyBorder() {
        assertTrue(neighbours.stream().anyMatch(n -> Boolean.TRUE.equals(n.properties().get("countyBorder"))
                && !n.string("county").equals("桃江县")));
        for (CommittedDataset.Feature n : neighbours) {
            assertEquals(!n.string("county").equals("桃江县"), n.properties().get("countyBorder"), n.string("name"));
        }
    }
}
