/**
 * 月度例会 KPIs of the 枫桥 targets, per village and for the town, from disputes and sweeps.
 *
 * <p>Other modules see only {@link cn.pingangrid.report.FengqiaoKpis} (the monthly pack uses it); the HTTP API lives
 * in {@code internal}.
 */
package cn.pingangrid.report;
