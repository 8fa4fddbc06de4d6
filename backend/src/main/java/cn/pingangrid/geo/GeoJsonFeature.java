package cn.pingangrid.geo;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A GeoJSON Feature whose geometry is already GeoJSON text (made by the database's {@code ST_AsGeoJSON}, or by JTS
 * once), written as it is: a dense layer then costs no geometry objects between the row and the response.
 */
@JsonPropertyOrder({ "type", "id", "geometry", "properties" })
public record GeoJsonFeature(Object id, @JsonRawValue String geometry, Map<String, Object> properties) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }
}
