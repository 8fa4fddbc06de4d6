package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a {@link County} in EPSG:4546 metres and converts it to rounded longitude/latitude.
 *
 * <p>Method: the county outline is a roughened ellipse ({@link TownOutline}); one {@link VoronoiTiling} of it,
 * about eight cells per grid, is the building block of every boundary. Towns grow over the cells from k-means
 * seeds ({@link RegionGrowing}, edge costs jittered so borders wander), villages grow over their town's cells,
 * grids over their village's cells, and every outline is assembled from the shared cell edges: towns tile the
 * county, villages their town and grids their village exactly, vertex for vertex. Buildings are rotated
 * rectangles clustered in hamlets, at least 3 m inside their grid and 2 m from each other. Roads join each
 * village to its town's centre and each town to its neighbours. Deterministic: one {@link Random} per stage,
 * seeded from the spec, visited in a fixed order.
 */
final class CountyGenerator {

    /** Cells per grid: enough for grid borders that are not straight, few enough to tile a county quickly. */
    private static final double CELLS_PER_GRID = 8;
    /** Area of a Poisson-disk Voronoi cell relative to the square of the sites' spacing (measured). */
    private static final double CELL_AREA_PER_SPACING2 = 1.1;

    private static final String[] TOWN_NAMES = {"桃源", "竹溪", "石门", "枫林", "青龙", "金鸡", "马鞍", "白鹭", "茶园",
        "黄泥", "双江", "凤凰", "长岭", "清水", "牛角", "杨柳", "花桥", "龙潭", "松坡", "栗坪"};
    private static final String[] NAME_FIRST = {"黄", "李", "石", "桃", "竹", "茶", "枫", "杨", "金", "青", "龙", "牛",
        "马", "花", "白", "红", "新", "高", "长", "双", "罗", "周", "谢", "曹", "唐", "刘", "莲", "梅", "柳", "栗"};
    private static final String[] NAME_SECOND = {"山", "溪", "塘", "坪", "桥", "湾", "冲", "岭", "坝", "港", "田", "园",
        "洲", "垸", "铺", "坡", "湖", "林", "峰", "泉"};

    private final County.Spec spec;
    private final GaussKrugerProjection projection = new GaussKrugerProjection();

    CountyGenerator(County.Spec spec) {
        this.spec = spec;
    }

    private record Region(List<Integer> cells, Polygon outline) {
    }

    County generate() {
        Random random = new Random(spec.seed());
        Coordinate c = projection.toMetric(spec.centreLng(), spec.centreLat());
        Coordinate centre = MetricGrid.snap(c.x, c.y);
        double area = spec.areaKm2() * 1e6;
        Polygon outline = TownOutline.create(centre, area, random).polygon(1024);
        double spacing = StrictMath.sqrt(area / (spec.grids() * CELLS_PER_GRID) / CELL_AREA_PER_SPACING2);
        VoronoiTiling tiling = VoronoiTiling.build(outline, List.of(), p -> spacing, p -> 1, random);
        List<VoronoiTiling.Cell> cells = tiling.cells();
        double[][] cost = jitteredCosts(tiling, random);

        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            all.add(i);
        }
        Polygon countyOutline = tiling.outline(all);
        double gridArea = area / spec.grids();
        double villageArea = area / (spec.towns() * (double) spec.villagesPerTown());

