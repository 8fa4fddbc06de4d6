/** Borders: the town outline split by neighbour, village-to-village boundaries, sensitive border zones around them. */
package cn.pingangrid.border;
