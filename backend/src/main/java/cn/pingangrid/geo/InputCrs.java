package cn.pingangrid.geo;

import java.util.Locale;

import org.locationtech.jts.geom.Point;

import cn.pingangrid.system.InvalidInputException;

/**
 * The coordinate system a client's longitude/latitude are in. Phones and browser geolocation give WGS84;
 * points picked on 高德/腾讯 maps are GCJ-02 and must be converted before they are stored or compared.
 */
public enum InputCrs {
    WGS84,
    GCJ02;

    /** Accepts WGS84, EPSG:4326, EPSG:4490, CGCS2000 and GCJ02 / GCJ-02 (any case); blank means WGS84. */
    public static InputCrs parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return WGS84;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "WGS84", "EPSG:4326", "EPSG:4490", "CGCS2000" -> WGS84;
            case "GCJ02", "GCJ-02" -> GCJ02;
            default -> throw new InvalidInputException(field,
                    "不支持的坐标系「" + text + "」，可用：WGS84（EPSG:4326）、CGCS2000（EPSG:4490）、GCJ02");
        };
    }

    /** The stored (EPSG:4326) point for a longitude/latitude given in this system. */
    public Point toStoredPoint(double lng, double lat) {
        Wgs84.requireLngLat(lng, lat, "lng", "lat");
        if (this == WGS84) {
            return Wgs84.point(lng, lat);
        }
        double[] wgs = Gcj02Transform.toWgs84(lng, lat);
        return Wgs84.point(wgs[0], wgs[1]);
    }
}
