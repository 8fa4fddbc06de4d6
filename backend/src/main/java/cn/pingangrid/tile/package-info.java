/**
 * Vector tiles (Mapbox Vector Tile 2.1) of the map's dense layers at {@code /tiles/{layer}/{z}/{x}/{y}.mvt}. Each
 * layer is contributed by the module owning its data ({@link cn.pingangrid.tile.TileLayer}) and read through
 * {@link cn.pingangrid.tile.TileQuery}, so the caller's area scope applies as to every other read: {@code ST_AsMVT}
 * on PostGIS, the same rows encoded by {@link cn.pingangrid.tile.VectorTileEncoder} on H2GIS.
 */
package cn.pingangrid.tile;
