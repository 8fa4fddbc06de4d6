/**
 * The illustrative dataset of 大栗港镇 (synthetic geometry, real names and codes) and its deterministic generator;
 * entry point {@link cn.pingangrid.gisdata.DaligangGenerator}.
 */
package cn.pingangrid.gisdata;
