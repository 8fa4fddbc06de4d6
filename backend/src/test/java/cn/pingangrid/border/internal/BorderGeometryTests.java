package cn.pingangrid.border.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.border.SegmentKind;

/**
 * Border geometry on hand-built shapes: WKT in, expected WKT out, compared normalised. Shapes are written in
 * EPSG:4546 metres near the town (x 580 km, y 3,150 km) so that expectations read in metres; they go through
 * longitude/latitude exactly as stored data does.
 */
class BorderGeometryTests {

    static final double X0 = 580_000;
    static final double Y0 = 3_150_000;

    @Test
    void aZoneIsTheRectangleAlongTheLineWithRoundCaps() {
        MultiLineString line = lngLatLines("MULTILINESTRING ((0 0, 1000 0))");
        Geometry zone = metric(BorderSegment.zoneOf(line, 500));
        // the straight part, clipped to the line's extent, is the 1,000 × 1,000 m rectangle
        Geometry middle = zone.intersection(shifted("POLYGON ((0 -600, 1000 -600, 1000 600, 0 600, 0 -600))"));
        Geometry expected = shifted("POLYGON ((0 -500, 1000 -500, 1000 500, 0 500, 0 -500))");
        assertThat(DiscreteHausdorffDistance.distance(middle, expected)).isLessThan(0.05);
        // rectangle plus a circle of 32 segments (8 per quarter): 1e6 + 16 r² sin(π/16)
        assertThat(zone.getArea()).isCloseTo(1_000_000 + 16 * 500.0 * 500 * Math.sin(Math.PI / 16), offset(50.0));
    }

    @Test
    void pointsWithinTheWidthAreInTheZoneAndFartherOnesAreNot() {
        Geometry zone = BorderSegment.zoneOf(lngLatLines("MULTILINESTRING ((0 0, 1000 0))"), 500);
        assertThat(zone.covers(lngLat(500, 499))).isTrue();
        assertThat(zone.covers(lngLat(500, -499))).isTrue();
        assertThat(zone.covers(lngLat(500, 501))).isFalse();
        assertThat(zone.covers(lngLat(1000 + 340, 340))).isTrue(); // 481 m past the end, on the round cap
        assertThat(zone.covers(lngLat(1000 + 360, 360))).isFalse(); // 509 m
        assertThat(zone.getSRID()).isEqualTo(4326);
    }

    @Test
    void changingTheWidthRecomputesTheZoneWithinLimits() {
        BorderSegment segment = new BorderSegment(SegmentKind.TOWN, "与甲镇交界", "甲镇", "乙县", true,
                lngLatLines("MULTILINESTRING ((0 0, 1000 0))"), Set.of("V1"), 500, true, Instant.EPOCH);
        double wide = metric(segment.getZone()).getArea();
        segment.changeZoneWidth(100, Instant.EPOCH);
        assertThat(metric(segment.getZone()).getArea())
                .isCloseTo(200_000 + 16 * 100.0 * 100 * Math.sin(Math.PI / 16), offset(10.0)).isLessThan(wide);
        assertThatThrownBy(() -> segment.changeZoneWidth(10, Instant.EPOCH)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> segment.changeZoneWidth(6000, Instant.EPOCH))
                .isInstanceOf(InvalidInputException.class);
        assertThat(segment.getZoneWidthM()).isEqualTo(100);
        assertThat(segment.properties()).containsEntry("lengthM", 1000);
    }

    // A 2 × 2 km town: neighbour A to the west, neighbour B wrapped round the other three sides; villages V1
    // (west half) and V2 (east half).
    static final String TOWN = "POLYGON ((0 0, 2000 0, 2000 2000, 0 2000, 0 0))";
    static final String A = "POLYGON ((-1000 -1000, 0 -1000, 0 0, 0 2000, 0 3000, -1000 3000, -1000 -1000))";
    static final String B = "POLYGON ((0 -1000, 3000 -1000, 3000 3000, 0 3000, 0 2000, 2000 2000, 2000 0, 0 0, "
            + "0 -1000))";
    static final String V1 = "POLYGON ((0 0, 1000 0, 1000 2000, 0 2000, 0 0))";
    static final String V2 = "POLYGON ((1000 0, 2000 0, 2000 2000, 1000 2000, 1000 0))";

    @Test
    void theTownOutlineIsSplitByNeighbourWithTheVillagesAlongEachPart() {
        List<BorderTracing.Shared> parts = BorderTracing.splitBySide((Polygon) wkt(TOWN),
                List.of(side("A", A), side("B", B)), List.of(side("V1", V1), side("V2", V2)));
        assertThat(parts).extracting(BorderTracing.Shared::key).containsExactlyInAnyOrder("A", "B");
        BorderTracing.Shared a = parts.stream().filter(p -> p.key().equals("A")).findFirst().orElseThrow();
        BorderTracing.Shared b = parts.stream().filter(p -> p.key().equals("B")).findFirst().orElseThrow();
        assertSameShape(a.line(), "MULTILINESTRING ((0 0, 0 2000))");
        assertSameShape(b.line(), "MULTILINESTRING ((0 0, 2000 0, 2000 2000, 0 2000))");
        assertThat(a.along()).containsExactly("V1");
        assertThat(b.along()).containsExactlyInAnyOrder("V1", "V2");
    }

