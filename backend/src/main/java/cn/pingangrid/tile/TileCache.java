package cn.pingangrid.tile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.pingangrid.scope.AreaScope;

/**
 * Tiles of the layers that change only when geography is imported (buildings, grids, roads), made once per scope
 * and kept, least recently used first out past {@code pingan.tiles.kept-megabytes} (64 MB). The key holds the
 * caller's whole {@link AreaScope} (none for a public layer), so no tile made for one area is ever served to
 * another. The area module {@link #forgetAll() forgets} them when it imports geography again
 * (docs/decisions/vector-tiles.md).
 */
@Component
public class TileCache {

    /** A tile's bytes and its ETag (a hash of the bytes, so equal tiles answer 304 whoever made them). */
    public record Made(byte[] bytes, String etag) {

        public static Made of(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Made(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Key(String layer, AreaScope scope, TileAddress tile) {
    }

    private final LinkedHashMap<Key, Made> kept = new LinkedHashMap<>(1024, 0.75f, true);
    private long maxBytes;
    private long bytes;

    /** {@code pingan.tiles.kept-megabytes}: 0 keeps nothing (every tile made per request, as a benchmark asks). */
    public TileCache(@Value("${pingan.tiles.kept-megabytes:64}") long keptMegabytes) {
        this.maxBytes = keptMegabytes * 1024 * 1024;
    }

    static TileCache keepingBytes(long maxBytes) {
        TileCache cache = new TileCache(0);
        cache.maxBytes = maxBytes;
        return cache;
    }

    /** The kept tile, or the one {@code make} makes (outside the lock: two callers may both make it once). */
    public Made get(String layer, AreaScope scope, TileAddress tile, Supplier<byte[]> make) {
        Key key = new Key(layer, scope, tile);
        synchronized (this) {
            Made found = kept.get(key);
            if (found != null) {
                return found;
            }
        }
        Made made = Made.of(make.get());
        if (maxBytes == 0) {
            return made;
        }
        synchronized (this) {
            Made before = kept.put(key, made);
            bytes += made.bytes().length - (before == null ? 0 : before.bytes().length);
            for (Iterator<Map.Entry<Key, Made>> eldest = kept.entrySet().iterator(); bytes > maxBytes
                    && eldest.hasNext();) {
                bytes -= eldest.next().getValue().bytes().length;
                eldest.remove();
            }
        }
        return made;
    }

    public synchronized void forgetAll() {
        kept.clear();
        bytes = 0;
    }

    synchronized int size() {
        return kept.size();
    }
}
