/**
 * 热点分析: kernel density (核密度), Getis-Ord Gi* hot spots with the false discovery rate correction, emerging hot
 * spots over monthly steps, empirical-Bayes rates per grid, and the 月度例会 pack — all computed in Java in
 * EPSG:4546 so both databases give the same answer, on the dispute module's published read API.
 *
 * <p>No other module uses it: it plugs into patrol through {@link cn.pingangrid.patrol.HotspotStops}, and
 * everything lives in {@code internal}.
 */
package cn.pingangrid.hotspot;
