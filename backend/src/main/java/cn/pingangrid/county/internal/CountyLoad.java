package cn.pingangrid.county.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.gisdata.County;
import cn.pingangrid.system.Dates;

/**
 * Loads the benchmark county ({@link County}, generated in memory from its seed) into PostGIS with COPY through the
 * driver's {@link CopyManager}, in one transaction: towns, villages, grids, buildings, roads, then the dispute
 * history with its timelines. A named unscoped path ({@code UnscopedPath.COUNTY_LOAD}) and, with the town import,
 * the only JDBC outside the scope package: a million rows through {@code ScopedQueries} would take an hour.
 *
 * <p>Idempotent: the load is recorded in {@code geography_import} under the dataset name {@value #DATASET} with the
 * spec as checksum; the same county again is skipped. Refuses (the application does not start) on a database that
 * already holds other geography, and on anything but PostgreSQL. Progress and throughput go to the log.
 */
@Component
@ConditionalOnProperty(name = "pingan.county.load", havingValue = "true")
class CountyLoad implements ApplicationRunner {

    /** The dataset name the county is recorded and served under ({@code pingan.geography.dataset}). */
    static final String DATASET = "county";

    private static final Logger log = LoggerFactory.getLogger(CountyLoad.class);
    private static final int FLUSH_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final ApplicationContext context;
    private final County.Spec spec;
    private final boolean exitAfterLoad;
    private final String servedDataset;

