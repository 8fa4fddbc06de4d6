package cn.pingangrid.hotspot.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.system.CodeLabel;

/**
 * The hotspot API's answers. {@code from} / {@code to} are the period read; the unit collections are GeoJSON
 * FeatureCollections with foreign members (the features' properties are maps: GeoJSON properties are free-form).
 */
final class HotspotViews {

    private HotspotViews() {
    }

    /** The density raster: {@code values} row by row from the north, per km². */
    record Density(String from, String to, String crs, double originX, double originY, double cellMeters, int width,
            int height, double radiusMeters, boolean defaultRadius, String kernel, String unit, String rowOrder,
            int disputes, double maxPerSquareKilometre, double[] legendBreaks, double[] values) {

        static Density of(HotspotQuery q, KernelDensity.Raster r, boolean defaultRadius, int disputes,
                double[] legendBreaks, double[] values) {
            return new Density(q.from().toString(), q.to().toString(), "EPSG:4546", r.originX(), r.originY(),
                    r.cellMeters(), r.width(), r.height(), HotspotAnalysis.round(r.radiusMeters()), defaultRadius,
                    "quartic", "disputes/km²", "north-to-south", disputes, Math.round(r.max() * 1e9) / 1000.0,
                    legendBreaks, values);
        }
    }

    /**
     * What the Gi* and emerging collections share: the unit kind ({@code grid} or {@code hex}, with
     * {@code sizeMeters} for hexagons only), the distance band and how many disputes were counted.
     */
    interface UnitCollection {

        @JsonProperty("type")
        default String type() {
            return "FeatureCollection";
        }

        @JsonProperty("bandToleranceMeters")
        default double bandToleranceMeters() {
            return GetisOrdGiStar.TOLERANCE_METERS;
        }

        @JsonProperty("crs")
        default String crs() {
            return "EPSG:4546 for x/y; geometry in WGS84 lng/lat";
        }

        static Double sizeMeters(String unit, double side) {
            return unit.equals("hex") ? side : null;
        }
    }

    @JsonPropertyOrder({ "type", "from", "to", "unit", "sizeMeters", "bandMeters", "bandToleranceMeters", "crs",
            "disputes" })
    record Gi(String from, String to, String unit, @JsonInclude(JsonInclude.Include.NON_NULL) Double sizeMeters,
            double bandMeters, int disputes, boolean defaultBand, List<Feature> features) implements UnitCollection {
    }

    @JsonPropertyOrder({ "type", "from", "to", "unit", "sizeMeters", "bandMeters", "bandToleranceMeters", "crs",
            "disputes" })
    record Emerging(String from, String to, String unit,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double sizeMeters, double bandMeters, int disputes,
            String firstMonth, String lastMonth, long months, List<CodeLabel> patterns, List<Feature> features)
            implements UnitCollection {
    }

    /** Disputes per 100 buildings by grid, raw and empirical-Bayes smoothed. */
    @JsonPropertyOrder({ "from", "to", "method" })
    record Rates(String from, String to, List<HotspotAnalysis.Rate> grids) {

        @JsonProperty("method")
        public String method() {
            return "empirical-bayes";
        }
    }

    /** The disputes of the period in one unit. */
    record UnitDisputes(String from, String to, String unit, List<UnitDispute> disputes) {
    }

    record UnitDispute(long id, String type, String severity, String status, String sweptOn, String villageCode,
            String gridCode) {
    }
}
