package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void regeneratingGivesTheCommittedFilesByteForByte() {
        Map<String, String> generated = DaligangGenerator.render();
        assertEquals(9, generated.size());
        for (Map.Entry<String, String> e : generated.entrySet()) {
            String committed = CommittedDataset.text(e.getKey());
            assertTrue(committed.equals(e.getValue()), e.getKey() + " differs from a fresh run: regenerate with "
                    + "the command in gis-data/README.md, or find the non-determinism");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void metadataCountsMatchTheFiles() {
        Map<String, Object> metadata = (Map<String, Object>) CommittedDataset.parseJson(
                CommittedDataset.text("metadata.json"));
        assertEquals("EPSG:4326 (CGCS2000, EPSG:4490, equal at this scale)", metadata.get("crs"));
        assertEquals((double) TownSpec.DALIGANG_SEED, metadata.get("seed"));
        assertEquals(DaligangGenerator.class.getName(), metadata.get("generator"));
        assertEquals(Boolean.TRUE, metadata.get("synthetic"));
        assertTrue(((String) metadata.get("codeSystem")).contains("430922104"));
        Map<String, Object> counts = (Map<String, Object>) metadata.get("counts");
        for (String layer : TownFeatures.LAYERS) {
            assertEquals((double) CommittedDataset.layer(layer).size(), counts.get(layer + ".geojson"), layer);
        }
    }
}
