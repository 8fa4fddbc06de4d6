/**
 * 平安创建: the ten kinds of safety sites, their inspections and the per-village scorecards.
 *
 * <p>Other modules see only {@link cn.pingangrid.site.Sites} (inspections due, as records) and
 * {@link cn.pingangrid.site.SiteScorecardSummary}; the sites, inspections, scorecards, demo data and HTTP API live
 * in {@code internal}.
 */
package cn.pingangrid.site;
