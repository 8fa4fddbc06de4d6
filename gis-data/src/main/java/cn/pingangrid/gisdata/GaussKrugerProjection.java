package cn.pingangrid.gisdata;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Converts between CGCS2000 longitude/latitude (EPSG:4490, stored as EPSG:4326: the two agree to well under a
 * metre here) and EPSG:4546, "CGCS2000 / 3-degree Gauss-Kruger CM 111E" (metres, false easting 500 000, no zone
 * prefix). Both definitions are resolved offline by proj4j-epsg.
 *
 * <p>{@link #toLngLat(Geometry)} is a pure function of each vertex and rounds to {@value #DECIMALS} decimals
 * (about 1 cm), so vertices that are equal in metres stay equal in degrees: a coverage built in metres remains a
 * coverage after conversion. Not thread-safe (proj4j transforms keep state).
 */
final class GaussKrugerProjection {

    static final String METRIC_CRS = "EPSG:4546";
    static final String GEOGRAPHIC_CRS = "EPSG:4490";
    static final int DECIMALS = 7;
    private static final double SCALE = 1e7;

    private final CoordinateTransform lngLatToMetric;
    private final CoordinateTransform metricToLngLat;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    GaussKrugerProjection() {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem geographic = crs.createFromName(GEOGRAPHIC_CRS);
        CoordinateReferenceSystem metric = crs.createFromName(METRIC_CRS);
        CoordinateTransformFactory transforms = new CoordinateTransformFactory();
        lngLatToMetric = transforms.createTransform(geographic, metric);
        metricToLngLat = transforms.createTransform(metric, geographic);
    }

    /** Projects longitude/latitude in degrees to EPSG:4546 easting/northing in metres (not rounded). */
    Coordinate toMetric(double lng, double lat) {
        in.x = lng;
        in.y = lat;
        lngLatToMetric.transform(in, out);
        return new Coordinate(out.x, out.y);
    }

    /** Unprojects EPSG:4546 metres to longitude/latitude rounded to 7 decimals. */
    Coordinate toLngLat(double eastingMeters, double northingMeters) {
        in.x = eastingMeters;
        in.y = northingMeters;
        metricToLngLat.transform(in, out);
        return new Coordinate(round7(out.x), round7(out.y));
    }

    /** A copy of a metric geometry in rounded longitude/latitude; vertex by vertex, no densification. */
    Geometry toLngLat(Geometry metric) {
        Geometry copy = metric.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Coordinate lngLat = toLngLat(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, lngLat.x);
                seq.setOrdinate(i, 1, lngLat.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** A copy of a longitude/latitude geometry in EPSG:4546 metres (not rounded). */
    Geometry toMetric(Geometry lngLat) {
        Geometry copy = lngLat.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Coordinate m = toMetric(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, m.x);
                seq.setOrdinate(i, 1, m.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    static double round7(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }
}
