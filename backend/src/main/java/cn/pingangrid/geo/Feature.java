package cn.pingangrid.geo;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.locationtech.jts.geom.Geometry;

/** A GeoJSON (RFC 7946) Feature; the geometry is written by {@link GeoJsonJacksonModule}. */
@JsonPropertyOrder({ "type", "id", "geometry", "properties" })
public record Feature(Object id, Geometry geometry, Map<String, Object> properties) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }
}
