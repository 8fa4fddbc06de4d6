package cn.pingangrid.geo;

import java.time.LocalDate;

import org.locationtech.jts.geom.Polygon;

/**
 * What a feature service asks a {@link FeatureLayer} for: features intersecting {@code bbox} (SRID 4326, null: no
 * spatial filter), dated within {@code from}..{@code to} (both inclusive, either null: open; only for a temporal
 * layer), and the page {@code offset}..{@code offset + limit - 1} in the layer's order.
 */
public record FeatureQuery(Polygon bbox, LocalDate from, LocalDate to, int offset, int limit) {

    public FeatureQuery {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }
}
