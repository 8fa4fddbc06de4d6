/** 月度例会 KPIs of the 枫桥 targets, per village and for the town, from disputes and sweeps. */
package cn.pingangrid.report;
