package cn.pingangrid.area.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.geo.BoundingBox;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureCollection;
import cn.pingangrid.geo.GeoJsonFeature;
import cn.pingangrid.geo.InputCrs;
import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.system.CodeName;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;

/** The town's areas as GeoJSON, point location and search. */
@RestController
@RequestMapping(path = "/api", produces = { "application/geo+json", "application/json" })
class AreaController {

    private final Geography geography;
    private final BuildingLimits buildingLimits;

    AreaController(Geography geography, BuildingLimits buildingLimits) {
        this.geography = geography;
        this.buildingLimits = buildingLimits;
    }

    @GetMapping("/town")
    Feature town() {
        return geography.town().map(Town::toFeature).orElseThrow(() -> new NotFoundException("尚未导入镇域数据"));
    }

    @GetMapping("/villages")
    FeatureCollection villages(@RequestParam(required = false) String bbox) {
        return FeatureCollection.of(geography.villages(box(bbox)).stream()
                .map(Village::toFeature).toList());
    }

    @GetMapping("/villages/{code}")
    Feature village(@PathVariable String code) {
        // another area's village is "not found", not "forbidden": a 403 would tell that it exists
        Village village = geography.village(AreaCodes.village("code", code)).orElseThrow(() -> new NotFoundException("没有代码为 " + code + " 的村（社区）"));
        Map<String, Object> properties = village.properties();
        properties.put("areaM2", areaM2(village.getBoundary()));
        properties.put("gridCount", geography.gridCount(code));
        properties.put("buildingCount", geography.buildingCount(null, code));
        return new Feature(code, village.getBoundary(), properties);
    }

    @GetMapping("/grids")
    FeatureCollection grids(@RequestParam(required = false) String bbox,
            @RequestParam(required = false) String village) {
        return FeatureCollection.of(geography.grids(box(bbox), AreaCodes.village("village", village)).stream().map(Grid::toFeature).toList());
    }

    @GetMapping("/grids/{code}")
    Feature grid(@PathVariable String code) {
        Grid grid = geography.grid(AreaCodes.grid("code", code)).orElseThrow(() -> new NotFoundException("没有代码为 " + code + " 的网格"));
        Map<String, Object> properties = grid.properties();
        properties.put("villageName", geography.names().villageName(grid.getVillageCode()));
        properties.put("areaM2", areaM2(grid.getBoundary()));
        properties.put("buildingCount", geography.buildingCount(code, null));
        return new Feature(code, grid.getBoundary(), properties);
    }

    /**
     * Buildings by bbox, grid or village; one of them is required and a bbox may be at most
     * {@code pingan.buildings.max-bbox-degrees} on a side, so the whole town never goes out in one response.
     */
    @GetMapping("/buildings")
    FeatureCollection buildings(@RequestParam(required = false) String bbox,
            @RequestParam(required = false) String grid, @RequestParam(required = false) String village,
            @RequestParam(required = false) Integer limit) {
        if (bbox == null && grid == null && village == null) {
            throw new InvalidInputException("bbox", "楼栋查询须给出 bbox、grid 或 village 之一");
        }
        BoundingBox box = bbox == null ? null : BoundingBox.parse("bbox", bbox);
        if (box != null && Math.max(box.widthDegrees(), box.heightDegrees()) > buildingLimits.maxBboxDegrees()) {
            throw new InvalidInputException("bbox",
                    "范围过大：楼栋查询的 bbox 边长不得超过 " + buildingLimits.maxBboxDegrees() + " 度，请放大地图后再查");
        }
        int max = buildingLimits.resolve(limit);
        List<GeoJsonFeature> found = geography.buildingFeatures(box == null ? null
                : box.toPolygon().getEnvelopeInternal(), AreaCodes.grid("grid", grid),
                AreaCodes.village("village", village), max + 1);
        boolean truncated = found.size() > max;
        return new FeatureCollection(truncated ? found.subList(0, max) : found, truncated);
    }

    /**
     * The village, grid and building at a point. A point outside the town, or outside the caller's area, is a
     * 404 problem.
     */
    /** What lies at a point: the village (with its kind), the grid, and the building if the point is in one. */
    record Located(double lng, double lat, VillageAt village, CodeName grid, Location.BuildingAt building) {
    }

    record VillageAt(String code, String name, String kind) {
    }

    /** A search hit: {@code type} is village or grid; {@code bbox} to zoom to. */
    record Hit(String type, String code, String name, double[] bbox) {
    }

    @GetMapping("/locate")
    Located locate(@RequestParam double lng, @RequestParam double lat,
            @RequestParam(required = false) String crs) {
        InputCrs inputCrs = InputCrs.parse("crs", crs);
        Point point = inputCrs.toStoredPoint(lng, lat);
        Location location = geography.locate(point).orElseThrow(() -> new NotFoundException(
                "该点（经度 " + lng + "，纬度 " + lat + "）" + (geography.inTown(point) ? "不在您负责的区域内" : "不在本镇范围内")));
        return new Located(point.getX(), point.getY(), new VillageAt(location.villageCode(), location.villageName(),
                location.villageKind()), new CodeName(location.gridCode(), location.gridName()), location.building());
    }

    /** Villages and grids whose name contains, or whose code starts with, {@code q}; for the map's search box. */
    @GetMapping(path = "/search", produces = "application/json")
    List<Hit> search(@RequestParam String q) {
        String text = q.strip();
        if (text.isEmpty() || text.length() > 32) {
            throw new InvalidInputException("q", "请输入 1 到 32 个字的村名、网格名或代码");
        }
        List<Hit> hits = new ArrayList<>();
        geography.villagesMatching(text, 10)
                .forEach(v -> hits.add(hit("village", v.getCode(), v.getName(), v.getBoundary())));
        geography.gridsMatching(text, 10)
                .forEach(g -> hits.add(hit("grid", g.getCode(), g.getName(), g.getBoundary())));
        return hits;
    }

    private static Hit hit(String type, String code, String name, Geometry geometry) {
        return new Hit(type, code, name, BoundingBox.of(geometry.getEnvelopeInternal()).toArray());
    }

    private static Polygon box(String bbox) {
        return bbox == null ? null : BoundingBox.parse("bbox", bbox).toPolygon();
    }

    private static long areaM2(Polygon boundary) {
        return Math.round(MetricProjection.areaSquareMeters(boundary));
    }
}
