package cn.pingangrid.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.Grid;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.TownGeometries;
import cn.pingangrid.geo.Wgs84;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads gis-data's illustrative 平安创建 sites ({@code sites.geojson}, made by its SitePlanner) once the geography is
 * there, when {@code pingan.demo.sites=true} (the demo) and no site exists yet. Inspection dates in the file are
 * relative to the day of loading.
 */
@Component
@ConditionalOnProperty(name = "pingan.demo.sites", havingValue = "true")
class DemoSites implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    private static final Logger log = LoggerFactory.getLogger(DemoSites.class);

    private final Sites sites;
    private final TownGeometries townGeometries;
    private final Clock clock;
    private final String dataset;

    DemoSites(Sites sites, TownGeometries townGeometries, Clock clock,
            @Value("${pingan.geography.dataset}") String dataset) {
        this.sites = sites;
        this.townGeometries = townGeometries;
        this.clock = clock;
        this.dataset = dataset;
    }

    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        if (sites.count() > 0) {
            return;
        }
        JsonNode features = read("/gis-data/" + dataset + "/sites.geojson");
        if (features == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int loaded = 0;
        for (JsonNode f : features) {
            JsonNode p = f.get("properties");
            Geometry geometry = geometry(f.get("geometry"));
            Grid grid = townGeometries.gridOf(geometry).orElse(null);
            if (grid == null) {
                continue; // not in this town's grids: a dataset mismatch, skip rather than guess
            }
            SafetySite site = new SafetySite(SiteKind.valueOf(p.get("kind").asString()), p.get("name").asString(),
                    SiteStatus.valueOf(p.get("status").asString()), p.path("responsiblePerson").asString(null),
                    null, geometry, grid.getVillageCode(), grid.getCode(),
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
                        : last.plusDays(1), today, clock.instant()));
                site.edit(site.getKind(), site.getName(), status, p.path("responsiblePerson").asString(null), null,
                        clock.instant());
            }
            loaded++;
        }
        log.info("已载入 {} 个演示平安创建点位", loaded);
    }

    static JsonNode read(String path) {
        try (InputStream in = DemoSites.class.getResourceAsStream(path)) {
            return in == null ? null : JsonMapper.builder().build().readTree(in).get("features");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Geometry geometry(JsonNode geoJson) {
        try {
            Geometry g = new GeoJsonReader(Wgs84.FACTORY).read(geoJson.toString());
            g.setSRID(Wgs84.SRID);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("demo site geometry", e);
        }
    }
}
