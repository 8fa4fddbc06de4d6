/**
 * 排查: villages' weekly sweeps, the town's monthly sweep and special campaigns in sensitive periods, each listing
 * the disputes found or an explicit zero report; and compliance (which villages have not filed this week).
 *
 * <p>Other modules see only {@link cn.pingangrid.sweep.SweepCompliance} and {@link cn.pingangrid.sweep.TownSweeps};
 * the sweeps, campaigns, filing, demo data and HTTP API live in {@code internal}.
 */
package cn.pingangrid.sweep;
