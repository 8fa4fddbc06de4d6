package cn.pingangrid.geo;

/**
 * WGS84 ⇄ GCJ-02, the obfuscated datum of 高德/腾讯 maps (offset non-linearly by about 50–500 m).
 * The forward formula is the published one; the inverse has no closed form and is solved by fixed-point
 * iteration to better than 1e-7° (about 1 cm). Outside mainland China GCJ-02 equals WGS84.
 */
public final class Gcj02Transform {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02Transform() {
    }

    /** WGS84 → GCJ-02; returns {lng, lat}. */
    public static double[] toGcj02(double lng, double lat) {
        if (outsideChina(lng, lat)) {
            return new double[] { lng, lat };
        }
        double dLat = transformLat(lng - 105.0, lat - 35.0);
        double dLng = transformLng(lng - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] { lng + dLng, lat + dLat };
    }

    /** GCJ-02 → WGS84 by iteration; returns {lng, lat}. */
    public static double[] toWgs84(double gcjLng, double gcjLat) {
        double lng = gcjLng;
        double lat = gcjLat;
        for (int i = 0; i < 30; i++) {
            double[] forward = toGcj02(lng, lat);
            double dLng = forward[0] - gcjLng;
            double dLat = forward[1] - gcjLat;
            lng -= dLng;
            lat -= dLat;
            if (Math.abs(dLng) < 1e-9 && Math.abs(dLat) < 1e-9) {
                break;
            }
        }
        return new double[] { lng, lat };
    }

    private static boolean outsideChina(double lng, double lat) {
        return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLng(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
