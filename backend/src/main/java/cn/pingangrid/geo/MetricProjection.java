package cn.pingangrid.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * EPSG:4326 → EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E, metres, no zone prefix) for areas, buffers
 * and distances. Done in Java with proj4j so that both databases give identical numbers; the EPSG definition
 * comes from proj4j-epsg, offline. Valid for 109.5–112.5°E.
 */
public final class MetricProjection {

    public static final int SRID = 4546;

    private static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel(), SRID);

    // CoordinateTransform is not thread-safe: one per thread.
    private static final ThreadLocal<CoordinateTransform> TO_METRIC = ThreadLocal.withInitial(() -> {
        CRSFactory crs = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:4326"),
                crs.createFromName("EPSG:4546"));
    });

    private MetricProjection() {
    }

    /** The geometry in EPSG:4546 metres. */
    public static Geometry toMetric(Geometry lngLat) {
        CoordinateTransform transform = TO_METRIC.get();
        Geometry metric = METRIC.createGeometry(lngLat);
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        metric.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            in.x = c.x;
            in.y = c.y;
            transform.transform(in, out);
            c.x = out.x;
            c.y = out.y;
        });
        metric.geometryChanged();
        return metric;
    }

    /** Area in square metres, computed in EPSG:4546. */
    public static double areaSquareMeters(Geometry lngLat) {
        return toMetric(lngLat).getArea();
    }
}
