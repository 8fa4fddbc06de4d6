package cn.pingangrid.area;

import java.util.Set;

import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.pingangrid.geo.Gcj02Transform;
import cn.pingangrid.geo.GeometryValidation;
import cn.pingangrid.geo.InputCrs;
import cn.pingangrid.system.NotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a geometry a client sent for something inside the town (a site, a hazard): GeoJSON in WGS84 or GCJ-02,
 * checked by {@link GeometryValidation} against the town outline and {@code pingan.geometry.max-vertices}.
 */
@Component
public class TownGeometries {

    private final Areas areas;
    private final int maxVertices;

    TownGeometries(Areas areas, @Value("${pingan.geometry.max-vertices:10000}") int maxVertices) {
        this.areas = areas;
        this.maxVertices = maxVertices;
    }

    /** The geometry in {@code field}, of one of {@code types}, inside the town, stored as SRID 4326. */
    public Geometry read(String field, JsonNode geoJson, InputCrs crs, Set<String> types) {
        var town = areas.townBoundary().orElseThrow(() -> new NotFoundException("尚未导入镇域数据"));
        GeometryValidation inTown = new GeometryValidation(types, maxVertices, town, "本镇");
        if (crs == InputCrs.WGS84) {
            return inTown.readGeoJson(field, geoJson);
        }
        Geometry gcj = new GeometryValidation(types, maxVertices, null, "").readGeoJson(field, geoJson);
        gcj.apply((CoordinateFilter) c -> {
            double[] wgs = Gcj02Transform.toWgs84(c.x, c.y);
            c.x = wgs[0];
            c.y = wgs[1];
        });
        gcj.geometryChanged();
        return inTown.check(field, gcj);
    }

    /** The caller's grid a geometry belongs to: the one holding a point, or a polygon's interior point. */
    public java.util.Optional<GridRef> gridOf(Geometry geometry) {
        return areas.gridAt(geometry.getInteriorPoint());
    }
}
