package cn.pingangrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import cn.pingangrid.geo.GeometryValidation.Fault;
import cn.pingangrid.geo.GeometryValidation.GeometryFault;

/** WKT (or GeoJSON) in, the expected fault or the expected normalised geometry out; one test per edge case. */
class GeometryValidationTests {

    static final String AREA = "POLYGON ((111 28, 112 28, 112 29, 111 29, 111 28))";

    final GeometryValidation validation = new GeometryValidation(Set.of("Point", "Polygon"), 100, wkt(AREA), "本镇");

    @Test
    void onlyTwoDimensionalCoordinatesAreAcceptedNeverDroppingZOrM() {
        for (String geoJson : new String[] { "{\"type\":\"Point\",\"coordinates\":[111.5,28.5,10]}",
                "{\"type\":\"Point\",\"coordinates\":[111.5,28.5,10,5]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[111.5,28.5],[111.6,28.5,3],[111.6,28.6],[111.5,28.5]]]}" }) {
            assertThatThrownBy(() -> validation.readGeoJson("geometry", geoJson)).as(geoJson)
                    .isInstanceOfSatisfying(GeometryValidation.GeometryFault.class,
                            f -> assertThat(f.fault()).isEqualTo(GeometryValidation.Fault.NOT_2D));
        }
        assertThatThrownBy(() -> validation.readWkt("geometry", "POINT Z (111.5 28.5 10)"))
                .isInstanceOfSatisfying(GeometryValidation.GeometryFault.class,
                        f -> assertThat(f.fault()).isEqualTo(GeometryValidation.Fault.NOT_2D));
        assertThatThrownBy(() -> validation.readGeoJson("geometry", "{\"type\":\"Point\",\"coordinates\":[111.5]}"))
                .isInstanceOfSatisfying(GeometryValidation.GeometryFault.class,
                        f -> assertThat(f.fault()).isEqualTo(GeometryValidation.Fault.UNREADABLE));
        assertThat(validation.readGeoJson("geometry", "{\"type\":\"Point\",\"coordinates\":[111.5,28.5]}")
                .getCoordinate().getZ()).isNaN();
    }

    @Test
    void aValidPolygonComesBackUnchangedWithSrid4326() {
        Geometry out = validation.readWkt("geometry",
                "POLYGON ((111.5 28.5, 111.6 28.5, 111.6 28.6, 111.5 28.6, 111.5 28.5))");
        assertThat(out.norm().equalsExact(wkt("POLYGON ((111.5 28.5, 111.5 28.6, 111.6 28.6, 111.6 28.5, 111.5 28.5))")
                .norm())).isTrue();
        assertThat(out.getSRID()).isEqualTo(4326);
    }