        List<Region> towns = readingOrder(divide(tiling, cost, all, spec.towns(), 0.35, random), 8000);
        List<County.Town> townOut = new ArrayList<>();
        List<County.Village> villageOut = new ArrayList<>();
        List<County.Grid> gridOut = new ArrayList<>();
        List<Polygon> gridMetric = new ArrayList<>();
        List<Boolean> gridCommunity = new ArrayList<>();
        List<Double> gridTownFactor = new ArrayList<>();
        List<Coordinate> townCentres = new ArrayList<>();
        List<List<Coordinate>> villageCentres = new ArrayList<>();
        for (int t = 0; t < towns.size(); t++) {
            Region town = towns.get(t);
            String townCode = spec.countyCode() + "9" + String.format("%02d", t + 1);
            String townName = TOWN_NAMES[t % TOWN_NAMES.length] + (t < TOWN_NAMES.length ? "" : String.valueOf(t))
                    + "镇";
            int villageCount = (int) StrictMath.max(2, StrictMath.round(town.outline().getArea() / villageArea));
            List<Region> villages = readingOrder(divide(tiling, cost, town.cells(), villageCount, 0.3, random),
                    StrictMath.sqrt(villageArea));
            // the community: the village nearest the town's centre of mass
            Coordinate mass = town.outline().getCentroid().getCoordinate();
            int community = 0;
            for (int v = 1; v < villages.size(); v++) {
                if (label(villages.get(v)).distance(mass) < label(villages.get(community)).distance(mass)) {
                    community = v;
                }
            }
            double townFactor = 0.6 + random.nextDouble();
            townCentres.add(label(villages.get(community)));
            List<Coordinate> centres = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int v = 0; v < villages.size(); v++) {
                Region village = villages.get(v);
                centres.add(label(village));
                boolean isCommunity = v == community;
                String villageCode = townCode + String.format("%03d", v + 1);
                String name = isCommunity ? TOWN_NAMES[t % TOWN_NAMES.length] + "社区" : villageName(names, random);
                int gridCount = (int) StrictMath.max(1, StrictMath.min(99,
                        StrictMath.round(village.outline().getArea() / gridArea * (isCommunity ? 2 : 1))));
                gridCount = StrictMath.min(gridCount, StrictMath.max(1, village.cells().size() / 3));
                List<Region> grids = readingOrder(divide(tiling, cost, village.cells(), gridCount, 0.15, random),
                        StrictMath.sqrt(gridArea));
                for (int g = 0; g < grids.size(); g++) {
                    String gridCode = villageCode + String.format("%02d", g + 1);
                    gridOut.add(new County.Grid(gridCode, villageCode, name + String.format("第%02d网格", g + 1), g + 1,
                            lngLat(grids.get(g).outline())));
                    gridMetric.add(grids.get(g).outline());
                    gridCommunity.add(isCommunity);
                    gridTownFactor.add(townFactor);
                }
                villageOut.add(new County.Village(villageCode, townCode, name, isCommunity ? "community" : "village",
                        0, 0, lngLat(village.outline())));
            }
            villageCentres.add(centres);
            townOut.add(new County.Town(townCode, townName, 0, lngLat(town.outline())));
        }

        CountyBuildings placed = new CountyBuildings(projection, new Random(spec.seed() ^ 0x9E3779B97F4A7C15L));
        List<County.Building> buildings = placed.place(gridOut, gridMetric, gridCommunity, gridTownFactor,
                spec.buildings());
        populate(townOut, villageOut, buildings, new Random(spec.seed() ^ 0x5DEECE66DL));
        List<County.Road> roads = roads(towns, townCentres, villageCentres, new Random(spec.seed() ^ 0xC0FFEEL));
        return new County(spec, lngLat(countyOutline), townOut, villageOut, gridOut, buildings, roads);
    }

    /**
     * Splits {@code members} into {@code k} connected regions without holes, of roughly equal area (each target
     * drawn within ±{@code spread}); tries new seeds when an attempt leaves a region enclosing another.
     */
    private List<Region> divide(VoronoiTiling tiling, double[][] globalCost, List<Integer> members, int k,
                                double spread, Random random) {
        List<VoronoiTiling.Cell> all = tiling.cells();
        int m = members.size();
        if (k <= 1) {
            return List.of(new Region(members, tiling.outline(members)));
        }
        int[] local = new int[all.size()];
        Arrays.fill(local, -1);
        for (int i = 0; i < m; i++) {
            local[members.get(i)] = i;
        }
        int[][] adjacency = new int[m][];
        double[][] cost = new double[m][];
        double[] area = new double[m];
        List<VoronoiTiling.Cell> sub = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int g = members.get(i);
            sub.add(all.get(g));
            area[i] = all.get(g).area();
            int[] nb = tiling.neighbours(g);
            List<Integer> keep = new ArrayList<>();
            for (int j = 0; j < nb.length; j++) {
                if (local[nb[j]] >= 0) {
                    keep.add(j);
                }
            }
            adjacency[i] = new int[keep.size()];
            cost[i] = new double[keep.size()];
            for (int j = 0; j < keep.size(); j++) {
                adjacency[i][j] = local[nb[keep.get(j)]];
                cost[i][j] = globalCost[g][keep.get(j)];
            }
        }
        double total = Arrays.stream(area).sum();
        RegionGrowing growing = new RegionGrowing(adjacency, cost, area);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            double[] draw = new double[k];
            double sum = 0;
            for (int r = 0; r < k; r++) {
                draw[r] = 1 - spread + 2 * spread * random.nextDouble();
                sum += draw[r];
            }
            double[] targets = new double[k];
            for (int r = 0; r < k; r++) {
                targets[r] = total * draw[r] / sum;
            }
            int[] seeds = VillageDivision.kMeansSeeds(sub, area, k, random);
            int[] region = growing.fit(seeds, targets, 40);
            List<List<Integer>> groups = new ArrayList<>();
            for (int r = 0; r < k; r++) {
                groups.add(new ArrayList<>());
            }
            boolean complete = true;
            for (int i = 0; i < m; i++) {
                if (region[i] < 0) {
                    complete = false;
                    break;
                }
                groups.get(region[i]).add(members.get(i));
            }
            if (!complete) {
                last = new IllegalStateException("growth left cells unreached");
                continue;
            }
            try {
                List<Region> out = new ArrayList<>();
                for (List<Integer> g : groups) {
                    out.add(new Region(g, tiling.outline(g)));
                }
                return out;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no valid division into " + k + " regions", last);
    }

    /** Distances between neighbouring cells' interior points, each edge scaled by a random 0.6-1.4. */
    private static double[][] jitteredCosts(VoronoiTiling tiling, Random random) {
        List<VoronoiTiling.Cell> cells = tiling.cells();
        double[] roughness = new double[cells.size()];
        for (int i = 0; i < roughness.length; i++) {
            roughness[i] = 0.6 + 0.8 * random.nextDouble();
        }
        double[][] cost = new double[cells.size()][];
        for (int a = 0; a < cells.size(); a++) {
            int[] nb = tiling.neighbours(a);
            cost[a] = new double[nb.length];
            for (int j = 0; j < nb.length; j++) {
                int b = nb[j];
                cost[a][j] = cells.get(a).label().distance(cells.get(b).label()) * 0.5 * (roughness[a] + roughness[b]);
            }
        }
        return cost;
    }

    private static List<Region> readingOrder(List<Region> regions, double bandMeters) {
        List<Polygon> outlines = regions.stream().map(Region::outline).toList();
        List<Region> out = new ArrayList<>();
        for (int i : VillageDivision.readingOrder(outlines, bandMeters)) {
            out.add(regions.get(i));
        }
        return out;
    }

    private static Coordinate label(Region r) {
        return r.outline().getInteriorPoint().getCoordinate();
    }

    private static String villageName(Set<String> taken, Random random) {
        for (int attempt = 0; ; attempt++) {
            String name = NAME_FIRST[random.nextInt(NAME_FIRST.length)] + NAME_SECOND[random.nextInt(NAME_SECOND.length)]
                    + (attempt < 50 ? "" : String.valueOf(attempt)) + "村";
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** People per village from its houses (1.5-1.8 households a house, 3.05-3.35 people a household). */
    private static void populate(List<County.Town> towns, List<County.Village> villages,
                                 List<County.Building> buildings, Random random) {
        Map<String, Integer> houses = new HashMap<>();
        for (County.Building b : buildings) {
            if (b.use().equals("residential")) {
                houses.merge(b.gridCode().substring(0, 12), 1, Integer::sum);
            }
        }
        Map<String, Integer> townPeople = new HashMap<>();
        for (int v = 0; v < villages.size(); v++) {
            County.Village village = villages.get(v);
            int n = houses.getOrDefault(village.code(), 0);
            int households = (int) StrictMath.round(n * (1.5 + 0.3 * random.nextDouble()));
            int people = (int) StrictMath.round(households * (3.05 + 0.3 * random.nextDouble()));
            villages.set(v, new County.Village(village.code(), village.townCode(), village.name(), village.kind(),
                    people, households, village.boundary()));
            townPeople.merge(village.townCode(), people, Integer::sum);
        }
        for (int t = 0; t < towns.size(); t++) {
            County.Town town = towns.get(t);
            towns.set(t, new County.Town(town.code(), town.name(), townPeople.getOrDefault(town.code(), 0),
                    town.boundary()));
        }
    }

    /**
     * Provincial roads between the centres of towns that share a border; a town road from each village to the
     * nearest already-connected point of its town (the town's centre first), so each town's network is a tree.
     * Straight alignments bent at three jittered points, vertices on the 1 m grid.
     */
    private List<County.Road> roads(List<Region> towns, List<Coordinate> townCentres,
                                    List<List<Coordinate>> villageCentres, Random random) {
        List<County.Road> roads = new ArrayList<>();
        Map<Coordinate, Long> nodes = new HashMap<>();
        for (int a = 0; a < towns.size(); a++) {
            for (int b = a + 1; b < towns.size(); b++) {
                Polygon pa = towns.get(a).outline();
                Polygon pb = towns.get(b).outline();
                if (pa.getEnvelopeInternal().intersects(pb.getEnvelopeInternal())
                        && pa.intersection(pb).getLength() > 500) {
                    roads.add(road(roads.size() + 1, townCentres.get(a), townCentres.get(b), RoadClass.PROVINCIAL,
                            nodes, random));
                }
            }
        }
        for (int t = 0; t < towns.size(); t++) {
            Coordinate centre = townCentres.get(t);
            List<Coordinate> connected = new ArrayList<>(List.of(centre));
            List<Coordinate> waiting = new ArrayList<>(villageCentres.get(t));
            waiting.removeIf(p -> p.equals2D(centre));
            waiting.sort(Comparator.comparingDouble(p -> p.distance(centre)));
            for (Coordinate p : waiting) {
                Coordinate from = connected.get(0);
                for (Coordinate q : connected) {
                    if (q.distance(p) < from.distance(p)) {
                        from = q;
                    }
                }
                roads.add(road(roads.size() + 1, from, p, RoadClass.TOWN, nodes, random));
                connected.add(p);
            }
        }
        return roads;
    }

    private County.Road road(long id, Coordinate a, Coordinate b, RoadClass roadClass, Map<Coordinate, Long> nodes,
                             Random random) {
        Coordinate[] pts = new Coordinate[5];
        double length = a.distance(b);
        double nx = -(b.y - a.y) / length;
        double ny = (b.x - a.x) / length;
        pts[0] = MetricGrid.snap(a.x, a.y);
        pts[4] = MetricGrid.snap(b.x, b.y);
        for (int i = 1; i < 4; i++) {
            double t = i / 4.0;
            double off = 0.04 * length * random.nextGaussian();
            pts[i] = MetricGrid.snap(a.x + (b.x - a.x) * t + nx * off, a.y + (b.y - a.y) * t + ny * off);
        }
        LineString line = (LineString) lngLat(MetricGrid.FACTORY.createLineString(pts));
        long from = nodes.computeIfAbsent(pts[0], k -> (long) nodes.size() + 1);
        long to = nodes.computeIfAbsent(pts[4], k -> (long) nodes.size() + 1);
        return new County.Road(id, from, to, roadClass.code(), null, null, roadClass.speedKmh(), line);
    }

    private Polygon lngLat(Polygon metric) {
        return (Polygon) lngLat((Geometry) metric);
    }

    private Geometry lngLat(Geometry metric) {
        Geometry g = projection.toLngLat(metric);
        g.setSRID(4326);
        return g;
    }
}
