/** 风险隐患清单: the dynamic, geo-tagged risk hazard list with owners, review dates and overdue reviews. */
package cn.pingangrid.hazard;
