package cn.pingangrid.area;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.internal.Building;
import cn.pingangrid.area.internal.Geography;
import cn.pingangrid.area.internal.Grid;
import cn.pingangrid.area.internal.Town;
import cn.pingangrid.area.internal.Village;
import cn.pingangrid.geo.Wgs84;

/**
 * The area module's API for other modules: the town's villages, grids and buildings as small records, each read cut
 * to the caller's scope (a foreign village is as absent as an unknown one), plus the public {@link AreaNames}.
 * The entities and their repository stay inside the module.
 */
@Service
@Transactional(readOnly = true)
public class Areas {

    /** A grid code: the village's 12 digits and two more; a building code adds five. */
    private static final int GRID_CODE_LENGTH = 14;

    private final Geography geography;
    private final Map<String, Point> labels = new ConcurrentHashMap<>();

    Areas(Geography geography) {
        this.geography = geography;
    }

    /** The town's outline (public geography, the same for everyone); empty before the dataset is imported. */
    public Optional<Polygon> townBoundary() {
        return geography.town().map(Town::getBoundary);
    }

    /** The villages the caller sees (a grid manager: their own village's outline), in code order. */
    public List<VillageRef> villages() {
        return geography.villages(null).stream().map(Areas::ref).toList();
    }

    public Optional<VillageRef> village(String code) {
        return geography.village(code).map(Areas::ref);
    }

    /** The grids the caller sees, of one village or (null) all, in code order. */
    public List<GridRef> grids(String villageCode) {
        return geography.grids(null, villageCode).stream().map(Areas::ref).toList();
    }

    public Optional<GridRef> grid(String code) {
        return geography.grid(code).map(Areas::ref);
    }

    /** The caller's grid at a point; empty outside the town and outside the caller's area. */
    public Optional<GridRef> gridAt(Point point) {
        return geography.gridAt(point).map(Areas::ref);
    }

    /** Whether the point lies in the town at all (to tell "outside the town" from "outside your area"). */
    public boolean inTown(Point point) {
        return geography.inTown(point);
    }

    /** A building the caller sees, by its 19-digit code. */
    public Optional<BuildingRef> building(String code) {
        if (code == null || code.length() < GRID_CODE_LENGTH) {
            return Optional.empty();
        }
        return geography.buildings(null, code.substring(0, GRID_CODE_LENGTH), null, Integer.MAX_VALUE).stream()
                .filter(b -> b.getCode().equals(code)).findFirst().map(Areas::ref);
    }

    /** The code of the building the caller sees at a point, if the point lies in one (an indexed query). */
    public Optional<String> buildingCodeAt(Point point) {
        return geography.locate(point).map(l -> l.building() == null ? null : l.building().code());
    }

    /** The buildings of a village the caller sees, in code order. */
    public List<BuildingRef> buildingsOfVillage(String villageCode) {
        return geography.buildings(null, null, villageCode, Integer.MAX_VALUE).stream().map(Areas::ref).toList();
    }

    /** The whole road network (public geography, the same for everyone), in edge id order. */
    public List<RoadEdge> roadNetwork() {
        return geography.roadNetwork();
    }

    /**
     * A point inside each village the caller sees, by code: where a count or a name is drawn for it. Computed once
     * per village (outlines change only on import) and given only for the codes the caller's scoped read returns.
     */
    public Map<String, Point> villageLabelPoints() {
        return labelPoints(geography.villageCodes(), code -> geography.village(code).map(Village::getBoundary));
    }

    /** As {@link #villageLabelPoints}, for the caller's grids. */
    public Map<String, Point> gridLabelPoints() {
        return labelPoints(geography.gridCodes(), code -> geography.grid(code).map(Grid::getBoundary));
    }

    private Map<String, Point> labelPoints(List<String> codes, Function<String, Optional<Polygon>> outline) {
        Map<String, Point> points = new LinkedHashMap<>();
        for (String code : codes) {
            Point at = labels.computeIfAbsent(code, c -> outline.apply(c).map(Areas::inside).orElse(null));
            if (at != null) {
                points.put(code, at);
            }
        }
        return points;
    }

    private static Point inside(Polygon outline) {
        Point at = outline.getInteriorPoint();
        at.setSRID(Wgs84.SRID);
        return at;
    }

    @EventListener
    void forgetLabelPoints(GeographyReady imported) {
        labels.clear();
    }

    /** Every village's and grid's code and name, whoever asks. */
    public AreaNames names() {
        return geography.names();
    }

    private static VillageRef ref(Village v) {
        return new VillageRef(v.getCode(), v.getName(), v.getKind(), v.getBoundary());
    }

    private static GridRef ref(Grid g) {
        return new GridRef(g.getCode(), g.getName(), g.getVillageCode(), g.getBoundary());
    }

    private static BuildingRef ref(Building b) {
        return new BuildingRef(b.getCode(), b.getGridCode(), b.getUse(), b.getFloors(), b.getFootprint());
    }
}
