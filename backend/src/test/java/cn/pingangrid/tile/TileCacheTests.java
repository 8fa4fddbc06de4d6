package cn.pingangrid.tile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.pingangrid.scope.AreaScope;

/** Kept tiles: one per layer, scope and address; forgotten on import; the oldest out past the byte limit. */
class TileCacheTests {

    static final AreaScope VILLAGE = new AreaScope(false, Set.of("430922117201"), Set.of(), null);
    static final AreaScope GRID = new AreaScope(false, Set.of(), Set.of("43092211720101"), null);
    static final TileAddress TILE = new TileAddress(16, 53125, 27360);

    final AtomicInteger made = new AtomicInteger();

    byte[] make(int size) {
        made.incrementAndGet();
        return new byte[size];
    }

    @Test
    void aTileIsMadeOncePerLayerScopeAndAddress() {
        TileCache cache = TileCache.keepingBytes(1_000_000);
        TileCache.Made first = cache.get("buildings", VILLAGE, TILE, () -> make(10));
        assertThat(cache.get("buildings", VILLAGE, TILE, () -> make(10))).isSameAs(first);
        assertThat(made).hasValue(1);
        cache.get("buildings", GRID, TILE, () -> make(10));
        cache.get("grids", VILLAGE, TILE, () -> make(10));
        cache.get("buildings", VILLAGE, new TileAddress(16, 53125, 27361), () -> make(10));
        assertThat(made).as("another scope, layer or address is made again").hasValue(4);
        assertThat(first.etag()).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void forgetAllMakesEveryTileAgain() {
        TileCache cache = TileCache.keepingBytes(1_000_000);
        cache.get("roads", null, TILE, () -> make(10));
        cache.forgetAll();
        cache.get("roads", null, TILE, () -> make(10));
        assertThat(made).hasValue(2);
    }

    @Test
    void keepingNothingMakesEveryTile() {
        TileCache cache = new TileCache(0);
        cache.get("roads", null, TILE, () -> make(10));
        cache.get("roads", null, TILE, () -> make(10));
        assertThat(made).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void pastTheByteLimitTheLeastRecentlyUsedTilesGo() {
        TileCache cache = TileCache.keepingBytes(250);
        TileAddress a = new TileAddress(16, 1, 1);
        TileAddress b = new TileAddress(16, 1, 2);
        TileAddress c = new TileAddress(16, 1, 3);
        cache.get("buildings", VILLAGE, a, () -> make(100));
        cache.get("buildings", VILLAGE, b, () -> make(100));
        cache.get("buildings", VILLAGE, a, () -> make(100)); // a used last: b is the oldest now
        cache.get("buildings", VILLAGE, c, () -> make(100)); // 300 bytes > 250: b goes
        assertThat(cache.size()).isEqualTo(2);
        assertThat(made).hasValue(3);
        cache.get("buildings", VILLAGE, a, () -> make(100));
        assertThat(made).as("a is still kept").hasValue(3);
        cache.get("buildings", VILLAGE, b, () -> make(100));
        assertThat(made).as("b was made again").hasValue(4);
    }
}
