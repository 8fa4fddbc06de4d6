package cn.pingangrid.hazard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;

import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.Grid;
import cn.pingangrid.area.TownGeometries;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.hazard.HazardTerms.Category;
import cn.pingangrid.hazard.HazardTerms.Level;
import cn.pingangrid.hazard.HazardTerms.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        if (hazards.count() > 0) {
            return;
        }
        JsonNode features;
        try (InputStream in = DemoHazards.class.getResourceAsStream("/gis-data/" + dataset + "/hazards.geojson")) {
            if (in == null) {
                return;
            }
            features = JsonMapper.builder().build().readTree(in).get("features");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate today = LocalDate.now(clock);
        int loaded = 0;
        for (JsonNode f : features) {
            JsonNode p = f.get("properties");
            JsonNode c = f.get("geometry").get("coordinates");
            Point point = Wgs84.point(c.get(0).asDouble(), c.get(1).asDouble());
            Grid grid = townGeometries.gridOf(point).orElse(null);
            if (grid == null) {
                continue;
            }
            LocalDate due = today.plusDays(p.get("reviewInDays").asInt());
            Hazard hazard = new Hazard(Category.valueOf(p.get("category").asString()), p.get("title").asString(), null,
                    Level.valueOf(p.get("level").asString()), p.get("owner").asString(), due, point,
                    grid.getVillageCode(), grid.getCode(), clock.instant());
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
