package cn.pingangrid.area.internal;

import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.geo.BoundingBox;
import cn.pingangrid.geo.FeatureCollection;
import cn.pingangrid.system.InvalidInputException;

/** The layers the offline base map is drawn from. Small and static, so clients may cache them. */
@RestController
@RequestMapping(path = "/api", produces = { "application/geo+json", "application/json" })
class BaseMapController {

    private static final Set<String> ROAD_CLASSES = Set.of("national", "provincial", "county", "town", "village");

    private final BaseMapLayers layers;

    BaseMapController(BaseMapLayers layers) {
        this.layers = layers;
    }

    @GetMapping("/roads")
    FeatureCollection roads(@RequestParam(required = false) String bbox,
            @RequestParam(name = "class", required = false) String roadClass) {
        if (roadClass != null && !ROAD_CLASSES.contains(roadClass)) {
            throw new InvalidInputException("class", "道路等级须为 national、provincial、county、town 或 village");
        }
        var box = bbox == null ? null : BoundingBox.parse("bbox", bbox).toPolygon();
        return FeatureCollection.of(layers.roads(box, roadClass).stream().map(Road::toFeature).toList());
    }

    @GetMapping("/water")
    FeatureCollection water() {
        return FeatureCollection.of(layers.water().stream().map(WaterBody::toFeature).toList());
    }

    @GetMapping("/places")
    FeatureCollection places() {
        return FeatureCollection.of(layers.places().stream().map(Place::toFeature).toList());
    }

    @GetMapping("/neighbours")
    FeatureCollection neighbours() {
        return FeatureCollection.of(layers.neighbours().stream().map(Neighbour::toFeature).toList());
    }
}
