package cn.pingangrid.geo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A GeoJSON FeatureCollection of {@link Feature}s or {@link GeoJsonFeature}s. {@code numberReturned} and
 * {@code truncated} (foreign members, as OGC API - Features uses) tell a client when a limit cut the answer short.
 */
@JsonPropertyOrder({ "type", "numberReturned", "truncated", "features" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureCollection(List<?> features, Boolean truncated) {

    public static FeatureCollection of(List<Feature> features) {
        return new FeatureCollection(features, null);
    }

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }

    @JsonProperty("numberReturned")
    public int numberReturned() {
        return features.size();
    }
}
