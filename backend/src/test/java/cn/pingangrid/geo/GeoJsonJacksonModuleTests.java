package cn.pingangrid.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.json.JsonMapper;

/** Points are written directly for speed: byte for byte what JTS's GeoJsonWriter (7 decimals) writes. */
class GeoJsonJacksonModuleTests {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new GeoJsonJacksonModule()).build();

    @Test
    void pointsAreWrittenAsGeoJsonWriterWritesThem() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 20_000; i++) {
            double lng = i % 10 == 0 ? Math.round(random.nextDouble(-180, 180)) : random.nextDouble(-180, 180);
            double lat = i % 7 == 0 ? random.nextDouble(-0.002, 0.002) : random.nextDouble(-90, 90);
            assertSameAsJts(Wgs84.FACTORY.createPoint(new Coordinate(lng, lat)));
        }
        for (double[] edge : new double[][] { { 0, 0 }, { 111.9169802, 28.414048 }, { 1e-3, -1e-3 }, { 1e-4, 5e-8 },
                { 111.99999995, 28.44999994 }, { -0.0, 90 }, { 179.99999999, -89.99999996 } }) {
            assertSameAsJts(Wgs84.FACTORY.createPoint(new Coordinate(edge[0], edge[1])));
        }
    }

    @Test
    void otherGeometriesStillGoThroughGeoJsonWriter() {
        Point empty = Wgs84.FACTORY.createPoint();
        assertSameAsJts(empty);
        assertSameAsJts(Wgs84.FACTORY.createPoint(new Coordinate(111.5, 28.25, 12.5)));
        assertSameAsJts(Wgs84.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(111.1, 111.2, 28.3, 28.4)));
    }

    private static void assertSameAsJts(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        assertThat(JSON.writeValueAsString(geometry)).as(geometry.toText()).isEqualTo(writer.write(geometry));
    }
}
