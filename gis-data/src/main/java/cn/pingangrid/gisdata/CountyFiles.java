package cn.pingangrid.gisdata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link County} as files: GeoJSON per layer (the layout of the town's dataset, plus {@code countyCode}
 * and {@code townCode} where the town's files leave them implicit) and the disputes as {@code disputes.csv}.
 * For looking at the county in QGIS; the loader does not need the files, it generates the county in memory.
 */
final class CountyFiles {

    static final String DISPUTE_HEADER = "id,lng,lat,villageCode,gridCode,buildingCode,sweptOn,occurredOn,type,"
            + "severity,source,status,handlingLevel,peopleInvolved,amountYuan,sensitive,deadline,overdue,resolvedOn";

    private CountyFiles() {
    }

    /** The geography's files (name to content). */
    static Map<String, String> geography(County county) {
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        List<Feature> towns = new ArrayList<>();
        for (County.Town t : county.towns()) {
            towns.add(Feature.of(t.boundary(), "code", t.code(), "name", t.name(), "countyCode",
                    county.spec().countyCode(), "county", county.spec().countyName(), "population", t.population()));
        }
        layers.put("towns", towns);
        List<Feature> villages = new ArrayList<>();
        for (County.Village v : county.villages()) {
            villages.add(Feature.of(v.boundary(), "code", v.code(), "townCode", v.townCode(), "name", v.name(),
                    "kind", v.kind(), "population", v.population(), "households", v.households()));
        }
        layers.put("villages", villages);
        List<Feature> grids = new ArrayList<>();
        for (County.Grid g : county.grids()) {
            grids.add(Feature.of(g.boundary(), "code", g.code(), "villageCode", g.villageCode(), "name", g.name(),
                    "seq", g.seq()));
        }
        layers.put("grids", grids);
        List<Feature> buildings = new ArrayList<>();
        for (County.Building b : county.buildings()) {
            buildings.add(Feature.of(b.footprint(), "code", b.code(), "gridCode", b.gridCode(), "use", b.use(),
                    "floors", b.floors()));
        }
        layers.put("buildings", buildings);
        List<Feature> roads = new ArrayList<>();
        for (County.Road r : county.roads()) {
            roads.add(Feature.of(r.line(), "id", (int) r.id(), "fromNode", (int) r.fromNode(), "toNode",
                    (int) r.toNode(), "roadClass", r.roadClass(), "ref", r.ref(), "name", r.name(), "speedKmh",
                    r.speedKmh()));
        }
        layers.put("roads", roads);
        Map<String, String> files = new LinkedHashMap<>();
        layers.forEach((name, features) -> files.put(name + ".geojson",
                GeoJsonFiles.featureCollection(name, features)));
        return files;
    }

    /** The dispute history as CSV, one line per dispute after a header. */
    static void disputes(County county, Writer out) {
        try {
            out.write(DISPUTE_HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        county.disputes(d -> {
            try {
                out.write(line(d));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String line(County.Dispute d) {
        return String.join(",", String.valueOf(d.id()), String.valueOf(d.location().getX()),
                String.valueOf(d.location().getY()), d.villageCode(), d.gridCode(), nullable(d.buildingCode()),
                d.sweptOn().toString(), d.occurredOn().toString(), d.type(), d.severity(), d.source(), d.status(),
                d.handlingLevel(), String.valueOf(d.peopleInvolved()),
                d.amountYuan() == null ? "" : d.amountYuan().toPlainString(), String.valueOf(d.sensitive()),
                d.deadline().toString(), String.valueOf(d.overdue()),
                d.resolvedOn() == null ? "" : d.resolvedOn().toString());
    }

    private static String nullable(String s) {
        return s == null ? "" : s;
    }

    /**
     * {@code --county [outputDir] [small|taojiang] [historyEnd]}: writes the county's files (the Taojiang county
     * by default, history ending 2026-11-30) to {@code gis-data/target/benchmark-county/}.
     */
    static void main(Path module, String[] args) throws IOException {
        Path out = args.length > 1 ? Path.of(args[1]) : module.resolve("target/benchmark-county");
        LocalDate end = args.length > 3 ? java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.parse(args[3], LocalDate::from)
                : LocalDate.of(2026, 11, 30);
        County.Spec spec = args.length > 2 && args[2].equals("small") ? County.Spec.small(end)
                : County.Spec.taojiang(end);
        long start = System.nanoTime();
        County county = County.generate(spec);
        System.out.printf("generated %d towns, %d villages, %d grids, %d buildings, %d roads in %.1f s%n",
                county.towns().size(), county.villages().size(), county.grids().size(), county.buildings().size(),
                county.roads().size(), (System.nanoTime() - start) / 1e9);
        for (Map.Entry<String, String> e : geography(county).entrySet()) {
            GeoJsonFiles.write(out.resolve(e.getKey()), e.getValue());
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out.resolve("disputes.csv"), StandardCharsets.UTF_8))) {
            disputes(county, w);
        }
        System.out.printf("wrote the county to %s in %.1f s%n", out.toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1e9);
    }
}
