package cn.pingangrid.geo;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.locationtech.jts.geom.Geometry;

/** A GeoJSON (RFC 7946) Feature; the geometry is written by {@link GeoJsonJacksonModule}. */
@JsonPropertyOrder({ "type", "id", "geometry", "properties" })
public record Feature(Object id, Geometry geometry, Map<String, Object> properties) {

    /** A feature whose properties are given as name, value pairs, in that order (values may be null). */
    public static Feature of(Object id, Object geometry, Object... namesAndValues) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Feature(id, (Geometry) geometry, properties);
    }

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }
}
