/** 平安创建: the ten kinds of safety sites, their inspections and the per-village scorecards. */
package cn.pingangrid.site;
