package cn.pingangrid.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import cn.pingangrid.geo.Wgs84;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        try (InputStream in = TownDataset.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            GeoJsonReader reader = new GeoJsonReader(Wgs84.FACTORY);
            List<Item> items = new ArrayList<>();
            for (JsonNode feature : root.get("features")) {
                Geometry geometry = reader.read(feature.get("geometry").toString());
                geometry.setSRID(Wgs84.SRID);
                items.add(new Item(feature.get("properties"), geometry));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
