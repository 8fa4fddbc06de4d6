package cn.pingangrid.gisdata;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Decides where the named places go. Landmarks are sited from the terrain before roads are laid (so roads can
 * reach them): the ferry on the bank where 九湖村 faces 栗山河村, 牛蹄山 on the highest ground of 牛蹄村, 无极寺
 * on a hillside of 童子山村, the gold mine in 首溪村, the hydropower station on the 沂溪. Offices, the clinic
 * and schools are {@link BuildingPlacer.Anchor}s: buildings placed first, the place at the building's centre.
 * A place whose village is missing from the plan (benchmark towns reuse the plan, so none is) is left out.
 */
final class PlacePlanner {

    /** A named point; {@code needsRoad} asks the road builder for an access road. */
    record Place(String name, String kind, Coordinate location, boolean needsRoad) {
    }

    private PlacePlanner() {
    }

    static String prefix(TownSpec spec) {
        String n = spec.name();
        return n.endsWith("镇") || n.endsWith("乡") ? n.substring(0, n.length() - 1) : n;
    }

    static List<Place> landmarks(TownGenerator.Town t) {
        List<Place> places = new ArrayList<>();
        VillageDivision.Village jiuhu = village(t, "九湖村");
        VillageDivision.Village lishanhe = village(t, "栗山河村");
        if (jiuhu != null) {
            places.add(new Place("九湖渡口", "ferry", ferryLanding(t, jiuhu, lishanhe), true));
        }
        VillageDivision.Village niuti = village(t, "牛蹄村");
        if (niuti != null) {
            places.add(new Place("牛蹄山", "scenic", atHeightRank(t, niuti.polygon(), 1.0), false));
        }
        VillageDivision.Village tongzishan = village(t, "童子山村");
        if (tongzishan != null) {
            places.add(new Place("无极寺", "scenic", atHeightRank(t, tongzishan.polygon(), 0.7), true));
        }
        VillageDivision.Village shouxi = village(t, "首溪村");
        if (shouxi != null) {
            places.add(new Place("首溪金矿", "mine", atHeightRank(t, shouxi.polygon(), 0.55), true));
        }
        LengthIndexedLine stream = new LengthIndexedLine(t.stream);
        Coordinate onStream = stream.extractPoint(0.45 * t.stream.getLength());
        Coordinate ahead = stream.extractPoint(0.45 * t.stream.getLength() + 10);
        double dx = ahead.x - onStream.x;
        double dy = ahead.y - onStream.y;
        double len = StrictMath.hypot(dx, dy);
        places.add(new Place("沂溪河水电站", "hydropower",
                MetricGrid.snap(onStream.x + dy / len * 30, onStream.y - dx / len * 30), true));
        return places;
    }

    /** Offices, the clinic and schools as buildings to place before all others. */
    static List<BuildingPlacer.Anchor> anchors(TownGenerator.Town t, List<HamletPlanner.Hamlet> hamlets,
                                               List<Place> landmarks) {
        String p = prefix(t.spec);
        Coordinate c = t.communityCentre;
        List<BuildingPlacer.Anchor> anchors = new ArrayList<>();
        anchors.add(anchor(p + "镇人民政府", "government", c, 60, 140, 36, 16, "public", 4));
        anchors.add(anchor(p + "派出所", "police", c, 260, 60, 24, 14, "public", 3));
        anchors.add(anchor(p + "镇卫生院", "hospital", c, -320, 120, 40, 18, "public", 4));
        anchors.add(anchor(p + "镇中学", "school", c, 150, 520, 52, 18, "public", 4));
        anchors.add(anchor(p + "镇中心小学", "school", c, -480, 330, 46, 16, "public", 3));
        for (HamletPlanner.Hamlet h : hamlets) {
            if (!h.villageCentre()) {
                continue;
            }
            String village = t.villages.get(h.village()).plan().name();
            anchors.add(new BuildingPlacer.Anchor(null, null, h.centre(), 20, 12, "public", 3));
            if (village.equals("栗山河村") || village.equals("九湖村")) {
                String school = village.substring(0, village.length() - 1) + "小学";
                anchors.add(new BuildingPlacer.Anchor(school, "school", h.centre(), 32, 14, "public", 3));
            }
        }
        for (Place l : landmarks) {
            switch (l.kind()) {
                case "mine" -> {
                    anchors.add(new BuildingPlacer.Anchor(null, null, l.location(), 48, 26, "industrial", 1));
                    anchors.add(new BuildingPlacer.Anchor(null, null, l.location(), 30, 18, "industrial", 2));
                }
                case "hydropower" ->
                        anchors.add(new BuildingPlacer.Anchor(null, null, l.location(), 28, 16, "industrial", 2));
                case "scenic" -> {
                    if (l.needsRoad()) {
                        anchors.add(new BuildingPlacer.Anchor(null, null, l.location(), 22, 16, "public", 1));
                    }
                }
                default -> {
                }
            }
        }
        return anchors;
    }

