package cn.pingangrid.gisdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the committed dataset of 大栗港镇 (an illustrative, synthetic geometry) into
 * {@code gis-data/src/main/resources/gis-data/daligang/}, or, with {@code --county}, the benchmark county
 * ({@link County}: fifteen towns that tile it) into {@code gis-data/target/benchmark-county/}.
 *
 * <pre>
 *   DaligangGenerator [outputDir]
 *   DaligangGenerator --county [outputDir] [small|taojiang] [historyEnd]
 * </pre>
 *
 * Running it twice gives byte-identical files.
 */
public final class DaligangGenerator {

    static final String RESOURCE_DIR = "gis-data/daligang";

    private DaligangGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path module = moduleDir();
        if (args.length > 0 && args[0].equals("--county")) {
            CountyFiles.main(module, args);
            return;
        }
        Path out = args.length > 0 ? Path.of(args[0]) : module.resolve("src/main/resources/" + RESOURCE_DIR);
        long start = System.nanoTime();
        Map<String, String> files = render();
        for (Map.Entry<String, String> e : files.entrySet()) {
            GeoJsonFiles.write(out.resolve(e.getKey()), e.getValue());
        }
        System.out.printf("wrote %d files to %s in %.1f s%n", files.size(), out.toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The dataset's files (name to content), generated in memory. */
    static Map<String, String> render() {
        TownSpec spec = TownSpec.daligang();
        GaussKrugerProjection projection = new GaussKrugerProjection();
        TownGenerator.Town town = new TownGenerator(spec, projection, true).generate();
        TownFeatures features = TownFeatures.of(town, projection, 1, 1);
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<Feature>> layer : features.layers().entrySet()) {
            files.put(layer.getKey() + ".geojson",
                    GeoJsonFiles.featureCollection(layer.getKey(), layer.getValue()));
        }
        files.put("metadata.json", metadata(spec, town, features));
        return files;
    }

    private static String metadata(TownSpec spec, TownGenerator.Town town, TownFeatures features) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<Feature>> layer : features.layers().entrySet()) {
            counts.put(layer.getKey() + ".geojson", layer.getValue().size());
        }
        counts.put("roadNodes", town.roads.nodes().size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", spec.name() + "（" + spec.county() + "）示意数据 · illustrative dataset of " + spec.name());
        m.put("crs", "EPSG:4326 (CGCS2000, EPSG:4490, equal at this scale)");
        m.put("axisOrder", "longitude, latitude (RFC 7946)");
        m.put("coordinateDecimals", GaussKrugerProjection.DECIMALS);
        m.put("metricCrs", "EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E), used for all metric work");
        m.put("seed", spec.seed());
        m.put("generator", DaligangGenerator.class.getName());
        m.put("counts", counts);
        m.put("synthetic", true);
        m.put("statement", "The geometry is synthetic and illustrative: no surveyed boundaries of the town, its "
                + "villages or grids are public. Outline, river course, roads and buildings are generated from a "
                + "fixed seed to look plausible; only the name, codes, approximate area (~171 km²), population "
                + "(~72,000) and rough location come from public sources. 几何为合成示意，非测绘成果。");
        m.put("villageList", "Illustrative: 16 village names chosen from the historical names of the town plus "
                + "大栗港社区; the current official list of villages is not public in a form we could find.");
        m.put("neighbours", "Illustrative: 马迹塘镇 to the west is documented; the other neighbours and the county "
                + "border are plausible, not confirmed.");
        m.put("codeSystem", "统计用区划代码 (statistical division code): county 430922 + town 117 = 430922117 "
                + "(12-digit form 430922117000); village = town + 3 digits, grid = village + 2 digits, building = "
                + "grid + 5 digits, each numbered west to east, north to south. The civil-affairs (民政) code of the "
                + "town, 430922104, differs and is not used here.");
        StringBuilder sb = new StringBuilder();
        GeoJsonFiles.properties(m, sb);
        return pretty(sb.toString());
    }

    /** Breaks the top-level members of a one-line JSON object onto lines of their own. */
    private static String pretty(String json) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (!inString && (c == '{' || c == '[')) {
                depth++;
                out.append(c);
                if (depth == 1) {
                    out.append("\n  ");
                }
                continue;
            }
            if (!inString && (c == '}' || c == ']')) {
                depth--;
                if (depth == 0) {
                    out.append('\n');
                }
                out.append(c);
                continue;
            }
            out.append(c);
            if (!inString && c == ',' && depth == 1) {
                out.append("\n  ");
            }
        }
        return out.append('\n').toString();
    }

    /** The gis-data module directory, whether run from the repository root or from the module. */
    static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("gis-data/src/main"))) {
            return here.resolve("gis-data");
        }
        return here;
    }
}