    @Test
    void villagesSharingAnEdgeGiveOneBoundaryAndTouchingOnlyAtACornerGivesNone() {
        String v3 = "POLYGON ((2000 2000, 3000 2000, 3000 3000, 2000 3000, 2000 2000))"; // touches V2 at a point
        List<BorderTracing.Shared> shared = BorderTracing.sharedEdges(List.of(side("V2", V2), side("V1", V1),
                side("V3", v3)));
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).key()).isEqualTo("V1|V2");
        assertSameShape(shared.get(0).line(), "MULTILINESTRING ((1000 0, 1000 2000))");
    }

    @Test
    void aPointInAZoneIsCrossBorderAndConcernsBothSides() {
        CrossBorderCheck check = new CrossBorderCheck(List.of(
                new CrossBorderCheck.Zone(1, SegmentKind.TOWN, "与A镇交界", "A镇", "甲县", Set.of("V1"),
                        BorderSegment.zoneOf(lngLatLines("MULTILINESTRING ((0 0, 0 2000))"), 300)),
                new CrossBorderCheck.Zone(2, SegmentKind.VILLAGE, "V1—V2", null, null, Set.of("V1", "V2"),
                        BorderSegment.zoneOf(lngLatLines("MULTILINESTRING ((1000 0, 1000 2000))"), 300))));

        CrossBorderCheck.Result nearTown = check.check(lngLat(299, 1000), "V1");
        assertThat(nearTown.crossBorder()).isTrue();
        assertThat(nearTown.villageCodes()).containsExactly("V1");
        assertThat(nearTown.neighbours()).containsExactly("甲县A镇");
        assertThat(nearTown.segmentIds()).containsExactly(1L);

        CrossBorderCheck.Result nearVillage = check.check(lngLat(701, 1000), "V1");
        assertThat(nearVillage.crossBorder()).isTrue();
        assertThat(nearVillage.villageCodes()).containsExactly("V1", "V2");
        assertThat(nearVillage.neighbours()).isEmpty();

        CrossBorderCheck.Result inBetween = check.check(lngLat(500, 1000), "V1");
        assertThat(inBetween.crossBorder()).isFalse();
        assertThat(inBetween.villageCodes()).isEmpty();
        assertThat(check.check(lngLat(301, 1000), "V1").crossBorder()).isFalse();
    }

    @Test
    void aPointInTwoZonesConcernsEveryoneOfBoth() {
        // a narrow village: both zones overlap in the middle
        CrossBorderCheck check = new CrossBorderCheck(List.of(
                new CrossBorderCheck.Zone(1, SegmentKind.TOWN, "与A镇交界", "A镇", "甲县", Set.of("V1"),
                        BorderSegment.zoneOf(lngLatLines("MULTILINESTRING ((0 0, 0 2000))"), 600)),
                new CrossBorderCheck.Zone(2, SegmentKind.VILLAGE, "V1—V2", null, null, Set.of("V1", "V2"),
                        BorderSegment.zoneOf(lngLatLines("MULTILINESTRING ((1000 0, 1000 2000))"), 600))));
        CrossBorderCheck.Result both = check.check(lngLat(500, 1000), "V1");
        assertThat(both.segmentIds()).containsExactly(1L, 2L);
        assertThat(both.villageCodes()).containsExactly("V1", "V2");
        assertThat(both.neighbours()).containsExactly("甲县A镇");
    }

    // --- helpers

    static BorderTracing.Side side(String key, String wkt) {
        return new BorderTracing.Side(key, (Polygon) wkt(wkt));
    }

    static void assertSameShape(Geometry actual, String expectedWkt) {
        assertThat(actual.norm().equalsExact(wkt(expectedWkt).norm(), 1e-9)).as("%s vs %s", actual, expectedWkt)
                .isTrue();
    }

    /** Metric WKT relative to (X0, Y0), in lng/lat. */
    static MultiLineString lngLatLines(String relativeWkt) {
        return (MultiLineString) MetricProjection.toLngLat(shifted(relativeWkt));
    }

    static Point lngLat(double dx, double dy) {
        return (Point) MetricProjection.toLngLat(Wgs84.FACTORY.createPoint(
                new org.locationtech.jts.geom.Coordinate(X0 + dx, Y0 + dy)));
    }

    static Geometry shifted(String relativeWkt) {
        Geometry g = wkt(relativeWkt);
        g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x += X0;
            c.y += Y0;
        });
        g.geometryChanged();
        return g;
    }

    static Geometry metric(Geometry lngLat) {
        return MetricProjection.toMetric(lngLat);
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader(Wgs84.FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
