package cn.pingangrid.gisdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A synthetic county for benchmarks: towns that tile the county, villages that tile their town, grids that tile
 * their village, buildings inside their grid, a road network, and a history of disputes at points inside grids.
 * Longitude/latitude (SRID 4326, CGCS2000 at this scale), rounded to 7 decimals. Everything follows from the
 * {@link Spec}: the same spec gives the same county, byte for byte. Illustrative, never the default dataset.
 *
 * <p>Geography is held in memory (the Taojiang spec: about 300,000 buildings, a few hundred MB); disputes are
 * generated on demand and streamed ({@link #disputes}), because a million of them need not all be held at once.
 */
public final class County {

    /**
     * What to generate.
     *
     * @param areaKm2         the county's area; towns, villages and grids share it
     * @param villagesPerTown the mean number of villages in a town (one of them is the town's community)
     * @param grids           about how many grids in all
     * @param buildings       how many buildings to try to place (a few may not fit)
     * @param historyEnd      the last 排查 date of the dispute history; statuses are as of this day
     * @param historyYears    how many years the history covers
     */
    public record Spec(String countyCode, String countyName, double centreLng, double centreLat, double areaKm2,
                       int towns, int villagesPerTown, int grids, int buildings, int disputes, LocalDate historyEnd,
                       int historyYears, long seed) {

        /** About 桃江县: 2,068 km², 15 towns, ~3,000 grids, 300,000 buildings, 1,000,000 disputes over 5 years. */
        public static Spec taojiang(LocalDate historyEnd) {
            return new Spec("430922", "桃江县", 111.98, 28.45, 2068, 15, 14, 3000, 300_000, 1_000_000, historyEnd, 5,
                    20260430L);
        }

        /** A small county for tests: 2 towns of 4 villages, ~50 grids, 3,000 buildings, 5,000 disputes. */
        public static Spec small(LocalDate historyEnd) {
            return new Spec("430922", "桃江县", 111.98, 28.45, 60, 2, 4, 48, 3000, 5000, historyEnd, 2, 20260501L);
        }

        /** The same county with another seed. */
        public Spec withSeed(long newSeed) {
            return new Spec(countyCode, countyName, centreLng, centreLat, areaKm2, towns, villagesPerTown, grids,
                    buildings, disputes, historyEnd, historyYears, newSeed);
        }

        /** A name for the loaded dataset that changes whenever the generated data would. */
        public String datasetName() {
            return "county-" + towns + "-" + seed;
        }
    }

    /** A town (乡镇), coded 4309229NN: codes that no real town of the county has. */
    public record Town(String code, String name, int population, Polygon boundary) {
    }

    public record Village(String code, String townCode, String name, String kind, int population, int households,
                          Polygon boundary) {
    }

    public record Grid(String code, String villageCode, String name, int seq, Polygon boundary) {
    }

    public record Building(String code, String gridCode, String use, int floors, Polygon footprint) {
    }

    public record Road(long id, long fromNode, long toNode, String roadClass, String ref, String name, int speedKmh,
                       LineString line) {
    }

    /** One timeline entry of a dispute: the registration, then at most the step that led to its status. */
    public record Step(int seq, Instant at, String actor, String action, String statusAfter) {
    }

    /**
     * One dispute, with the codes of the enums of the application's dispute module. {@code buildingCode} is the
     * building the point lies in, if any; {@code id} counts from 1 in the order of the stream.
     */
    public record Dispute(long id, Point location, String villageCode, String gridCode, String buildingCode,
                          LocalDate sweptOn, LocalDate occurredOn, String sweptBy, String situation, String measures,
                          String type, String severity, String source, String status, String handlingLevel,
                          int peopleInvolved, BigDecimal amountYuan, boolean sensitive, String responsibleUnit,
                          String responsiblePerson, LocalDate deadline, boolean overdue, String referralChannel,
                          String referralUnit, LocalDate resolvedOn, String resolvedLevel, String createdBy,
                          Instant createdAt, List<Step> timeline) {
    }

    private final Spec spec;
    private final Polygon boundary;
    private final List<Town> towns;
    private final List<Village> villages;
    private final List<Grid> grids;
    private final List<Building> buildings;
    private final List<Road> roads;
    private final CountyDisputes disputes;

    County(Spec spec, Polygon boundary, List<Town> towns, List<Village> villages, List<Grid> grids,
           List<Building> buildings, List<Road> roads) {
        this.spec = spec;
        this.boundary = boundary;
        this.towns = List.copyOf(towns);
        this.villages = List.copyOf(villages);
        this.grids = List.copyOf(grids);
        this.buildings = List.copyOf(buildings);
        this.roads = List.copyOf(roads);
        this.disputes = new CountyDisputes(this);
    }

    /** Generates the county's geography (disputes come later, from {@link #disputes}). */
    public static County generate(Spec spec) {
        return new CountyGenerator(spec).generate();
    }

    public Spec spec() {
        return spec;
    }

    /** The county's outline: the union of its towns. */
    public Polygon boundary() {
        return boundary;
    }

    public List<Town> towns() {
        return towns;
    }

    public List<Village> villages() {
        return villages;
    }

    public List<Grid> grids() {
        return grids;
    }

    public List<Building> buildings() {
        return buildings;
    }

    public List<Road> roads() {
        return roads;
    }

    /** Streams the dispute history in id order, {@code spec.disputes()} of them; the same every time. */
    public void disputes(Consumer<Dispute> sink) {
        disputes.generate(sink);
    }
}
