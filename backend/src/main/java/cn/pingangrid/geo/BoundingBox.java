package cn.pingangrid.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

import cn.pingangrid.system.InvalidInputException;

/** A longitude/latitude box, {@code minLng,minLat,maxLng,maxLat} as in OGC API and GeoJSON {@code bbox}. */
public record BoundingBox(double minLng, double minLat, double maxLng, double maxLat) {

    /**
     * Parses the query-string form. A box with min &gt; max, a missing number or a value out of range is refused
     * with a problem naming {@code field}. A box of zero width or height is allowed (a point query).
     */
    public static BoundingBox parse(String field, String text) {
        if (text.length() > 200) {
            throw new InvalidInputException(field, "须为四个数：最小经度,最小纬度,最大经度,最大纬度");
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidInputException(field, "须为四个数：最小经度,最小纬度,最大经度,最大纬度");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "第 " + (i + 1) + " 个值「"
                        + cn.pingangrid.system.Texts.quote(parts[i].trim()) + "」不是数字");
            }
        }
        Wgs84.requireLngLat(values[0], values[1], field, field);
        Wgs84.requireLngLat(values[2], values[3], field, field);
        if (values[0] > values[2]) {
            throw new InvalidInputException(field, "最小经度大于最大经度");
        }
        if (values[1] > values[3]) {
            throw new InvalidInputException(field, "最小纬度大于最大纬度");
        }
        return new BoundingBox(values[0], values[1], values[2], values[3]);
    }

    public static BoundingBox of(Envelope envelope) {
        return new BoundingBox(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
    }

    public double widthDegrees() {
        return maxLng - minLng;
    }

    public double heightDegrees() {
        return maxLat - minLat;
    }

    /**
     * A box of zero width or height grows by this much (about 0.1 mm) on each degenerate side, so it is still a
     * polygon: a zero-area box is a point (or line) query.
     */
    static final double POINT_QUERY_MARGIN_DEGREES = 1e-9;

    /**
     * The box as a polygon with SRID 4326, for spatial predicates in the database. A zero-width or zero-height
     * box (a point query) becomes a box {@link #POINT_QUERY_MARGIN_DEGREES} across on that side.
     */
    public Polygon toPolygon() {
        double m = POINT_QUERY_MARGIN_DEGREES;
        double x0 = minLng;
        double x1 = maxLng;
        double y0 = minLat;
        double y1 = maxLat;
        if (x1 - x0 <= 0) {
            x0 -= m;
            x1 += m;
        }
        if (y1 - y0 <= 0) {
            y0 -= m;
            y1 += m;
        }
        return Wgs84.FACTORY.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(x0, y0), new org.locationtech.jts.geom.Coordinate(x1, y0),
                new org.locationtech.jts.geom.Coordinate(x1, y1), new org.locationtech.jts.geom.Coordinate(x0, y1),
                new org.locationtech.jts.geom.Coordinate(x0, y0) });
    }

    public double[] toArray() {
        return new double[] { minLng, minLat, maxLng, maxLat };
    }
}
