package cn.pingangrid.tile;

import java.util.function.Function;

/**
 * One layer of {@code /tiles/{name}/{z}/{x}/{y}.mvt}, contributed as a bean by the module that owns the data.
 *
 * @param name            the path segment and the MVT layer's name
 * @param minZoom         below it the tile is empty (buildings are not drawn for the whole town)
 * @param sameForEveryone public geography (roads): {@code Cache-Control: public}; otherwise the tile holds only
 *                        the caller's area and is {@code private}
 * @param changesOnImport the content changes only when the dataset is imported again: its tiles are made once per
 *                        scope and kept ({@link TileCache}), with a longer max-age; false for records that change
 *                        all day (disputes: made on every request, revalidated on every use)
 * @param renderer        the tile's bytes for the caller, read through {@link TileQuery}
 */
public record TileLayer(String name, int minZoom, boolean sameForEveryone, boolean changesOnImport,
        Function<TileAddress, byte[]> renderer) {

    public byte[] render(TileAddress tile) {
        return tile.z() < minZoom ? new byte[0] : renderer.apply(tile);
    }
}
