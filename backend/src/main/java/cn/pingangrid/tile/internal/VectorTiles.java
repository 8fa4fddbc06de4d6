package cn.pingangrid.tile.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.tile.TileAddress;
import cn.pingangrid.tile.TileCache;
import cn.pingangrid.tile.TileLayer;

/**
 * The contributed tile layers by name. A tile is made in one read-only transaction; one of a layer that changes
 * only on import is made once per scope and then taken from the {@link TileCache} without touching the database.
 */
@Service
class VectorTiles {

    private final Map<String, TileLayer> layers = new LinkedHashMap<>();
    private final TileCache cache;
    private final ScopedQueries queries;
    private final TransactionTemplate readOnly;

    VectorTiles(List<TileLayer> layers, TileCache cache, ScopedQueries queries,
            PlatformTransactionManager transactions) {
        layers.forEach(layer -> this.layers.put(layer.name(), layer));
        this.cache = cache;
        this.queries = queries;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    Optional<TileLayer> layer(String name) {
        return Optional.ofNullable(layers.get(name));
    }

    List<String> names() {
        return List.copyOf(layers.keySet());
    }

    TileCache.Made render(TileLayer layer, TileAddress tile) {
        if (!layer.changesOnImport()) {
            return TileCache.Made.of(make(layer, tile));
        }
        return cache.get(layer.name(), layer.sameForEveryone() ? null : queries.scope(), tile, () -> make(layer, tile));
    }

    private byte[] make(TileLayer layer, TileAddress tile) {
        return readOnly.execute(status -> layer.render(tile));
    }
}
