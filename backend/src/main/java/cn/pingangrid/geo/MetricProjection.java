package cn.pingangrid.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
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

    private static final ThreadLocal<CoordinateTransform> TO_LNG_LAT = ThreadLocal.withInitial(() -> {
        CRSFactory crs = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:4546"),
                crs.createFromName("EPSG:4326"));
    });

    private MetricProjection() {
    }

    /** The geometry in EPSG:4546 metres. */
    public static Geometry toMetric(Geometry lngLat) {
        return transform(METRIC.createGeometry(lngLat), TO_METRIC.get());
    }

    /** The inverse of {@link #toMetric}: an EPSG:4546 geometry back in longitude/latitude, SRID 4326. */
    public static Geometry toLngLat(Geometry metric) {
        return transform(Wgs84.FACTORY.createGeometry(metric), TO_LNG_LAT.get());
    }

    /**
     * The area within {@code meters} of the geometry (round caps and joins), computed in EPSG:4546 and returned in
     * longitude/latitude. Accurate to well under a metre at the town's scale.
     */
    public static Geometry bufferMeters(Geometry lngLat, double meters) {
        BufferParameters parameters = new BufferParameters(8); // 8 segments per quarter circle: within 0.5 % of r
        // no input simplification: JTS's default (1 % of the distance) can drop narrow spikes of a border line
        parameters.setSimplifyFactor(0);
        return toLngLat(BufferOp.bufferOp(toMetric(lngLat), meters, parameters));
    }

    /** Distance in metres between two lng/lat geometries, computed in EPSG:4546. */
    public static double distanceMeters(Geometry a, Geometry b) {
        return toMetric(a).distance(toMetric(b));
    }

    private static Geometry transform(Geometry copy, CoordinateTransform transform) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            in.x = c.x;
            in.y = c.y;
            transform.transform(in, out);
            c.x = out.x;
            c.y = out.y;
        });
        copy.geometryChanged();
        return copy;
    }

    /** Area in square metres, computed in EPSG:4546. */
    public static double areaSquareMeters(Geometry lngLat) {
        return toMetric(lngLat).getArea();
    }
}
