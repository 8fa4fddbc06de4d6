package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The benchmark county's invariants, on the small spec (2 towns, ~50 grids, 3,000 buildings, 5,000 disputes) so
 * that it runs in seconds; the Taojiang spec is the same code with larger numbers.
 */
class CountyTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 30);
    /** Symmetric difference or area mismatch below this (square degrees, ~1 m²) counts as equal. */
    private static final double SAME_AREA = 1e-10;

    private static County county;
    private static List<County.Dispute> disputes;

    @BeforeAll
    static void generate() {
        county = County.generate(County.Spec.small(END));
        disputes = new ArrayList<>();
        county.disputes(disputes::add);
    }

    @Test
    void countsPerTownAreWithinBounds() {
        County.Spec spec = county.spec();
        assertEquals(spec.towns(), county.towns().size());
        for (County.Town t : county.towns()) {
            long villages = county.villages().stream().filter(v -> v.townCode().equals(t.code())).count();
            assertTrue(villages >= 2 && villages <= 2 * spec.villagesPerTown(), t.name() + ": " + villages);
            assertEquals(1, county.villages().stream()
                    .filter(v -> v.townCode().equals(t.code()) && v.kind().equals("community")).count(), t.name());
            long grids = county.grids().stream().filter(g -> g.code().startsWith(t.code())).count();
            double share = t.boundary().getArea() / county.boundary().getArea();
            assertTrue(grids >= 0.5 * share * spec.grids() && grids <= 2 * share * spec.grids(), t.name() + ": " + grids);
            int people = county.villages().stream().filter(v -> v.townCode().equals(t.code()))
                    .mapToInt(County.Village::population).sum();
            assertEquals(t.population(), people, t.name());
        }
        assertTrue(county.buildings().size() >= 0.95 * spec.buildings() && county.buildings().size() <= spec.buildings(),
                "buildings: " + county.buildings().size());
        assertEquals(spec.disputes(), disputes.size());
        assertFalse(county.roads().isEmpty());
    }

    @Test
    void codesFollowTheNationalPatternAndAreUnique() {
        Set<String> codes = new HashSet<>();
        for (County.Town t : county.towns()) {
            assertTrue(t.code().matches("4309229\\d\\d"), t.code());
            assertTrue(codes.add(t.code()));
        }
        for (County.Village v : county.villages()) {
            assertTrue(v.code().matches("\\d{12}") && v.code().startsWith(v.townCode()), v.code());
            assertTrue(codes.add(v.code()));
        }
        for (County.Grid g : county.grids()) {
            assertTrue(g.code().matches("\\d{14}") && g.code().startsWith(g.villageCode()), g.code());
            assertTrue(codes.add(g.code()));
        }
        for (County.Building b : county.buildings()) {
            assertTrue(b.code().matches("\\d{19}") && b.code().startsWith(b.gridCode()), b.code());
            assertTrue(codes.add(b.code()));
        }
    }

    @Test
    void townsTileTheCounty() {
        assertTiles(county.boundary(), county.towns().stream().map(t -> (Geometry) t.boundary()).toList(), "county");
    }

    @Test
    void villagesTileTheirTown() {
        for (County.Town t : county.towns()) {
            assertTiles(t.boundary(), county.villages().stream().filter(v -> v.townCode().equals(t.code()))
                    .map(v -> (Geometry) v.boundary()).toList(), t.name());
        }
    }

    @Test
    void gridsTileTheirVillage() {
        for (County.Village v : county.villages()) {
            assertTiles(v.boundary(), county.grids().stream().filter(g -> g.villageCode().equals(v.code()))
                    .map(g -> (Geometry) g.boundary()).toList(), v.name());
        }
    }

    @Test
    void everyBuildingLiesInsideItsGridAndApartFromTheOthers() {
        Map<String, PreparedGeometry> grids = prepared(county.grids(), County.Grid::code, County.Grid::boundary);
        for (County.Building b : county.buildings()) {
            assertTrue(b.footprint().isValid(), b.code());
            assertTrue(grids.get(b.gridCode()).containsProperly(b.footprint()), b.code() + " outside its grid");
        }
        org.locationtech.jts.index.strtree.STRtree index = new org.locationtech.jts.index.strtree.STRtree();
        county.buildings().forEach(b -> index.insert(b.footprint().getEnvelopeInternal(), b));
        for (County.Building b : county.buildings()) {
            for (Object o : index.query(b.footprint().getEnvelopeInternal())) {
                County.Building other = (County.Building) o;
                assertTrue(other == b || !other.footprint().intersects(b.footprint()), b.code() + " overlaps " + other.code());
            }
        }
    }

    @Test
    void everyDisputeLiesInsideItsGridAndBuilding() {
        Map<String, PreparedGeometry> grids = prepared(county.grids(), County.Grid::code, County.Grid::boundary);
        Map<String, PreparedGeometry> buildings = prepared(county.buildings(), County.Building::code,
                County.Building::footprint);
        Map<String, String> villageOfGrid = new HashMap<>();
        county.grids().forEach(g -> villageOfGrid.put(g.code(), g.villageCode()));
        long id = 0;
        for (County.Dispute d : disputes) {
            assertEquals(++id, d.id());
            assertEquals(4326, d.location().getSRID());
            assertTrue(grids.get(d.gridCode()).contains(d.location()), d.id() + " outside its grid");
            assertEquals(villageOfGrid.get(d.gridCode()), d.villageCode());
            if (d.buildingCode() != null) {
                assertTrue(buildings.get(d.buildingCode()).covers(d.location()), d.id() + " outside its building");
            }
        }
    }

    @Test
    void disputeDatesAndOutcomesAreConsistent() {
        LocalDate start = END.minusYears(county.spec().historyYears());
        for (County.Dispute d : disputes) {
            String id = String.valueOf(d.id());
            assertTrue(d.sweptOn().isAfter(start) && !d.sweptOn().isAfter(END), id);
            assertFalse(d.occurredOn().isAfter(d.sweptOn()), id);
            boolean concluded = Set.of("RESOLVED", "CLOSED", "FOLLOWED_UP").contains(d.status());
            if (concluded) {
                assertTrue(d.resolvedOn() != null && !d.resolvedOn().isBefore(d.sweptOn())
                        && !d.resolvedOn().isAfter(END), id);
                assertEquals(d.handlingLevel(), d.resolvedLevel(), id);
                assertFalse(d.overdue(), id);
            } else {
                assertNull(d.resolvedOn(), id);
                assertEquals(d.deadline().isBefore(END), d.overdue(), id);
            }
            if (d.severity().equals("MAJOR")) {
                assertTrue(d.responsibleUnit() != null && d.responsiblePerson() != null, id);
            }
            assertEquals("REGISTER", d.timeline().get(0).action());
            assertEquals(d.status(), d.timeline().get(d.timeline().size() - 1).statusAfter(), id);
            assertFalse(d.timeline().get(d.timeline().size() - 1).at().isBefore(d.createdAt()), id);
        }
    }

    @Test
    void distributionsArePlausible() {
        double n = disputes.size();
        double land = disputes.stream().filter(d -> d.type().equals("LAND_FOREST")).count() / n;
        double major = disputes.stream().filter(d -> d.severity().equals("MAJOR")).count() / n;
        double open = disputes.stream().filter(d -> d.resolvedOn() == null).count() / n;
        assertEquals(0.20, land, 0.03);
        assertEquals(0.03, major, 0.015);
        assertTrue(open > 0.01 && open < 0.10, "open share " + open);
        // recent cases are mostly open, old ones mostly concluded
        double recentOpen = disputes.stream().filter(d -> d.sweptOn().isAfter(END.minusDays(7)))
                .filter(d -> d.resolvedOn() == null).count()
                / (double) StrictMath.max(1, disputes.stream().filter(d -> d.sweptOn().isAfter(END.minusDays(7))).count());
        assertTrue(recentOpen > 0.5, "open share of the last week " + recentOpen);
        // land and forest disputes lie mostly outside buildings (fields, hills), the others mostly at one
        double landAtBuilding = disputes.stream().filter(d -> d.type().equals("LAND_FOREST"))
                .filter(d -> d.buildingCode() != null).count() / (land * n);
        assertTrue(landAtBuilding < 0.25, "land disputes at buildings " + landAtBuilding);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        String first = render(county);
        String again = render(County.generate(County.Spec.small(END)));
        assertTrue(first.equals(again), "the same spec gave different files");
        String other = render(County.generate(County.Spec.small(END).withSeed(7L)));
        assertNotEquals(first.length() + ":" + first.hashCode(), other.length() + ":" + other.hashCode());
    }

    private static String render(County c) {
        StringBuilder sb = new StringBuilder();
        CountyFiles.geography(c).forEach((name, content) -> sb.append(name).append('\n').append(content));
        StringWriter csv = new StringWriter();
        CountyFiles.disputes(c, csv);
        return sb.append(csv).toString();
    }

    /** The parts form a valid coverage whose union is the whole, with no area counted twice. */
    private static void assertTiles(Polygon whole, List<Geometry> parts, String name) {
        assertFalse(parts.isEmpty(), name);
        Geometry[] coverage = parts.toArray(Geometry[]::new);
        Geometry[] invalid = CoverageValidator.validate(coverage);
        for (Geometry g : invalid) {
            assertNull(g, "invalid edges in the division of " + name);
        }
        for (Geometry p : parts) {
            assertTrue(p instanceof Polygon && p.isValid() && ((Polygon) p).getNumInteriorRing() == 0, name);
        }
        Geometry union = CoverageUnion.union(coverage);
        assertEquals(0, union.symDifference(whole).getArea(), SAME_AREA, name + ": union differs");
        double sum = parts.stream().mapToDouble(Geometry::getArea).sum();
        assertEquals(whole.getArea(), sum, SAME_AREA, name + ": parts overlap or leave gaps");
    }

    private static <T> Map<String, PreparedGeometry> prepared(List<T> items, Function<T, String> code,
                                                             Function<T, Geometry> geometry) {
        Map<String, PreparedGeometry> out = new HashMap<>();
        for (T item : items) {
            out.put(code.apply(item), PreparedGeometryFactory.prepare(geometry.apply(item)));
        }
        return out;
    }
}
