/**
 * Borders: the town outline split by neighbour, village-to-village boundaries, sensitive border zones around them.
 *
 * <p>Other modules see only {@link cn.pingangrid.border.BorderSegments} (lines and zones as records),
 * {@link cn.pingangrid.border.SegmentKind} and {@link cn.pingangrid.border.CrossBorderRows}; the segments, their
 * derivation, the cross-border check and the HTTP API live in {@code internal}.
 */
package cn.pingangrid.border;
