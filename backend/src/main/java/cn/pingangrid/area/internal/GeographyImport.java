package cn.pingangrid.area.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.locationtech.jts.io.WKTWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.geo.GeoJsonFeatures;
import cn.pingangrid.geo.Wgs84;
import tools.jackson.databind.JsonNode;

/**
 * Imports the town's dataset ({@code classpath:gis-data/<dataset>/*.geojson}) on start, in one transaction,
 * before the web server takes requests (so no client ever sees half a town). Idempotent: an import is recorded
 * with the dataset's checksum and a later start with the same data adds nothing.
 * {@code pingan.geography.reimport=true} replaces what was imported. Progress goes to the log.
 */
@Component
class GeographyImport implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GeographyImport.class);

    /** Loaded parents first, deleted children first. */
    private static final List<String> FILES = List.of("town", "villages", "grids", "buildings", "roads", "water",
            "neighbours", "places");
    private static final List<String> TABLES_CHILDREN_FIRST = List.of("building", "grid", "village", "town", "road",
            "water", "neighbour", "place");
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final String dataset;
    private final boolean reimport;

    GeographyImport(JdbcTemplate jdbc, TransactionTemplate transaction, ApplicationEventPublisher events,
            @Value("${pingan.geography.dataset}") String dataset,
            @Value("${pingan.geography.reimport:false}") boolean reimport) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.dataset = dataset;
        this.reimport = reimport;
    }

    @Override
    public void afterSingletonsInstantiated() {
        importDataset(reimport);
    }

    /** Imports the dataset unless this very dataset is already there (or {@code replace} is set). */
    void importDataset(boolean replace) {
        List<String> previous = jdbc.queryForList(
                "SELECT checksum FROM geography_import WHERE dataset = ? ORDER BY id DESC", String.class, dataset);
        if (!new ClassPathResource("gis-data/" + dataset + "/town.geojson").exists()) {
            // a dataset with its own loader (the benchmark county: module county, --pingan.county.load=true)
            if (previous.isEmpty()) {
                log.warn("数据集 {} 不在类路径上，也尚未装入；县域基准数据用 --pingan.county.load=true 装入", dataset);
            } else {
                log.info("数据集 {} 已由其装载程序装入", dataset);
                events.publishEvent(new GeographyReady(dataset));
            }
            return;
        }
        if (previous.isEmpty()) {
            List<String> others = jdbc.queryForList("SELECT DISTINCT dataset FROM geography_import", String.class);
            if (!others.isEmpty()) {
                throw new IllegalStateException("数据库中已有数据集 " + others + "，不能再导入 " + dataset
                        + "：请用 --pingan.geography.dataset 指定已有的数据集，或使用新建的数据库");
            }
        }
        Map<String, byte[]> files = readFiles();
        String checksum = checksum(files);
        if (!previous.isEmpty() && !replace) {
            if (!previous.get(0).equals(checksum)) {
                log.warn("数据集 {} 与已导入的版本不同；以 --pingan.geography.reimport=true 启动可重新导入", dataset);
            } else {
                log.info("数据集 {} 已导入，跳过（以 --pingan.geography.reimport=true 启动可重新导入）", dataset);
            }
            events.publishEvent(new GeographyReady(dataset));
            return;
        }
        long started = System.nanoTime();
        log.info("开始导入数据集 {}（{} 个文件）", dataset, files.size());
        Map<String, Integer> counts = transaction.execute(status -> {
            if (!previous.isEmpty()) {
                TABLES_CHILDREN_FIRST.forEach(table -> jdbc.update("DELETE FROM " + table));
                log.info("已清除之前导入的地理数据");
            }
            Map<String, Integer> loaded = new LinkedHashMap<>();
            for (String file : FILES) {
                loaded.put(file, load(file, files.get(file)));
            }
            jdbc.update("INSERT INTO geography_import (dataset, checksum, imported_at, summary) VALUES (?, ?, ?, ?)",
                    dataset, checksum, Timestamp.from(Instant.now()), loaded.toString());
            return loaded;
        });
        log.info("数据集 {} 导入完成，用时 {} ms：{}", dataset, (System.nanoTime() - started) / 1_000_000, counts);
        events.publishEvent(new GeographyReady(dataset));
    }

    private int load(String file, byte[] content) {
        List<GeoJsonFeatures.Entry> features = GeoJsonFeatures.parse(content, "数据文件 " + file);
        long started = System.nanoTime();
        int count = switch (file) {
            case "town" -> insert(file, features,
                    "INSERT INTO town (code, name, county_code, county, population, boundary) VALUES (?, ?, ?, ?, ?, %s)",
                    p -> new Object[] { text(p, "code"), text(p, "name"), text(p, "countyCode"), text(p, "county"),
                            integer(p, "population") });
            case "villages" -> insert(file, features, "INSERT INTO village (code, town_code, name, kind, population, "
                    + "households, boundary) VALUES (?, ?, ?, ?, ?, ?, %s)",
                    p -> new Object[] { text(p, "code"), text(p, "code").substring(0, 9), text(p, "name"),
                            text(p, "kind"), integer(p, "population"), integer(p, "households") });
            case "grids" -> insert(file, features,
                    "INSERT INTO grid (code, village_code, name, seq, boundary) VALUES (?, ?, ?, ?, %s)",
                    p -> new Object[] { text(p, "code"), text(p, "villageCode"), text(p, "name"), integer(p, "seq") });
            case "buildings" -> insert(file, features,
                    "INSERT INTO building (code, grid_code, building_use, floors, footprint) VALUES (?, ?, ?, ?, %s)",
                    p -> new Object[] { text(p, "code"), text(p, "gridCode"), text(p, "use"), integer(p, "floors") });
            case "roads" -> insert(file, features, "INSERT INTO road (id, from_node, to_node, road_class, ref, name, "
                    + "speed_kmh, geom) VALUES (?, ?, ?, ?, ?, ?, ?, %s)",
                    p -> new Object[] { p.get("id").asLong(), p.get("fromNode").asLong(), p.get("toNode").asLong(),
                            text(p, "roadClass"), text(p, "ref"), text(p, "name"), integer(p, "speedKmh") });
            case "water" -> insert(file, features, "INSERT INTO water (name, kind, geom) VALUES (?, ?, %s)",
                    p -> new Object[] { text(p, "name"), text(p, "kind") });
            case "neighbours" -> insert(file, features,
                    "INSERT INTO neighbour (name, county, county_border, boundary) VALUES (?, ?, ?, %s)",
                    p -> new Object[] { text(p, "name"), text(p, "county"), p.get("countyBorder").asBoolean() });
            case "places" -> insert(file, features,
                    "INSERT INTO place (name, kind, village_code, location) VALUES (?, ?, ?, %s)",
                    p -> new Object[] { text(p, "name"), text(p, "kind"), text(p, "villageCode") });
            default -> throw new IllegalStateException("unknown dataset file " + file);
        };
        log.info("  {}：{} 条，{} ms", file, count, (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    /** Batch insert; the geometry goes in as WKT through ST_GeomFromText, which both databases have. */
    private int insert(String file, List<GeoJsonFeatures.Entry> features, String sql,
            Function<JsonNode, Object[]> columns) {
        String statement = sql.formatted("ST_GeomFromText(?, " + Wgs84.SRID + ")");
        WKTWriter wkt = new WKTWriter();
        List<Object[]> batch = new ArrayList<>(BATCH);
        int done = 0;
        for (GeoJsonFeatures.Entry feature : features) {
            Object[] values = columns.apply(feature.properties());
            Object[] row = new Object[values.length + 1];
            System.arraycopy(values, 0, row, 0, values.length);
            row[values.length] = wkt.write(feature.geometry());
            batch.add(row);
            if (batch.size() == BATCH) {
                done += flush(statement, batch);
                if (done % 5000 == 0) {
                    log.info("  {}：已导入 {} / {}", file, done, features.size());
                }
            }
        }
        return done + flush(statement, batch);
    }

    private int flush(String statement, List<Object[]> batch) {
        int n = batch.size();
        if (n > 0) {
            jdbc.batchUpdate(statement, batch);
            batch.clear();
        }
        return n;
    }

    private static String text(JsonNode properties, String name) {
        JsonNode value = properties.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Integer integer(JsonNode properties, String name) {
        JsonNode value = properties.get(name);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private Map<String, byte[]> readFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : FILES) {
            ClassPathResource resource = new ClassPathResource("gis-data/" + dataset + "/" + file + ".geojson");
            try (InputStream in = resource.getInputStream()) {
                files.put(file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("找不到数据集文件 " + resource.getPath(), e);
            }
        }
        return files;
    }

    private static String checksum(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.values().forEach(sha::update);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
