package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

class PlacesTest {

    private static final Set<String> KINDS = Set.of("government", "police", "hospital", "ferry", "scenic", "mine",
            "hydropower", "school");

    /** Place name to the village it must lie in, where the name says so. */
    private static final Map<String, String> NAMED_VILLAGE = Map.of("九湖渡口", "九湖村", "牛蹄山", "牛蹄村",
            "首溪金矿", "首溪村", "九湖小学", "九湖村", "栗山河小学", "栗山河村", "大栗港镇人民政府", "大栗港社区",
            "大栗港派出所", "大栗港社区", "大栗港镇卫生院", "大栗港社区");

    private final List<CommittedDataset.Feature> places = CommittedDataset.layer("places");

    private CommittedDataset.Feature place(String name) {
        return places.stream().filter(p -> p.string("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is missing"));
    }

    private CommittedDataset.Feature village(String code) {
        return CommittedDataset.layer("villages").stream().filter(v -> v.string("code").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("unknown village " + code));
    }

    @Test
    void theRequiredPlacesExistWithTheirKinds() {
        assertEquals("government", place("大栗港镇人民政府").string("kind"));
        assertEquals("police", place("大栗港派出所").string("kind"));
        assertEquals("hospital", place("大栗港镇卫生院").string("kind"));
        assertEquals("ferry", place("九湖渡口").string("kind"));
        assertEquals("scenic", place("牛蹄山").string("kind"));
        assertEquals("scenic", place("无极寺").string("kind"));
        assertEquals("mine", place("首溪金矿").string("kind"));
        assertEquals("hydropower", place("沂溪河水电站").string("kind"));
        assertTrue(places.stream().filter(p -> p.string("kind").equals("school")).count() >= 2);
        for (CommittedDataset.Feature p : places) {
            assertTrue(KINDS.contains(p.string("kind")), p.string("kind"));
            assertTrue(p.geometry() instanceof Point);
        }
    }

    @Test
    void everyPlaceLiesInTheTownAndInTheVillageItNames() {
        Geometry town = CommittedDataset.layer("town").get(0).geometry();
        for (CommittedDataset.Feature p : places) {
            assertTrue(town.contains(p.geometry()), p.string("name") + " is outside the town");
            assertTrue(village(p.string("villageCode")).geometry().covers(p.geometry()),
                    p.string("name") + " is not in village " + p.string("villageCode"));
        }
        for (Map.Entry<String, String> e : NAMED_VILLAGE.entrySet()) {
            assertEquals(e.getValue(), village(place(e.getKey()).string("villageCode")).string("name"), e.getKey());
        }
    }

    @Test
    void theFerryIsOnTheRiverBankAndTheHydropowerStationOnTheYixi() {
        GaussKrugerProjection projection = new GaussKrugerProjection();
        Geometry river = projection.toMetric(CommittedDataset.layer("water").stream()
                .filter(w -> w.string("kind").equals("river")).findFirst().orElseThrow().geometry());
        Geometry stream = projection.toMetric(CommittedDataset.layer("water").stream()
                .filter(w -> w.string("kind").equals("stream")).findFirst().orElseThrow().geometry());
        Geometry ferry = projection.toMetric(place("九湖渡口").geometry());
        assertFalse(river.contains(ferry), "the ferry landing is in the water");
        assertTrue(river.distance(ferry) < 100, "the ferry landing is " + river.distance(ferry) + " m from the river");
        Geometry hydro = projection.toMetric(place("沂溪河水电站").geometry());
        assertTrue(stream.distance(hydro) < 100, "the station is " + stream.distance(hydro) + " m from the 沂溪");
    }
}
