/**
 * 风险隐患清单: the dynamic, geo-tagged risk hazard list with owners, review dates and overdue reviews.
 *
 * <p>No other module uses it: the list, its demo data and the HTTP API all live in {@code internal}.
 */
package cn.pingangrid.hazard;