    private static BuildingPlacer.Anchor anchor(String name, String kind, Coordinate c, double dx, double dy,
                                                double width, double depth, String use, int floors) {
        return new BuildingPlacer.Anchor(name, kind, new Coordinate(c.x + dx, c.y + dy), width, depth, use, floors);
    }

    static VillageDivision.Village village(TownGenerator.Town t, String name) {
        for (VillageDivision.Village v : t.villages) {
            if (v.plan().name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    /**
     * A landing on the river's north bank inside {@code village}, where the village across is {@code across}
     * (if given): the middle of the stretch where both banks qualify.
     */
    private static Coordinate ferryLanding(TownGenerator.Town t, VillageDivision.Village village,
                                           VillageDivision.Village across) {
        PreparedGeometry here = PreparedGeometryFactory.prepare(village.polygon().buffer(-30));
        PreparedGeometry there = across == null ? null : PreparedGeometryFactory.prepare(across.polygon().buffer(-30));
        Envelope env = village.polygon().getEnvelopeInternal();
        List<Coordinate> good = new ArrayList<>();
        List<Coordinate> fallback = new ArrayList<>();
        for (double x = env.getMinX(); x <= env.getMaxX(); x += 20) {
            double y = t.river.centreY(x);
            double off = t.river.halfWidth(x) + 25;
            Coordinate north = MetricGrid.snap(x, y + off);
            Coordinate south = new Coordinate(x, y - off);
            if (!here.contains(MetricGrid.FACTORY.createPoint(north))
                    || t.water.buffer(10).contains(MetricGrid.FACTORY.createPoint(north))) {
                continue;
            }
            fallback.add(north);
            if (there != null && there.contains(MetricGrid.FACTORY.createPoint(south))) {
                good.add(north);
            }
        }
        List<Coordinate> pick = good.isEmpty() ? fallback : good;
        if (pick.isEmpty()) {
            return village.polygon().getInteriorPoint().getCoordinate();
        }
        return pick.get(pick.size() / 2);
    }

    /**
     * The sample point of a 100 m lattice inside the polygon (150 m from its edge) at the given rank of height
     * (0 lowest, 1 highest).
     */
    private static Coordinate atHeightRank(TownGenerator.Town t, Polygon polygon, double rank) {
        PreparedGeometry inner = PreparedGeometryFactory.prepare(polygon.buffer(-150));
        Envelope env = polygon.getEnvelopeInternal();
        List<double[]> samples = new ArrayList<>();
        for (double x = StrictMath.ceil(env.getMinX() / 100) * 100; x <= env.getMaxX(); x += 100) {
            for (double y = StrictMath.ceil(env.getMinY() / 100) * 100; y <= env.getMaxY(); y += 100) {
                if (inner.contains(MetricGrid.FACTORY.createPoint(new Coordinate(x, y)))) {
                    samples.add(new double[] {t.terrain.heightMeters(x, y), x, y});
                }
            }
        }
        if (samples.isEmpty()) {
            return polygon.getInteriorPoint().getCoordinate();
        }
        samples.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
        double[] s = samples.get((int) StrictMath.round(rank * (samples.size() - 1)));
        return new Coordinate(s[1], s[2]);
    }
}
