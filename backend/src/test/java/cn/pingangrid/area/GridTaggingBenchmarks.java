package cn.pingangrid.area;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import cn.pingangrid.testsupport.TownDataset;

/**
 * Bulk geo-tagging: 1,000,000 points uniform over the town's extent tagged with their grid by {@link GridTagger}
 * (goal ≥ 1,000,000 points/s), on every core and on one. Throughput is per point.
 * Run: {@code bash backend/bench/tiles-and-speed.sh jmh} or this class's main on the test classpath.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GridTaggingBenchmarks {

    static final int POINTS = 1_000_000;

    GridTagger tagger;
    double[] lng = new double[POINTS];
    double[] lat = new double[POINTS];

    @Setup
    public void setUp() {
        List<GridRef> grids = TownDataset.read("grids").stream().map(i -> new GridRef(i.code(), "", i.code()
                .substring(0, 12), (Polygon) i.geometry())).toList();
        Envelope town = new Envelope();
        grids.forEach(g -> town.expandToInclude(g.boundary().getEnvelopeInternal()));
        Random random = new Random(1);
        for (int i = 0; i < POINTS; i++) {
            lng[i] = town.getMinX() + random.nextDouble() * town.getWidth();
            lat[i] = town.getMinY() + random.nextDouble() * town.getHeight();
        }
        tagger = new GridTagger(grids);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public String[] tagMillionParallel() {
        return tagger.tagAll(lng, lat);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public int tagMillionOneThread() {
        int tagged = 0;
        for (int i = 0; i < POINTS; i++) {
            tagged += tagger.tag(lng[i], lat[i]) == null ? 0 : 1;
        }
        return tagged;
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(GridTaggingBenchmarks.class.getSimpleName()).build()).run();
    }
}
