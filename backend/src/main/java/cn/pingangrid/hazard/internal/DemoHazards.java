package cn.pingangrid.hazard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Point;
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
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.TownGeometries;
import cn.pingangrid.geo.GeoJsonFeatures;
import cn.pingangrid.hazard.internal.HazardTerms.Category;
import cn.pingangrid.hazard.internal.HazardTerms.Level;
import cn.pingangrid.hazard.internal.HazardTerms.Status;
import tools.jackson.databind.JsonNode;

/**
 * Loads gis-data's illustrative risk hazards ({@code hazards.geojson}) once the geography is there, when
 * {@code pingan.demo.sites=true} and the list is empty. Review dates are relative to the day of loading (some
 * already overdue, so the map shows the flag).
 */
@Component
@ConditionalOnProperty(name = "pingan.demo.sites", havingValue = "true")
class DemoHazards implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    private static final Logger log = LoggerFactory.getLogger(DemoHazards.class);

    private final Hazards hazards;
    private final TownGeometries townGeometries;
    private final Clock clock;
    private final String dataset;

    DemoHazards(Hazards hazards, TownGeometries townGeometries, Clock clock,
            @Value("${pingan.geography.dataset}") String dataset) {
        this.hazards = hazards;
        this.townGeometries = townGeometries;
        this.clock = clock;
        this.dataset = dataset;
    }

    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.DEMO_HAZARDS, this::load);
    }

    private void load() {
        if (hazards.count() > 0) {
            return;
        }
        Optional<List<GeoJsonFeatures.Entry>> features =
                GeoJsonFeatures.fromClasspath("/gis-data/" + dataset + "/hazards.geojson");
        if (features.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int loaded = 0;
        for (GeoJsonFeatures.Entry f : features.get()) {
            JsonNode p = f.properties();
            Point point = (Point) f.geometry();
            GridRef grid = townGeometries.gridOf(point).orElse(null);
            if (grid == null) {
                continue;
            }
            LocalDate due = today.plusDays(p.get("reviewInDays").asInt());
            Hazard hazard = new Hazard(Category.valueOf(p.get("category").asString()), p.get("title").asString(), null,
                    Level.valueOf(p.get("level").asString()), p.get("owner").asString(), due, point,
                    grid.villageCode(), grid.code(), clock.instant());
            Status status = Status.valueOf(p.get("status").asString());
            if (status != Status.OPEN) {
                LocalDate reviewed = due.minusMonths(1).isAfter(today) ? today : due.minusMonths(1);
                hazard.review(reviewed, status, due.isAfter(reviewed) ? due : reviewed.plusDays(1), today,
                        clock.instant());
            }
            hazards.save(hazard);
            loaded++;
        }
        log.info("已载入 {} 条演示风险隐患", loaded);
    }
}
