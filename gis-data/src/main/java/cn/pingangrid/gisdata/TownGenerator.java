package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates one town's dataset in EPSG:4546 metres from a {@link TownSpec}: outline, river, terrain, cells,
 * villages and grids, neighbours, roads, buildings and places. Everything derives from one {@link Random} seeded
 * with {@link TownSpec#seed()} and is visited in a fixed order, so the same spec gives the same result.
 */
final class TownGenerator {

    /** Metric results, before conversion to longitude/latitude. */
    static final class Town {
        TownSpec spec;
        Coordinate centre;
        Coordinate communityCentre;
        TownOutline outline;
        RiverCourse river;
        LineString stream;
        Terrain terrain;
        VoronoiTiling tiling;
        Polygon polygon;
        List<VillageDivision.Village> villages;
        List<Polygon> neighbours = List.of();
        Polygon water;
        List<HamletPlanner.Hamlet> hamlets = List.of();
        RoadNetworkBuilder.Network roads;
        List<BuildingPlacer.Building> buildings = List.of();
        List<PlacePlanner.Place> places = List.of();
    }

    private final TownSpec spec;
    private final GaussKrugerProjection projection;
    private final boolean withNeighbours;

    TownGenerator(TownSpec spec, GaussKrugerProjection projection, boolean withNeighbours) {
        this.spec = spec;
        this.projection = projection;
        this.withNeighbours = withNeighbours;
    }

    Town generate() {
        Random random = new Random(spec.seed());
        Town t = new Town();
        t.spec = spec;
        Coordinate c = projection.toMetric(spec.centreLng(), spec.centreLat());
        t.centre = MetricGrid.snap(c.x, c.y);
        t.outline = TownOutline.create(t.centre, spec.areaKm2() * 1e6, random);
        Polygon draft = t.outline.polygon(512);
        t.river = new RiverCourse(t.centre, 250, random);
        t.river.balance(draft, northShare(spec));
        t.communityCentre = MetricGrid.snap(t.centre.x, t.river.centreY(t.centre.x) + 420);
        Envelope env = draft.getEnvelopeInternal();
        LineString riverLine = t.river.centreline(env.getMinX() - 200, env.getMaxX() + 200, 30);

        double streamAngle = StrictMath.toRadians(-78);
        double reach = 0.82 * t.outline.radius(streamAngle);
        Coordinate source = MetricGrid.snap(t.centre.x + reach * StrictMath.cos(streamAngle),
                t.centre.y + reach * StrictMath.sin(streamAngle));
        t.stream = t.river.tributary(source, t.centre.x + 1500, random);
        t.terrain = new Terrain(random.nextLong(), t.outline, t.river, t.stream, draft.getEnvelopeInternal());

        Coordinate community = t.communityCentre;
        t.tiling = VoronoiTiling.build(draft, List.of(riverLine),
                p -> spacing(p.distance(community)),
                p -> t.river.side(p.x, p.y), random);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < t.tiling.cells().size(); i++) {
            all.add(i);
        }
        t.polygon = t.tiling.outline(all);
        t.villages = VillageDivision.divide(spec, t.tiling, t.terrain, t.communityCentre, random);

        Envelope limit = metricLimit();
        Geometry extent;
        if (withNeighbours) {
            t.neighbours = NeighbourRing.build(t.polygon, t.outline, spec.neighbours(), limit, random);
            List<Geometry> parts = new ArrayList<>(t.neighbours);
            parts.add(t.polygon);
            extent = MetricGrid.FACTORY.buildGeometry(parts).union();
        } else {
            extent = t.polygon;
        }
        t.water = t.river.polygon(env.getMinX() - 6000, env.getMaxX() + 6000, extent);

        t.hamlets = HamletPlanner.plan(t.villages, t.terrain, t.water, random);
        List<PlacePlanner.Place> landmarks = PlacePlanner.landmarks(t);
        RoadNetworkBuilder roadBuilder = new RoadNetworkBuilder(t, random);
        t.roads = roadBuilder.build(t.hamlets, landmarks);
        List<BuildingPlacer.Anchor> anchors = PlacePlanner.anchors(t, t.hamlets, landmarks);
        BuildingPlacer.Result placed = new BuildingPlacer(t, t.hamlets, roadBuilder.router(), random)
                .place(anchors, spec.buildings());
        t.buildings = placed.buildings();
        List<PlacePlanner.Place> places = new ArrayList<>();
        for (int a = 0; a < anchors.size(); a++) {
            BuildingPlacer.Anchor anchor = anchors.get(a);
            if (anchor.placeName() == null) {
                continue;
            }
            int b = placed.anchorBuildings()[a];
            Coordinate at = b >= 0 ? t.buildings.get(b).footprint().getCentroid().getCoordinate() : anchor.near();
            places.add(new PlacePlanner.Place(anchor.placeName(), anchor.placeKind(), at, false));
        }
        places.addAll(landmarks);
        t.places = places;
        return t;
    }

    /** The share of the town's area the plan puts north of the river (fixed areas as given, others equal). */
    private static double northShare(TownSpec spec) {
        double fixed = 0;
        int free = 0;
        for (TownSpec.VillagePlan v : spec.villages()) {
            if (v.areaKm2() > 0) {
                fixed += v.areaKm2();
            } else {
                free++;
            }
        }
        double each = (spec.areaKm2() - fixed) / free;
        double north = 0;
        for (TownSpec.VillagePlan v : spec.villages()) {
            if (v.northBank()) {
                north += v.areaKm2() > 0 ? v.areaKm2() : each;
            }
        }
        return north / spec.areaKm2();
    }

    /** Sites of the cells: 130 m apart in the town centre, 300 m in the hills. */
    private static double spacing(double metersFromCommunity) {
        double t = StrictMath.max(0, StrictMath.min(1, (metersFromCommunity - 1300) / 1800));
        return 130 + 170 * t;
    }

    /** The town's bounding box (±0.15° longitude, ±0.10° latitude around its centre) in metres, 300 m inside. */
    private Envelope metricLimit() {
        double west = spec.centreLng() - 0.15;
        double east = spec.centreLng() + 0.15;
        double south = spec.centreLat() - 0.10;
        double north = spec.centreLat() + 0.10;
        double minX = Double.NEGATIVE_INFINITY;
        double maxX = Double.POSITIVE_INFINITY;
        double minY = Double.NEGATIVE_INFINITY;
        double maxY = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 10; i++) {
            double lat = south + (north - south) * i / 10;
            double lng = west + (east - west) * i / 10;
            minX = StrictMath.max(minX, projection.toMetric(west, lat).x);
            maxX = StrictMath.min(maxX, projection.toMetric(east, lat).x);
            minY = StrictMath.max(minY, projection.toMetric(lng, south).y);
            maxY = StrictMath.min(maxY, projection.toMetric(lng, north).y);
        }
        return new Envelope(minX + 300, maxX - 300, minY + 300, maxY - 300);
    }
}
