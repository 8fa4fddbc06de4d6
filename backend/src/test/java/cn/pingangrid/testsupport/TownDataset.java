package cn.pingangrid.testsupport;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

import cn.pingangrid.geo.GeoJsonFeatures;
import tools.jackson.databind.JsonNode;

/**
 * The committed dataset read straight from gis-data's files, independently of the database, so tests can
 * derive what an API answer must be instead of hard-coding it.
 */
public final class TownDataset {

    public record Item(JsonNode properties, Geometry geometry) {
        public String code() {
            return properties.get("code").asString();
        }
    }

    private TownDataset() {
    }

    public static List<Item> read(String file) {
        String path = "/gis-data/daligang/" + file + ".geojson";
        return GeoJsonFeatures.fromClasspath(path).orElseThrow(() -> new IllegalStateException("missing " + path))
                .stream().map(e -> new Item(e.properties(), e.geometry())).toList();
    }
}
