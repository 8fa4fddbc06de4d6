package cn.pingangrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class MetricProjectionTests {

    @Test
    void centralMeridianMapsToTheFalseEasting() {
        Geometry p = MetricProjection.toMetric(Wgs84.point(111.0, 28.45));
        assertThat(p.getCoordinate().x).isCloseTo(500_000, offset(0.001));
        // meridian arc from the equator to 28.45°N on the CGCS2000 ellipsoid is about 3,148 km
        assertThat(p.getCoordinate().y).isBetween(3_140_000.0, 3_160_000.0);
        assertThat(p.getSRID()).isEqualTo(4546);
    }

    @Test
    void eastingGrowsAbout98KmPerDegreeAtThisLatitude() {
        double x = MetricProjection.toMetric(Wgs84.point(111.85, 28.45)).getCoordinate().x;
        assertThat(x - 500_000).isCloseTo(0.85 * 111_320 * Math.cos(Math.toRadians(28.45)), offset(300.0));
    }

    @Test
    void areaOfASmallCellMatchesTheEllipsoidalArea() {
        double lng = 111.85;
        double lat = 28.45;
        double d = 0.01;
        Geometry cell = Wgs84.FACTORY.createPolygon(new Coordinate[] { new Coordinate(lng, lat),
                new Coordinate(lng + d, lat), new Coordinate(lng + d, lat + d), new Coordinate(lng, lat + d),
                new Coordinate(lng, lat) });
        // cell area on the ellipsoid: (metres per degree of longitude) × (metres per degree of latitude) × d²
        double a = 6_378_137.0;
        double e2 = 0.00669438002290;
        double phi = Math.toRadians(lat + d / 2);
        double sin2 = Math.sin(phi) * Math.sin(phi);
        double n = a / Math.sqrt(1 - e2 * sin2);
        double m = a * (1 - e2) / Math.pow(1 - e2 * sin2, 1.5);
        double expected = Math.toRadians(d) * n * Math.cos(phi) * Math.toRadians(d) * m;
        // Gauss-Kruger scale 0.85° from the central meridian distorts area by about 2e-4
        assertThat(MetricProjection.areaSquareMeters(cell)).isCloseTo(expected, offset(expected * 5e-4));
    }
}