    @Test
    void aPolygonWithAHoleInsideItsShellIsValid() {
        Geometry out = validation.readWkt("geometry", "POLYGON ((111.1 28.1, 111.9 28.1, 111.9 28.9, 111.1 28.9, "
                + "111.1 28.1), (111.4 28.4, 111.6 28.4, 111.6 28.6, 111.4 28.6, 111.4 28.4))");
        assertThat(out.getArea()).isEqualTo(0.64 - 0.04, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aPolygonTouchingTheAreaBoundaryIsInside() {
        assertThat(validation.readWkt("g", "POLYGON ((111 28, 111.5 28, 111.5 28.5, 111 28, 111 28))")).isNotNull();
    }

    @Test
    void aBowTieIsASelfIntersectionNamedWithItsCrossing() {
        GeometryFault fault = faultOf(() -> validation.readWkt("geometry",
                "POLYGON ((111.2 28.2, 111.4 28.4, 111.4 28.2, 111.2 28.4, 111.2 28.2))"));
        assertThat(fault.fault()).isEqualTo(Fault.SELF_INTERSECTION);
        assertThat(fault.where().distance(new Coordinate(111.3, 28.3))).isLessThan(1e-9);
        assertThat(fault.field()).isEqualTo("geometry");
        assertThat(fault.getBody().getProperties()).containsEntry("fault", "SELF_INTERSECTION");
        assertThat(reason(fault)).contains("自相交").contains("111.3000000").contains("28.3000000");
    }

    @Test
    void anUnclosedRingInWktIsNamed() {
        assertThat(faultOf(() -> validation.readWkt("geometry",
                "POLYGON ((111.2 28.2, 111.4 28.2, 111.4 28.4, 111.2 28.4))")).fault()).isEqualTo(Fault.UNCLOSED_RING);
    }

    @Test
    void anUnclosedRingInGeoJsonIsNamedWithItsLastPosition() {
        GeometryFault fault = faultOf(() -> validation.readGeoJson("geometry", """
                {"type":"Polygon","coordinates":[[[111.2,28.2],[111.4,28.2],[111.4,28.4],[111.2,28.4]]]}"""));
        assertThat(fault.fault()).isEqualTo(Fault.UNCLOSED_RING);
        assertThat(fault.where()).isEqualTo(new Coordinate(111.2, 28.4));
    }

    @Test
    void aRingOfThreePositionsHasTooFewPoints() {
        assertThat(faultOf(() -> validation.readGeoJson("geometry", """
                {"type":"Polygon","coordinates":[[[111.2,28.2],[111.4,28.2],[111.2,28.2]]]}""")).fault())
                .isEqualTo(Fault.TOO_FEW_POINTS);
    }

    @Test
    void emptyGeometriesAreRefused() {
        assertThat(faultOf(() -> validation.readWkt("geometry", "POLYGON EMPTY")).fault()).isEqualTo(Fault.EMPTY);
        assertThat(faultOf(() -> validation.readWkt("geometry", "")).fault()).isEqualTo(Fault.EMPTY);
        assertThat(faultOf(() -> validation.readGeoJson("geometry", "null")).fault()).isEqualTo(Fault.EMPTY);
    }

    @Test
    void aLineStringIsTheWrongType() {
        GeometryFault fault = faultOf(() -> validation.readWkt("geometry", "LINESTRING (111.2 28.2, 111.4 28.4)"));
        assertThat(fault.fault()).isEqualTo(Fault.WRONG_TYPE);
        assertThat(reason(fault)).contains("LineString").contains("Point").contains("Polygon");
        assertThat(faultOf(() -> validation.readGeoJson("geometry",
                "{\"type\":\"LineString\",\"coordinates\":[[111.2,28.2],[111.4,28.4]]}")).fault())
                .isEqualTo(Fault.WRONG_TYPE);
    }

    @Test
    void moreVerticesThanTheLimitAreRefusedBeforeAnythingIsBuilt() {
        String ring = IntStream.rangeClosed(0, 200).mapToObj(i -> {
            double a = 2 * Math.PI * (i % 200) / 200;
            return "[" + (111.5 + 0.1 * Math.cos(a)) + "," + (28.5 + 0.1 * Math.sin(a)) + "]";
        }).collect(Collectors.joining(","));
        GeometryFault fault = faultOf(() -> validation.readGeoJson("geometry",
                "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}"));
        assertThat(fault.fault()).isEqualTo(Fault.TOO_MANY_VERTICES);
        assertThat(reason(fault)).contains("最多 100");
    }

    @Test
    void aPolygonReachingOutsideTheAreaIsRefusedNamingAVertexOutside() {
        GeometryFault fault = faultOf(() -> validation.readWkt("geometry",
                "POLYGON ((111.5 28.5, 112.5 28.5, 111.5 28.6, 111.5 28.5))"));
        assertThat(fault.fault()).isEqualTo(Fault.OUTSIDE_AREA);
        assertThat(fault.where()).isEqualTo(new Coordinate(112.5, 28.5));
        assertThat(reason(fault)).contains("超出本镇范围");
    }

    @Test
    void aPointOutsideTheAreaIsRefused() {
        assertThat(faultOf(() -> validation.readGeoJson("location",
                "{\"type\":\"Point\",\"coordinates\":[113.0,28.5]}")).fault()).isEqualTo(Fault.OUTSIDE_AREA);
    }

    @Test
    void outOfRangeCoordinatesAreInvalid() {
        GeometryValidation anywhere = new GeometryValidation(Set.of("Point"), 10, null, "");
        assertThat(faultOf(() -> anywhere.readWkt("location", "POINT (200 28)")).fault())
                .isEqualTo(Fault.INVALID_COORDINATE);
    }

    @Test
    void nestedShellsAreInvalid() {
        GeometryValidation multi = new GeometryValidation(Set.of("MultiPolygon"), 100, null, "");
        GeometryFault fault = faultOf(() -> multi.readWkt("geometry", "MULTIPOLYGON (((111.1 28.1, 111.9 28.1, "
                + "111.9 28.9, 111.1 28.9, 111.1 28.1)), ((111.4 28.4, 111.6 28.4, 111.6 28.6, 111.4 28.6, 111.4 28.4)))"));
        assertThat(fault.fault()).isEqualTo(Fault.INVALID);
        assertThat(reason(fault)).contains("嵌套");
    }

    @Test
    void garbageIsUnreadable() {
        assertThat(faultOf(() -> validation.readWkt("geometry", "POLYGON ((1 2, 3")).fault())
                .isEqualTo(Fault.UNREADABLE);
        assertThat(faultOf(() -> validation.readGeoJson("geometry", "{\"type\":\"Point\"}")).fault())
                .isEqualTo(Fault.UNREADABLE);
        assertThat(faultOf(() -> validation.readGeoJson("geometry", "[1,2]")).fault()).isEqualTo(Fault.UNREADABLE);
    }

    static String reason(GeometryFault fault) {
        return fault.getBody().getDetail();
    }

    static GeometryFault faultOf(Runnable call) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GeometryFault.class, f -> thrown[0] = f);
        return (GeometryFault) thrown[0];
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader(Wgs84.FACTORY).read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
