package cn.pingangrid.hotspot.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Envelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.testsupport.TownDataset;

/**
 * The hotspot kernels against the floor of binning the same points in PostGIS, in one run so the ratios are fair:
 * <ul>
 * <li>{@code kde}: quartic KDE of 100,000 points on a 50 m grid over the town's extent, default radius;</li>
 * <li>{@code giStarHexagons}: 100,000 points binned into ~10,000 hexagons, neighbours, Gi*, FDR;</li>
 * <li>{@code postgisSnap50m} / {@code postgisSnapHexScale}: {@code ST_SnapToGrid} + {@code count} of the same points
 * at 50 m and at a cell of the hexagons' area, rows read back over JDBC (prepared statement).</li>
 * </ul>
 * Points: 20 clusters (σ 300 m) holding 70 % of them, the rest uniform over the town's extent (EPSG:4546), seed 15.
 * Run: {@code bash backend/bench/hotspot-jmh.sh} (needs PINGAN_BENCH_DB_URL, …_USER, …_PASSWORD for the PostGIS side).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotspotBenchmarks {

    static final int POINTS = 100_000;
    static final double CELL_METERS = 50;
    static final double HEXAGONS = 10_000;

    double[] x = new double[POINTS];
    double[] y = new double[POINTS];
    Envelope extent;
    double originX;
    double originY;
    int width;
    int height;
    double hexSide;
    AnalysisUnits hexagons;
    double hexCellMeters;
    Connection db;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        extent = MetricProjection.toMetric(TownDataset.read("town").get(0).geometry()).getEnvelopeInternal();
        Random random = new Random(15);
        double[][] centres = new double[20][2];
        for (double[] c : centres) {
            c[0] = extent.getMinX() + random.nextDouble() * extent.getWidth();
            c[1] = extent.getMinY() + random.nextDouble() * extent.getHeight();
        }
        for (int i = 0; i < POINTS; i++) {
            if (random.nextDouble() < 0.7) {
                double[] c = centres[random.nextInt(centres.length)];
                x[i] = clamp(c[0] + random.nextGaussian() * 300, extent.getMinX(), extent.getMaxX());
                y[i] = clamp(c[1] + random.nextGaussian() * 300, extent.getMinY(), extent.getMaxY());
            } else {
                x[i] = extent.getMinX() + random.nextDouble() * extent.getWidth();
                y[i] = extent.getMinY() + random.nextDouble() * extent.getHeight();
            }
        }
        originX = Math.floor(extent.getMinX() / CELL_METERS) * CELL_METERS;
        originY = Math.floor(extent.getMinY() / CELL_METERS) * CELL_METERS;
        width = (int) Math.ceil((extent.getMaxX() - originX) / CELL_METERS);
        height = (int) Math.ceil((extent.getMaxY() - originY) / CELL_METERS);
        hexSide = Math.sqrt(extent.getArea() / HEXAGONS / (1.5 * Math.sqrt(3)));
        hexagons = AnalysisUnits.ofHexagons(org.locationtech.jts.geom.util.GeometryFixer.fix(
                new org.locationtech.jts.geom.GeometryFactory().toGeometry(extent)), hexSide);
        hexCellMeters = Math.sqrt(HexagonTessellation.areaSquareMeters(hexSide));
        System.out.printf("%n# %d points, raster %d × %d cells of %.0f m, default radius %.1f m; %d hexagons of side"
                + " %.1f m (PostGIS cell %.1f m)%n", POINTS, width, height, CELL_METERS,
                KernelDensity.defaultRadiusMeters(x, y), hexagons.size(), hexSide, hexCellMeters);
        String url = System.getenv("PINGAN_BENCH_DB_URL");
        if (url != null) {
            db = DriverManager.getConnection(url, System.getenv("PINGAN_BENCH_DB_USER"),
                    System.getenv("PINGAN_BENCH_DB_PASSWORD"));
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS hotspot_bench_points");
                s.execute("CREATE TABLE hotspot_bench_points (geom geometry(Point, 4546))");
            }
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO hotspot_bench_points VALUES (ST_SetSRID(ST_MakePoint(?, ?), 4546))")) {
                for (int i = 0; i < POINTS; i++) {
                    insert.setDouble(1, x[i]);
                    insert.setDouble(2, y[i]);
                    insert.addBatch();
                    if (i % 5000 == 4999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE hotspot_bench_points");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (db != null) {
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS hotspot_bench_points");
            }
            db.close();
        }
    }

    @Benchmark
    public KernelDensity.Raster kde() {
        return KernelDensity.estimate(x, y, originX, originY, CELL_METERS, width, height,
                KernelDensity.defaultRadiusMeters(x, y));
    }

    @Benchmark
    public GetisOrdGiStar.Result giStarHexagons() {
        double[] counts = new double[hexagons.size()];
        for (int i = 0; i < POINTS; i++) {
            int unit = hexagons.locate(null, x[i], y[i]);
            if (unit >= 0) {
                counts[unit]++;
            }
        }
        double[] ux = hexagons.x();
        double[] uy = hexagons.y();
        double band = GetisOrdGiStar.defaultBandMeters(ux, uy);
        return GetisOrdGiStar.compute(counts, GetisOrdGiStar.neighbours(ux, uy, band), band);
    }

    @Benchmark
    public long postgisSnap50m() throws SQLException {
        return snap(CELL_METERS);
    }

    @Benchmark
    public long postgisSnapHexScale() throws SQLException {
        return snap(hexCellMeters);
    }

    private long snap(double cell) throws SQLException {
        if (db == null) {
            return 0;
        }
        long total = 0;
        try (PreparedStatement q = db.prepareStatement("SELECT ST_X(g), ST_Y(g), n FROM (SELECT ST_SnapToGrid(geom, ?)"
                + " AS g, count(*) AS n FROM hotspot_bench_points GROUP BY 1) binned")) {
            q.setDouble(1, cell);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    total += rows.getLong(3) + (long) rows.getDouble(1) + (long) rows.getDouble(2);
                }
            }
        }
        return total;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(HotspotBenchmarks.class.getSimpleName()).build()).run();
    }
}
