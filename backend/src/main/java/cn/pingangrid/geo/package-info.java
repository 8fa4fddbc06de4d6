/**
 * Neutral spatial plumbing: coordinate systems (EPSG:4326 storage, EPSG:4546 metric work, GCJ-02 input),
 * bounding boxes, GeoJSON in and out. Depends on no domain module.
 */
package cn.pingangrid.geo;
