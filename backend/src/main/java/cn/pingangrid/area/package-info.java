/**
 * The town's geography: town → village/community → grid → building, and the base-map layers (roads, water,
 * places, neighbouring jurisdictions). Imported from {@code gis-data} on first start; read by every other module.
 */
package cn.pingangrid.area;
