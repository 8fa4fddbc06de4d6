/**
 * The benchmark county: loads the synthetic county of {@code gis-data} ({@code cn.pingangrid.gisdata.County}:
 * fifteen towns, about 300,000 buildings, a million disputes) into an empty PostGIS database with COPY, into the
 * tables the application serves. Off unless {@code pingan.county.load=true}; never part of the default dataset.
 */
package cn.pingangrid.county;