    CountyLoad(DataSource dataSource, ApplicationEventPublisher events, ApplicationContext context,
               @Value("${pingan.county.size:taojiang}") String size,
               @Value("${pingan.county.history-end:}") String historyEnd,
               @Value("${pingan.county.exit-after-load:false}") boolean exitAfterLoad,
               @Value("${pingan.geography.dataset}") String servedDataset) {
        this.dataSource = dataSource;
        this.events = events;
        this.context = context;
        LocalDate given = Dates.parseOptional("pingan.county.history-end", historyEnd);
        LocalDate end = given == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")) : given;
        this.spec = switch (size) {
            case "taojiang" -> County.Spec.taojiang(end);
            case "small" -> County.Spec.small(end);
            default -> throw new IllegalArgumentException("pingan.county.size: taojiang or small, not " + size);
        };
        this.exitAfterLoad = exitAfterLoad;
        this.servedDataset = servedDataset;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        Map<String, Long> counts = load();
        if (counts != null && servedDataset.equals(DATASET)) {
            events.publishEvent(new GeographyReady(DATASET));
        }
        if (exitAfterLoad) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    /** Loads the county unless it is there already; the row counts loaded, or null when skipped. */
    Map<String, Long> load() throws SQLException {
        String checksum = sha256(spec.toString());
        try (Connection c = dataSource.getConnection()) {
            if (!c.isWrapperFor(PGConnection.class)) {
                throw new IllegalStateException("县域基准数据只能装入 PostgreSQL/PostGIS（COPY），当前数据库："
                        + c.getMetaData().getDatabaseProductName());
            }
            List<String> previous = strings(c, "SELECT checksum FROM geography_import WHERE dataset = '" + DATASET
                    + "'");
            if (!previous.isEmpty()) {
                if (previous.get(0).equals(checksum)) {
                    log.info("县域基准数据已装入（{}），跳过", spec);
                    return null;
                }
                throw new IllegalStateException("数据库中已有另一份县域基准数据（" + previous.get(0) + "）；请装入新建的空库");
            }
            long towns = count(c, "town");
            if (towns > 0 || count(c, "dispute") > 0) {
                throw new IllegalStateException("数据库不是空的（已有 " + towns + " 个镇的地理数据或已有纠纷）："
                        + "县域基准数据只装入新建的空库，请新建数据库后再用 --pingan.county.load=true 装入");
            }
            c.setAutoCommit(false);
            try {
                Map<String, Long> counts = copyAll(c, checksum);
                c.commit();
                vacuum(c);
                return counts;
            } catch (SQLException | RuntimeException e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                throw e;
            }
        }
    }

    private Map<String, Long> copyAll(Connection c, String checksum) throws SQLException {
        long started = System.nanoTime();
        log.info("生成县域基准数据：{}", spec);
        County county = County.generate(spec);
        log.info("已生成 {} 个镇、{} 个村（社区）、{} 个网格、{} 栋楼、{} 条道路，用时 {} s", county.towns().size(),
                county.villages().size(), county.grids().size(), county.buildings().size(), county.roads().size(),
                seconds(started));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> counts = new LinkedHashMap<>();
        long loadStarted = System.nanoTime();
        // secondary indexes are dropped and built again after the COPY (a bulk build is several times faster than
        // row-by-row maintenance); keys and constraints stay, so the load is checked as it goes
        Map<String, String> indexes = secondaryIndexes(c, List.of("building", "dispute", "dispute_timeline"));
        try (Statement s = c.createStatement()) {
            for (String name : indexes.keySet()) {
                s.execute("DROP INDEX " + name);
            }
        }
        counts.put("town", copy(copy, "town (code, name, county_code, county, population, boundary)",
                county.towns().size(), sink -> county.towns().forEach(t -> sink.accept(new Row()
                        .text(t.code()).text(t.name()).text(spec.countyCode()).text(spec.countyName())
                        .number(t.population()).geometry(t.boundary())))));
        counts.put("village", copy(copy, "village (code, town_code, name, kind, population, households, boundary)",
                county.villages().size(), sink -> county.villages().forEach(v -> sink.accept(new Row()
                        .text(v.code()).text(v.townCode()).text(v.name()).text(v.kind()).number(v.population())
                        .number(v.households()).geometry(v.boundary())))));
        counts.put("grid", copy(copy, "grid (code, village_code, name, seq, boundary)", county.grids().size(),
                sink -> county.grids().forEach(g -> sink.accept(new Row()
                        .text(g.code()).text(g.villageCode()).text(g.name()).number(g.seq()).geometry(g.boundary())))));
        counts.put("building", copy(copy, "building (code, grid_code, building_use, floors, footprint)",
                county.buildings().size(), sink -> county.buildings().forEach(b -> sink.accept(new Row()
                        .text(b.code()).text(b.gridCode()).text(b.use()).number(b.floors()).geometry(b.footprint())))));
        counts.put("road", copy(copy, "road (id, from_node, to_node, road_class, ref, name, speed_kmh, geom)",
                county.roads().size(), sink -> county.roads().forEach(r -> sink.accept(new Row()
                        .number(r.id()).number(r.fromNode()).number(r.toNode()).text(r.roadClass()).text(r.ref())
                        .text(r.name()).number(r.speedKmh()).geometry(r.line())))));
        counts.put("dispute", copy(copy, "dispute (id, location, village_code, grid_code, building_code, swept_on, "
                + "occurred_on, swept_by, situation, measures, dispute_type, severity, source, status, handling_level, "
                + "people_involved, amount_yuan, sensitive, responsible_unit, responsible_person, deadline, overdue, "
                + "referral_channel, referral_unit, resolved_on, resolved_level, created_by, created_at)",
                spec.disputes(), sink -> county.disputes(d -> sink.accept(new Row()
                        .number(d.id()).geometry(d.location()).text(d.villageCode()).text(d.gridCode())
                        .text(d.buildingCode()).date(d.sweptOn()).date(d.occurredOn()).text(d.sweptBy())
                        .text(d.situation()).text(d.measures()).text(d.type()).text(d.severity()).text(d.source())
                        .text(d.status()).text(d.handlingLevel()).number(d.peopleInvolved())
                        .text(d.amountYuan() == null ? null : d.amountYuan().toPlainString()).bool(d.sensitive())
                        .text(d.responsibleUnit()).text(d.responsiblePerson()).date(d.deadline()).bool(d.overdue())
                        .text(d.referralChannel()).text(d.referralUnit()).date(d.resolvedOn())
                        .text(d.resolvedLevel()).text(d.createdBy()).instant(d.createdAt())))));
        // the timelines are a second pass over the same (deterministic) stream: COPY feeds one table at a time
        counts.put("dispute_timeline", copy(copy, "dispute_timeline (dispute_id, seq, at, actor, action, status_after)",
                2L * spec.disputes(), sink -> county.disputes(d -> d.timeline().forEach(s -> sink.accept(new Row()
                        .number(d.id()).number(s.seq()).instant(s.at()).text(s.actor()).text(s.action())
                        .text(s.statusAfter()))))));
        try (Statement s = c.createStatement()) {
            long indexing = System.nanoTime();
            for (String definition : indexes.values()) {
                s.execute(definition);
            }
            log.info("  重建 {} 个索引：{} s", indexes.size(), String.format("%.1f", seconds(indexing)));
            s.execute("SELECT setval(pg_get_serial_sequence('dispute', 'id'), (SELECT max(id) FROM dispute))");
            long analyse = System.nanoTime();
            for (String table : List.of("town", "village", "grid", "building", "road", "dispute", "dispute_timeline")) {
                s.execute("ANALYZE " + table);
            }
            log.info("  ANALYZE：{} s", seconds(analyse));
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO geography_import (dataset, checksum, imported_at, summary) VALUES (?, ?, ?, ?)")) {
            p.setString(1, DATASET);
            p.setString(2, checksum);
            p.setTimestamp(3, Timestamp.from(Instant.now()));
            p.setString(4, (spec + " " + counts).substring(0, StrictMath.min(512, (spec + " " + counts).length())));
            p.executeUpdate();
        }
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        double loadSeconds = seconds(loadStarted);
        log.info("县域基准数据装入完成：{} 行，COPY 与 ANALYZE 用时 {} s（{} 行/秒），总用时 {} s：{}", rows,
                String.format("%.1f", loadSeconds), Math.round(rows / loadSeconds),
                String.format("%.1f", seconds(started)), counts);
        return counts;
    }

    /**
     * VACUUM after the commit (it cannot run in a transaction): it marks the freshly written pages all-visible, so
     * the tiles' index-only scans (V150) read no table pages from the first request, not only after autovacuum.
     */
    private static void vacuum(Connection c) throws SQLException {
        long started = System.nanoTime();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : List.of("building", "dispute", "dispute_timeline")) {
                s.execute("VACUUM " + table);
            }
        }
        log.info("  VACUUM：{} s", String.format("%.1f", seconds(started)));
    }

    /** COPYs the rows {@code rows} hands to its sink into {@code target}, logging progress. */
    private static long copy(CopyManager manager, String target, long expected, Consumer<Consumer<Row>> rows)
            throws SQLException {
        String table = target.substring(0, target.indexOf(' '));
        long started = System.nanoTime();
        CopyIn in = manager.copyIn("COPY " + target + " FROM STDIN (FORMAT text)");
        long[] count = {0};
        long step = StrictMath.max(10_000, expected / 10);
        StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
        try {
            rows.accept(row -> {
                row.appendTo(buffer);
                count[0]++;
                if (buffer.length() >= FLUSH_BYTES) {
                    flush(in, buffer);
                }
                if (count[0] % step == 0) {
                    log.info("  {}：{} / ~{}（{} 行/秒）", table, count[0], expected,
                            Math.round(count[0] / seconds(started)));
                }
            });
            flush(in, buffer);
            in.endCopy();
        } catch (RuntimeException e) {
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        }
        log.info("  {}：{} 行，{} s（{} 行/秒）", table, count[0], String.format("%.1f", seconds(started)),
                Math.round(count[0] / seconds(started)));
        return count[0];
    }

    private static void flush(CopyIn in, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY 失败：" + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    /** Name to definition of the tables' indexes that back no constraint (the ones a bulk load may rebuild). */
    private static Map<String, String> secondaryIndexes(Connection c, List<String> tables) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT i.indexname, i.indexdef FROM pg_indexes i "
                + "WHERE i.schemaname = current_schema() AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM "
                + "pg_constraint k WHERE k.conname = i.indexname) ORDER BY i.indexname")) {
            for (String table : tables) {
                p.setString(1, table);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql + " ORDER BY id DESC")) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        }
    }

    private static double seconds(long since) {
        return StrictMath.max(1e-9, (System.nanoTime() - since) / 1e9);
    }

    /** One line of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    static final class Row {

        private static final ThreadLocal<WKBWriter> WKB = ThreadLocal.withInitial(
                () -> new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true));

        private final StringBuilder line = new StringBuilder(256);

        Row text(String value) {
            separator();
            if (value == null) {
                line.append("\\N");
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                switch (ch) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(ch);
                }
            }
            return this;
        }

        Row number(long value) {
            separator();
            line.append(value);
            return this;
        }

        Row bool(boolean value) {
            separator();
            line.append(value ? 't' : 'f');
            return this;
        }

        Row date(LocalDate value) {
            return text(value == null ? null : value.toString());
        }

        /** A UTC instant as a TIMESTAMP (the application stores instants in UTC). */
        Row instant(Instant value) {
            return text(value == null ? null
                    : java.time.LocalDateTime.ofInstant(value, java.time.ZoneOffset.UTC).toString().replace('T', ' '));
        }

        /** Hex EWKB with SRID 4326: PostGIS's own text input, cheaper to parse than WKT. */
        Row geometry(Geometry g) {
            separator();
            g.setSRID(4326);
            line.append(WKBWriter.toHex(WKB.get().write(g)));
            return this;
        }

        private void separator() {
            if (!line.isEmpty()) {
                line.append('\t');
            }
        }

        void appendTo(StringBuilder out) {
            out.append(line).append('\n');
        }
    }
}
