package cn.pingangrid.site.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

import cn.pingangrid.dispute.DisputeLocation;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.geo.MetricProjection;

/**
 * The disputes linked to a site: inside its polygon, or within {@value #POINT_RADIUS_M} m of a point site
 * (the circle computed in EPSG:4546), that arose in the period and that the caller may see.
 */
@Component
class SiteDisputes {

    static final double POINT_RADIUS_M = 100;

    private final DisputeLocations disputes;

    SiteDisputes(DisputeLocations disputes) {
        this.disputes = disputes;
    }

    List<DisputeLocation> linkedTo(SafetySite site, LocalDate from, LocalDate to) {
        return disputes.within(catchment(site.getGeom()), from, to);
    }

    /** For each site (by id), the disputes linked to it; one query for all of them. */
    Map<Long, List<DisputeLocation>> linkedToEach(List<SafetySite> sites, LocalDate from, LocalDate to) {
        Map<Long, Geometry> catchments = new LinkedHashMap<>();
        sites.forEach(site -> catchments.put(site.getId(), catchment(site.getGeom())));
        return disputes.withinEach(catchments, from, to);
    }

    /** The area whose disputes count for a site. */
    static Geometry catchment(Geometry site) {
        if (site instanceof Point) {
            Geometry circle = MetricProjection.bufferMeters(site, POINT_RADIUS_M);
            circle.setSRID(4326);
            return circle;
        }
        return site;
    }
}
