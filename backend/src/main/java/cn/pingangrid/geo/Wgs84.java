package cn.pingangrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

import cn.pingangrid.system.InvalidInputException;

/**
 * Longitude/latitude geometries as stored: EPSG:4326 (CGCS2000, EPSG:4490, is the same to well under a metre
 * here). Every geometry built here carries SRID 4326; H2GIS rejects SRID 0 and PostGIS would silently accept it.
 */
public final class Wgs84 {

    public static final int SRID = 4326;

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private Wgs84() {
    }

    /** A point at {@code lng}, {@code lat} after checking both are real, in range coordinates. */
    public static Point point(double lng, double lat) {
        requireLngLat(lng, lat, "lng", "lat");
        return FACTORY.createPoint(new Coordinate(lng, lat));
    }

    /** Rejects NaN, infinities and values outside ±180° longitude, ±90° latitude, naming the offending field. */
    public static void requireLngLat(double lng, double lat, String lngField, String latField) {
        if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
            throw new InvalidInputException(lngField, "经度须在 -180 到 180 之间");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidInputException(latField, "纬度须在 -90 到 90 之间");
        }
    }
}
