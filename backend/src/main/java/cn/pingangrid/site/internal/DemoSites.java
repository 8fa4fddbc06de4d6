package cn.pingangrid.site.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.scope.UnscopedPath;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.TownGeometries;
import cn.pingangrid.geo.GeoJsonFeatures;
import tools.jackson.databind.JsonNode;

/**
 * Loads gis-data's illustrative 平安创建 sites ({@code sites.geojson}, made by its SitePlanner) once the geography is
 * there, when {@code pingan.demo.sites=true} (the demo) and no site exists yet. Inspection dates in the file are
 * relative to the day of loading.
 */
@Component
@ConditionalOnProperty(name = "pingan.demo.sites", havingValue = "true")
class DemoSites implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    private static final Logger log = LoggerFactory.getLogger(DemoSites.class);

    private final SafetySites sites;
    private final TownGeometries townGeometries;
    private final Clock clock;
    private final String dataset;

    DemoSites(SafetySites sites, TownGeometries townGeometries, Clock clock,
            @Value("${pingan.geography.dataset}") String dataset) {
        this.sites = sites;
        this.townGeometries = townGeometries;
        this.clock = clock;
        this.dataset = dataset;
    }

    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.DEMO_SITES, this::load);
    }

    private void load() {
        if (sites.count() > 0) {
            return;
        }
        Optional<List<GeoJsonFeatures.Entry>> features =
                GeoJsonFeatures.fromClasspath("/gis-data/" + dataset + "/sites.geojson");
        if (features.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int loaded = 0;
        for (GeoJsonFeatures.Entry f : features.get()) {
            JsonNode p = f.properties();
            Geometry geometry = f.geometry();
            GridRef grid = townGeometries.gridOf(geometry).orElse(null);
            if (grid == null) {
                continue; // not in this town's grids: a dataset mismatch, skip rather than guess
            }
            SafetySite site = new SafetySite(SiteKind.valueOf(p.get("kind").asString()), p.get("name").asString(),
                    SiteStatus.valueOf(p.get("status").asString()), p.path("responsiblePerson").asString(null),
                    null, geometry, grid.villageCode(), grid.code(),
                    today.plusDays(p.get("nextInspectionInDays").asInt()), clock.instant());
            sites.save(site);
            JsonNode lastDaysAgo = p.path("lastInspectedDaysAgo");
            if (lastDaysAgo.isNumber()) {
                // an inspection gives the dates; the status shown is the file's (e.g. 复查中 after a failed one)
                LocalDate last = today.minusDays(lastDaysAgo.asInt());
                SiteStatus status = site.getStatus();
                SiteStatus result = status == SiteStatus.NOT_MET || status == SiteStatus.UNDER_REVIEW
                        ? SiteStatus.NOT_MET : SiteStatus.MET;
                LocalDate next = today.plusDays(p.get("nextInspectionInDays").asInt());
                sites.save(site.recordInspection(last, result, "演示数据", "演示", next.isAfter(last) ? next
                        : last.plusDays(1), 3, today, clock.instant()));
                site.edit(site.getKind(), site.getName(), status, p.path("responsiblePerson").asString(null), null,
                        clock.instant());
            }
            loaded++;
        }
        log.info("已载入 {} 个演示平安创建点位", loaded);
    }
}
