package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class CodeSchemeTest {

    @Test
    void villageCodesAreTownCodePlusThreeDigitsAndUnique() {
        assertUniqueAndMatching(CommittedDataset.layer("villages"), "code", Pattern.compile("430922117\\d{3}"));
    }

    @Test
    void gridCodesAreVillageCodePlusTwoDigitsAndUnique() {
        Set<String> villages = codes(CommittedDataset.layer("villages"));
        assertUniqueAndMatching(CommittedDataset.layer("grids"), "code", Pattern.compile("430922117\\d{5}"));
        for (CommittedDataset.Feature g : CommittedDataset.layer("grids")) {
            String code = g.string("code");
            assertTrue(villages.contains(g.string("villageCode")), code);
            assertTrue(code.startsWith(g.string("villageCode")), code);
            assertEquals(g.integer("seq"), Integer.parseInt(code.substring(12)), code);
            assertTrue(g.integer("seq") >= 1, code);
            String villageName = CommittedDataset.layer("villages").stream()
                    .filter(v -> v.string("code").equals(g.string("villageCode"))).findFirst().orElseThrow()
                    .string("name");
            assertEquals(villageName + String.format("第%02d网格", g.integer("seq")), g.string("name"));
        }
    }

    @Test
    void gridSequencesRunFromOneWithoutGaps() {
        for (var e : GridTilingTest.gridsByVillage().entrySet()) {
            Set<Integer> seqs = new HashSet<>();
            e.getValue().forEach(g -> seqs.add(g.integer("seq")));
            for (int i = 1; i <= e.getValue().size(); i++) {
                assertTrue(seqs.contains(i), e.getKey() + " lacks grid " + i);
            }
        }
    }

    @Test
    void buildingCodesAreGridCodePlusFiveDigitsAndUnique() {
        Set<String> grids = codes(CommittedDataset.layer("grids"));
        assertUniqueAndMatching(CommittedDataset.layer("buildings"), "code", Pattern.compile("430922117\\d{10}"));
        for (CommittedDataset.Feature b : CommittedDataset.layer("buildings")) {
            assertTrue(grids.contains(b.string("gridCode")), b.string("code"));
            assertTrue(b.string("code").startsWith(b.string("gridCode")), b.string("code"));
            assertTrue(Integer.parseInt(b.string("code").substring(14)) >= 1, b.string("code"));
        }
    }

    @Test
    void villagesAreNumberedNorthToSouthInRows() {
        List<CommittedDataset.Feature> villages = CommittedDataset.layer("villages");
        double firstLat = villages.get(0).geometry().getInteriorPoint().getY();
        double lastLat = villages.get(villages.size() - 1).geometry().getInteriorPoint().getY();
        assertTrue(firstLat > lastLat, "001 should lie north of 017");
        for (int i = 0; i < villages.size(); i++) {
            assertEquals(String.format("430922117%03d", i + 1), villages.get(i).string("code"));
        }
    }

    private static void assertUniqueAndMatching(List<CommittedDataset.Feature> features, String property,
                                                Pattern pattern) {
        Set<String> seen = new HashSet<>();
        for (CommittedDataset.Feature f : features) {
            String code = f.string(property);
            assertTrue(pattern.matcher(code).matches(), "malformed code " + code);
            assertTrue(seen.add(code), "duplicate code " + code);
        }
    }

    private static Set<String> codes(List<CommittedDataset.Feature> features) {
        Set<String> codes = new HashSet<>();
        features.forEach(f -> codes.add(f.string("code")));
        return codes;
    }
}
