package cn.pingangrid.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 reads and writes JTS geometries as GeoJSON geometry objects (no JTS module for Jackson 3 exists on
 * the registry). Writes 7 decimals (about 1 cm) and no {@code crs} member, as RFC 7946 wants. Read geometries get
 * SRID 4326.
 */
@Component
public class GeoJsonJacksonModule extends SimpleModule {

    public GeoJsonJacksonModule() {
        super("jts-geojson");
        addSerializer(Geometry.class, new GeometrySerializer());
        addDeserializer(Geometry.class, new GeometryDeserializer<>(Geometry.class));
    }

    private static final class GeometrySerializer extends ValueSerializer<Geometry> {
        @Override
        public void serialize(Geometry value, JsonGenerator gen, SerializationContext ctxt) {
            if (value instanceof Point point && !point.isEmpty() && Double.isNaN(point.getCoordinate().getZ())) {
                // the map's thousands of dispute points: written directly, as GeoJsonWriter would (its maps and
                // string buffers were a tenth of a county-scale dispute request's CPU)
                gen.writeStartObject();
                gen.writeStringProperty("type", "Point");
                gen.writeName("coordinates");
                gen.writeStartArray();
                gen.writeNumber(ordinate(point.getX()));
                gen.writeNumber(ordinate(point.getY()));
                gen.writeEndArray();
                gen.writeEndObject();
                return;
            }
            GeoJsonWriter writer = new GeoJsonWriter(7);
            writer.setEncodeCRS(false);
            gen.writeRawValue(writer.write(value));
        }
    }

    private static final double SCALE = 1e7;

    /** An ordinate as {@link GeoJsonWriter} with 7 decimals writes it (rounded half up, no trailing zeros). */
    static String ordinate(double value) {
        if (Math.abs(value) >= 1e-3 && value < 1e7) {
            double rounded = Math.floor(value * SCALE + 0.5) / SCALE;
            long whole = (long) rounded;
            return whole == rounded ? Long.toString(whole) : Double.toString(rounded);
        }
        return Double.toString(value);
    }

    private static final class GeometryDeserializer<T extends Geometry> extends ValueDeserializer<T> {
        private final Class<T> type;

        GeometryDeserializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            String json = p.readValueAsTree().toString();
            try {
                Geometry geometry = new GeoJsonReader(Wgs84.FACTORY).read(json);
                geometry.setSRID(Wgs84.SRID);
                return type.cast(geometry);
            } catch (ParseException | ClassCastException e) {
                return ctxt.reportInputMismatch(type, "不是有效的 GeoJSON 几何：" + e.getMessage());
            }
        }
    }
}
