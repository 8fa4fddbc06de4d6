package cn.pingangrid.tile.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.tile.TileAddress;
import cn.pingangrid.tile.TileLayer;

/** The contributed tile layers by name; a tile is made in one read-only transaction. */
@Service
class VectorTiles {

    private final Map<String, TileLayer> layers = new LinkedHashMap<>();

    VectorTiles(List<TileLayer> layers) {
        layers.forEach(layer -> this.layers.put(layer.name(), layer));
    }

    Optional<TileLayer> layer(String name) {
        return Optional.ofNullable(layers.get(name));
    }

    List<String> names() {
        return List.copyOf(layers.keySet());
    }

    @Transactional(readOnly = true)
    byte[] render(TileLayer layer, TileAddress tile) {
        return layer.render(tile);
    }
}
