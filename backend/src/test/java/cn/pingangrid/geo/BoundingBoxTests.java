package cn.pingangrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

import cn.pingangrid.system.InvalidInputException;

class BoundingBoxTests {

    @Test
    void parsesFourNumbersInLngLatOrder() {
        BoundingBox box = BoundingBox.parse("bbox", " 111.8, 28.4 ,111.9,28.5");
        assertThat(box).isEqualTo(new BoundingBox(111.8, 28.4, 111.9, 28.5));
        assertThat(box.widthDegrees()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void polygonIsTheBoxWithSrid4326() throws Exception {
        var polygon = new BoundingBox(111.8, 28.4, 111.9, 28.5).toPolygon();
        var expected = new WKTReader().read("POLYGON ((111.8 28.4, 111.9 28.4, 111.9 28.5, 111.8 28.5, 111.8 28.4))");
        assertThat(polygon.norm().equalsExact(expected.norm())).isTrue();
        assertThat(polygon.getSRID()).isEqualTo(4326);
    }

    @Test
    void aZeroAreaBoxIsAPointQueryPolygonNotAClassCastException() {
        var point = BoundingBox.parse("bbox", "111.8,28.4,111.8,28.4").toPolygon();
        assertThat(point.isValid()).isTrue();
        assertThat(point.getArea()).isPositive().isLessThan(1e-16);
        assertThat(point.contains(Wgs84.point(111.8, 28.4))).isTrue();
        var line = BoundingBox.parse("bbox", "111.8,28.4,111.8,28.5").toPolygon();
        assertThat(line.isValid()).isTrue();
        assertThat(line.getEnvelopeInternal().getHeight()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(line.getSRID()).isEqualTo(4326);
    }

    @Test
    void zeroSizeBoxIsAllowed() {
        assertThat(BoundingBox.parse("bbox", "111.8,28.4,111.8,28.4").widthDegrees()).isZero();
    }

    @Test
    void minLongitudeAboveMaxIsRefused() {
        assertRefused("111.9,28.4,111.8,28.5", "最小经度大于最大经度");
    }

    @Test
    void minLatitudeAboveMaxIsRefused() {
        assertRefused("111.8,28.5,111.9,28.4", "最小纬度大于最大纬度");
    }

    @Test
    void wrongCountIsRefused() {
        assertRefused("111.8,28.4,111.9", "四个数");
        assertRefused("111.8,28.4,111.9,28.5,1", "四个数");
    }

    @Test
    void nonNumberIsRefusedNamingItsPosition() {
        assertRefused("111.8,abc,111.9,28.5", "第 2 个值");
        assertRefused("111.8,NaN,111.9,28.5", "纬度");
    }

    @Test
    void outOfRangeIsRefused() {
        assertRefused("-181,28.4,111.9,28.5", "经度");
        assertRefused("111.8,28.4,111.9,91", "纬度");
    }

    private static void assertRefused(String text, String reasonPart) {
        assertThatThrownBy(() -> BoundingBox.parse("bbox", text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("bbox"))
                .hasMessageContaining(reasonPart);
    }
}
