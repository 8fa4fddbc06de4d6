/**
 * 辅警巡逻: the routing graph over the imported roads, candidate stops (sites due, border checkpoints, sensitive or
 * overdue disputes, hot spots), the orienteering planner for a shift and for the whole town, route sheet and GPX,
 * walked-track upload and coverage.
 */
package cn.pingangrid.patrol;
