package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Turns a generated town (metres) into the published layers (rounded longitude/latitude): assigns codes
 * (town 9 digits + village 3 + grid 2 + building 5), spreads the population over the villages by their houses,
 * and numbers road edges and nodes.
 */
final class TownFeatures {

    static final List<String> LAYERS = List.of("town", "villages", "grids", "buildings", "roads", "water",
            "neighbours", "places");

    private final Map<String, List<Feature>> layers = new LinkedHashMap<>();

    private TownFeatures() {
        for (String layer : LAYERS) {
            layers.put(layer, new ArrayList<>());
        }
    }

    Map<String, List<Feature>> layers() {
        return layers;
    }

    /**
     * @param firstEdgeId first road edge id (1 for a single town; offsets keep ids unique in a county set)
     * @param firstNodeId first road node id
     */
    static TownFeatures of(TownGenerator.Town t, GaussKrugerProjection projection, int firstEdgeId,
                           int firstNodeId) {
        TownFeatures f = new TownFeatures();
        TownSpec spec = t.spec;
        List<VillageDivision.Village> villages = t.villages;

        int[] residential = new int[villages.size()];
        for (BuildingPlacer.Building b : t.buildings) {
            if (b.use().equals("residential")) {
                residential[b.village()]++;
            }
        }
        int[][] people = population(spec, residential);

        f.layers.get("town").add(Feature.of(projection.toLngLat(t.polygon),
                "code", spec.code(), "name", spec.name(), "countyCode", spec.countyCode(), "county", spec.county(),
                "population", spec.population()));

        String[] villageCodes = new String[villages.size()];
        for (int v = 0; v < villages.size(); v++) {
            VillageDivision.Village village = villages.get(v);
            villageCodes[v] = spec.code() + String.format("%03d", village.seq());
            f.layers.get("villages").add(Feature.of(projection.toLngLat(village.polygon()),
                    "code", villageCodes[v], "name", village.plan().name(),
                    "kind", village.plan().community() ? "community" : "village",
                    "population", people[v][0], "households", people[v][1]));
        }
        for (int v = 0; v < villages.size(); v++) {
            for (VillageDivision.Grid grid : villages.get(v).grids()) {
                f.layers.get("grids").add(Feature.of(projection.toLngLat(grid.polygon()),
                        "code", villageCodes[v] + String.format("%02d", grid.seq()), "villageCode", villageCodes[v],
                        "name", villages.get(v).plan().name() + String.format("第%02d网格", grid.seq()),
                        "seq", grid.seq()));
            }
        }
        f.buildings(t, projection, villageCodes);
        f.roads(t, projection, firstEdgeId, firstNodeId);

        f.layers.get("water").add(Feature.of(projection.toLngLat(t.water), "name", "资江", "kind", "river"));
        f.layers.get("water").add(Feature.of(projection.toLngLat(t.stream), "name", "沂溪", "kind", "stream"));

        for (int n = 0; n < t.neighbours.size(); n++) {
            TownSpec.NeighbourPlan plan = spec.neighbours().get(n);
            f.layers.get("neighbours").add(Feature.of(projection.toLngLat(t.neighbours.get(n)),
                    "name", plan.name(), "county", plan.county(), "countyBorder", plan.countyBorder(),
                    "illustrative", true));
        }

        for (PlacePlanner.Place p : t.places) {
            Point point = MetricGrid.FACTORY.createPoint(p.location());
            String code = null;
            for (int v = 0; v < villages.size(); v++) {
                if (villages.get(v).polygon().contains(point)) {
                    code = villageCodes[v];
                }
            }
            if (code == null) {
                throw new IllegalStateException(p.name() + " lies outside every village");
            }
            f.layers.get("places").add(Feature.of(projection.toLngLat(point), "name", p.name(), "kind", p.kind(),
                    "villageCode", code));
        }
        return f;
    }

    /** Buildings numbered per grid in reading order (rows of 60 m from the north, west to east). */
    private void buildings(TownGenerator.Town t, GaussKrugerProjection projection, String[] villageCodes) {
        List<BuildingPlacer.Building> sorted = new ArrayList<>(t.buildings);
        Map<BuildingPlacer.Building, Coordinate> centre = new java.util.IdentityHashMap<>();
        for (BuildingPlacer.Building b : sorted) {
            centre.put(b, b.footprint().getCentroid().getCoordinate());
        }
        double top = Double.NEGATIVE_INFINITY;
        for (Coordinate c : centre.values()) {
            top = StrictMath.max(top, c.y);
        }
        final double north = top;
        sorted.sort(Comparator.comparingInt(BuildingPlacer.Building::village)
                .thenComparingInt(BuildingPlacer.Building::grid)
                .thenComparingLong(b -> (long) StrictMath.floor((north - centre.get(b).y) / 60))
                .thenComparingDouble(b -> centre.get(b).x)
                .thenComparingDouble(b -> -centre.get(b).y));
        int seq = 0;
        int lastVillage = -1;
        int lastGrid = -1;
        for (BuildingPlacer.Building b : sorted) {
            if (b.village() != lastVillage || b.grid() != lastGrid) {
                seq = 0;
                lastVillage = b.village();
                lastGrid = b.grid();
            }
            seq++;
            VillageDivision.Grid grid = t.villages.get(b.village()).grids().get(b.grid());
            String gridCode = villageCodes[b.village()] + String.format("%02d", grid.seq());
            layers.get("buildings").add(Feature.of(projection.toLngLat(b.footprint()),
                    "code", gridCode + String.format("%05d", seq), "gridCode", gridCode, "use", b.use(),
                    "floors", b.floors()));
        }
    }

    private void roads(TownGenerator.Town t, GaussKrugerProjection projection, int firstEdgeId, int firstNodeId) {
        int id = firstEdgeId;
        for (RoadNetworkBuilder.Edge e : t.roads.edges()) {
            layers.get("roads").add(Feature.of(projection.toLngLat(e.line()),
                    "id", id++, "fromNode", firstNodeId + e.from(), "toNode", firstNodeId + e.to(),
                    "roadClass", e.roadClass().code(), "ref", e.ref(), "name", e.name(),
                    "speedKmh", e.roadClass().speedKmh()));
        }
    }

    /**
     * Households and people per village, in proportion to its houses (1.5-1.8 households a house, 3.05-3.35
     * people a household), scaled so that the villages add up to the town's population exactly.
     *
     * @return per village {population, households}
     */
    private static int[][] population(TownSpec spec, int[] residential) {
        Random random = new Random(spec.seed() ^ 0x5DEECE66DL);
        int n = residential.length;
        double[] households = new double[n];
        double[] perHousehold = new double[n];
        double rawPeople = 0;
        for (int v = 0; v < n; v++) {
            households[v] = StrictMath.max(1, residential[v]) * (1.5 + 0.3 * random.nextDouble());
            perHousehold[v] = 3.05 + 0.3 * random.nextDouble();
            rawPeople += households[v] * perHousehold[v];
        }
        double scale = spec.population() / rawPeople;
        int[][] out = new int[n][2];
        int total = 0;
        int largest = 0;
        for (int v = 0; v < n; v++) {
            out[v][1] = (int) StrictMath.round(households[v] * scale);
            out[v][0] = (int) StrictMath.round(out[v][1] * perHousehold[v]);
            total += out[v][0];
            if (out[v][0] > out[largest][0]) {
                largest = v;
            }
        }
        out[largest][0] += spec.population() - total;
        return out;
    }
}
