package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class GridTilingTest {

    static Map<String, List<CommittedDataset.Feature>> gridsByVillage() {
        Map<String, List<CommittedDataset.Feature>> byVillage = new LinkedHashMap<>();
        for (CommittedDataset.Feature v : CommittedDataset.layer("villages")) {
            byVillage.put(v.string("code"), new ArrayList<>());
        }
        for (CommittedDataset.Feature g : CommittedDataset.layer("grids")) {
            List<CommittedDataset.Feature> list = byVillage.get(g.string("villageCode"));
            assertTrue(list != null, "grid " + g.string("code") + " names an unknown village");
            list.add(g);
        }
        return byVillage;
    }

    @Test
    void everyVillageHasFourToTwelveGridsAndTheCommunityUpToTwenty() {
        Map<String, List<CommittedDataset.Feature>> byVillage = gridsByVillage();
        for (CommittedDataset.Feature v : CommittedDataset.layer("villages")) {
            int n = byVillage.get(v.string("code")).size();
            if (v.string("kind").equals("community")) {
                assertTrue(n >= 12 && n <= 20, v.string("name") + " has " + n + " grids");
            } else {
                assertTrue(n >= 4 && n <= 12, v.string("name") + " has " + n + " grids");
            }
        }
    }

    @Test
    void gridsOfEachVillageFormAValidCoverage() {
        for (Map.Entry<String, List<CommittedDataset.Feature>> e : gridsByVillage().entrySet()) {
            Geometry[] grids = VillageTilingTest.geometries(e.getValue());
            for (Geometry g : grids) {
                assertTrue(g instanceof Polygon && g.isValid() && ((Polygon) g).getNumInteriorRing() == 0,
                        "a grid of " + e.getKey() + " is not a simple valid polygon");
            }
            Geometry[] invalid = CoverageValidator.validate(grids);
            for (int i = 0; i < invalid.length; i++) {
                assertNull(invalid[i], "invalid edges in grid " + e.getValue().get(i).string("code"));
            }
        }
    }

    @Test
    void gridsOfEachVillageUnionToTheVillage() {
        Map<String, List<CommittedDataset.Feature>> byVillage = gridsByVillage();
        for (CommittedDataset.Feature v : CommittedDataset.layer("villages")) {
            Geometry union = CoverageUnion.union(VillageTilingTest.geometries(byVillage.get(v.string("code"))));
            assertEquals(0, union.symDifference(v.geometry()).getArea(), VillageTilingTest.SAME_AREA,
                    v.string("name"));
        }
    }

    @Test
    void allGridsTogetherFormAValidCoverageOfTheTown() {
        Geometry[] grids = VillageTilingTest.geometries(CommittedDataset.layer("grids"));
        for (Geometry invalid : CoverageValidator.validate(grids)) {
            assertNull(invalid);
        }
        Geometry union = CoverageUnion.union(grids);
        assertEquals(0, union.symDifference(CommittedDataset.layer("town").get(0).geometry()).getArea(),
                VillageTilingTest.SAME_AREA);
    }
}
