package cn.pingangrid.area;

/**
 * Published once the town's geography is in the database (imported now or found from an earlier start),
 * before the application takes requests; modules that seed data tied to villages or grids react to it.
 */
public record GeographyReady(String dataset) {
}
