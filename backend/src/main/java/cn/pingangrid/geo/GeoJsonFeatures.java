package cn.pingangrid.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946, as the gis-data files are) into its features: each one's
 * properties and its geometry with SRID 4326. A geometry that cannot be read is an error naming the source.
 */
public final class GeoJsonFeatures {

    /** One feature: its properties object and its geometry. */
    public record Entry(JsonNode properties, Geometry geometry) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeoJsonFeatures() {
    }

    /** The features of {@code json}; {@code source} names it in errors. */
    public static List<Entry> parse(byte[] json, String source) {
        GeoJsonReader reader = new GeoJsonReader(Wgs84.FACTORY);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode feature : JSON.readTree(json).get("features")) {
            try {
                Geometry geometry = reader.read(feature.get("geometry").toString());
                geometry.setSRID(Wgs84.SRID);
                entries.add(new Entry(feature.get("properties"), geometry));
            } catch (ParseException e) {
                throw new IllegalStateException(source + " 中有无法解析的几何：" + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** The features of a classpath resource, or empty when there is no such resource. */
    public static Optional<List<Entry>> fromClasspath(String path) {
        try (InputStream in = GeoJsonFeatures.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(parse(in.readAllBytes(), path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
