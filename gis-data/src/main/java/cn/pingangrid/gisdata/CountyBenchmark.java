package cn.pingangrid.gisdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A larger generated set for benchmarks: about twenty towns of the 大栗港 plan, each with its own seed, centre
 * and code (430922901, 430922902, ...; codes no real town has), laid out on a lattice across the county, far
 * enough apart not to overlap. Written to {@code target/}, never committed. Neighbour rings are left out: the
 * towns do not share borders. A seed whose town cannot be generated (a village that cannot be outlined as one
 * polygon, say) is replaced by another, up to six tries.
 */
final class CountyBenchmark {

    static final int TOWNS = 20;
    private static final int COLUMNS = 5;

    private CountyBenchmark() {
    }

    static void write(Path out, int towns) throws IOException {
        GaussKrugerProjection projection = new GaussKrugerProjection();
        TownSpec base = TownSpec.daligang();
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        int edgeId = 1;
        int nodeId = 1;
        long start = System.nanoTime();
        for (int i = 0; i < towns; i++) {
            int row = i / COLUMNS;
            int col = i % COLUMNS;
            double lng = 111.40 + 0.24 * col;
            double lat = 28.20 + 0.15 * row;
            String code = "4309229" + String.format("%02d", i + 1);
            String name = String.format("基准%02d镇", i + 1);
            TownGenerator.Town town = null;
            RuntimeException last = null;
            for (int attempt = 0; attempt < 6 && town == null; attempt++) {
                TownSpec spec = base.relocated(code, name, lng, lat, base.seed() + 7919L * (i + 1) + 104729L * attempt);
                try {
                    town = new TownGenerator(spec, projection, false).generate();
                } catch (RuntimeException e) {
                    System.out.println(name + ": attempt " + (attempt + 1) + " failed (" + e.getMessage() + ")");
                    last = e;
                }
            }
            if (town == null) {
                throw new IllegalStateException("town " + name + " could not be generated", last);
            }
            TownFeatures f = TownFeatures.of(town, projection, edgeId, nodeId);
            edgeId += town.roads.edges().size();
            nodeId += town.roads.nodes().size();
            for (Map.Entry<String, List<Feature>> e : f.layers().entrySet()) {
                layers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
            }
            System.out.printf("town %d/%d %s done (%.0f s)%n", i + 1, towns, name, (System.nanoTime() - start) / 1e9);
        }
        for (Map.Entry<String, List<Feature>> e : layers.entrySet()) {
            if (!e.getValue().isEmpty()) {
                GeoJsonFiles.write(out.resolve(e.getKey() + ".geojson"),
                        GeoJsonFiles.featureCollection(e.getKey(), e.getValue()));
            }
        }
        System.out.println("wrote the benchmark county to " + out.toAbsolutePath().normalize());
    }
}
