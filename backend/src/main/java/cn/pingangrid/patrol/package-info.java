/**
 * 辅警巡逻: the routing graph over the imported roads, candidate stops (sites due, border checkpoints, sensitive or
 * overdue disputes, hot spots), the orienteering planner for a shift and for the whole town, route sheet and GPX,
 * walked-track upload and coverage.
 *
 * <p>Other modules see only {@link cn.pingangrid.patrol.HotspotStops}, which the hotspot module implements;
 * the graph, the planner, the tracks and the HTTP API live in {@code internal}.
 */
package cn.pingangrid.patrol;
