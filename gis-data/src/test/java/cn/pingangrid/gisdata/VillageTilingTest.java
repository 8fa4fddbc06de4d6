package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class VillageTilingTest {

    /** The names the plan may use: 16 historical village names plus the community. */
    private static final Set<String> NAMES = Set.of("小栗港村", "栗山河村", "筑金坝村", "九湖村", "童子山村", "德茂园村",
            "马鞭溪村", "金盆村", "瑜家桥村", "首溪村", "兴坪村", "官村村", "白泥村", "红岩咀村", "花园楼村", "牛蹄村", "大栗港社区");

    /** Symmetric difference below this (square degrees, ~1 m²) counts as equal. */
    static final double SAME_AREA = 1e-10;

    @Test
    void seventeenVillagesOfWhichOneCommunity() {
        List<CommittedDataset.Feature> villages = CommittedDataset.layer("villages");
        assertEquals(17, villages.size());
        long communities = villages.stream().filter(v -> v.string("kind").equals("community")).count();
        assertEquals(1, communities);
        for (CommittedDataset.Feature v : villages) {
            String name = v.string("name");
            assertTrue(NAMES.contains(name), name);
            if (v.string("kind").equals("community")) {
                assertEquals("大栗港社区", name);
            } else {
                assertEquals("village", v.string("kind"));
                assertTrue(name.endsWith("村"), name);
            }
            assertTrue(v.integer("population") > 0 && v.integer("households") > 0, name);
            double perHousehold = (double) v.integer("population") / v.integer("households");
            assertTrue(perHousehold > 2.5 && perHousehold < 4.5, name + " " + perHousehold);
        }
        assertEquals(17, villages.stream().map(v -> v.string("name")).distinct().count());
    }

    @Test
    void villagePopulationsAddUpToTheTown() {
        int sum = CommittedDataset.layer("villages").stream().mapToInt(v -> v.integer("population")).sum();
        assertEquals(CommittedDataset.layer("town").get(0).integer("population"), sum);
    }

    @Test
    void eachVillageIsOneValidPolygonWithoutHoles() {
        for (CommittedDataset.Feature v : CommittedDataset.layer("villages")) {
            assertTrue(v.geometry() instanceof Polygon, v.string("name"));
            assertTrue(v.geometry().isValid(), v.string("name"));
            assertEquals(0, ((Polygon) v.geometry()).getNumInteriorRing(), v.string("name"));
        }
    }

    @Test
    void villagesFormAValidCoverage() {
        Geometry[] coverage = geometries(CommittedDataset.layer("villages"));
        Geometry[] invalid = CoverageValidator.validate(coverage);
        for (int i = 0; i < invalid.length; i++) {
            assertEquals(null, invalid[i], "invalid edges in " + CommittedDataset.layer("villages").get(i).string("name"));
        }
    }

    @Test
    void unionOfVillagesIsTheTown() {
        Geometry union = CoverageUnion.union(geometries(CommittedDataset.layer("villages")));
        Geometry town = CommittedDataset.layer("town").get(0).geometry();
        assertTrue(union instanceof Polygon);
        assertEquals(0, union.symDifference(town).getArea(), SAME_AREA);
        double sum = CommittedDataset.layer("villages").stream().mapToDouble(v -> v.geometry().getArea()).sum();
        assertEquals(town.getArea(), sum, SAME_AREA, "villages overlap or leave gaps");
    }

    @Test
    void villageSizesAreRealistic() {
        GaussKrugerProjection projection = new GaussKrugerProjection();
        for (CommittedDataset.Feature v : CommittedDataset.layer("villages")) {
            double km2 = projection.toMetric(v.geometry()).getArea() / 1e6;
            if (v.string("kind").equals("community")) {
                assertTrue(km2 >= 3 && km2 <= 5, v.string("name") + " " + km2);
            } else {
                assertTrue(km2 >= 6 && km2 <= 15, v.string("name") + " " + km2);
            }
        }
    }

    static Geometry[] geometries(List<CommittedDataset.Feature> features) {
        List<Geometry> list = new ArrayList<>();
        for (CommittedDataset.Feature f : features) {
            list.add(f.geometry());
        }
        return list.toArray(Geometry[]::new);
    }
}
