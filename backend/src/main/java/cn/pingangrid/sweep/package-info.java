/**
 * 排查: villages' weekly sweeps, the town's monthly sweep and special campaigns in sensitive periods, each listing
 * the disputes found or an explicit zero report; and compliance (which villages have not filed this week).
 */
package cn.pingangrid.sweep;
