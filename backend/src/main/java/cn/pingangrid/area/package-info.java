/**
 * The town's geography: town → village/community → grid → building, and the base-map layers (roads, water,
 * places, neighbouring jurisdictions). Imported from {@code gis-data} on first start.
 *
 * <p>Other modules see only this package: {@link cn.pingangrid.area.Areas} with the records
 * {@link cn.pingangrid.area.VillageRef}, {@link cn.pingangrid.area.GridRef} and {@link cn.pingangrid.area.BuildingRef}
 * (each read cut to the caller's scope), the public {@link cn.pingangrid.area.AreaNames}, the neighbours' outlines,
 * the checked reading of client geometries and the {@link cn.pingangrid.area.GeographyReady} event. The entities,
 * their repository, the import and the HTTP API live in {@code internal}.
 */
package cn.pingangrid.area;
