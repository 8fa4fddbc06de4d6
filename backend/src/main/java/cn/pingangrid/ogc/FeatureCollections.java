package cn.pingangrid.ogc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.geo.FeaturePage;
import cn.pingangrid.geo.FeatureQuery;

/** Every {@link FeatureLayer} of the application by id, in a fixed order; each read in one read-only transaction. */
@Service
@Transactional(readOnly = true)
class FeatureCollections {

    /** The order of the collections list: the town from large to small, then base map, then the modules' records. */
    private static final List<String> ORDER = List.of("villages", "grids", "buildings", "roads", "water", "places",
            "sites", "hazards", "border-segments", "border-zones", "disputes");

    private final Map<String, FeatureLayer> layers;
    private final List<FeatureLayer> ordered;

    FeatureCollections(List<FeatureLayer> layers) {
        this.layers = layers.stream().collect(Collectors.toMap(FeatureLayer::id, Function.identity()));
        List<FeatureLayer> sorted = new ArrayList<>(layers);
        sorted.sort(Comparator.comparing((FeatureLayer l) -> ORDER.contains(l.id()) ? ORDER.indexOf(l.id())
                : ORDER.size()).thenComparing(FeatureLayer::id));
        this.ordered = List.copyOf(sorted);
    }

    List<FeatureLayer> all() {
        return ordered;
    }

    Optional<FeatureLayer> layer(String id) {
        return Optional.ofNullable(layers.get(id));
    }

    FeaturePage page(FeatureLayer layer, FeatureQuery query) {
        return layer.page(query);
    }

    Optional<Feature> one(FeatureLayer layer, String id) {
        return layer.one(id);
    }
}
