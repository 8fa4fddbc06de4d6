/**
 * OGC API – Features (Part 1, Core) at {@code /ogc}: the layers other modules declare as
 * {@link cn.pingangrid.geo.FeatureLayer} beans, as collections that QGIS and GDAL open directly, in GeoJSON or HTML.
 * Knows no domain module: each layer cuts itself to the caller's area.
 */
package cn.pingangrid.ogc;
