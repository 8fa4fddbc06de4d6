package cn.pingangrid.hotspot.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Envelope;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.dispute.DisputeSummary;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.AreaScope;

/**
 * The hotspot API: density raster (JSON and PNG), Gi* hot spots, emerging hot spots, rates per 100 buildings and a
 * unit's disputes — always over the caller's scope. Period and filters as the dispute list's (by 排查时间).
 */
@RestController
@RequestMapping("/api/hotspots")
class HotspotController {

    /** The dispute list's filters plus {@code month=yyyy-MM}; every value a plain string, checked by the query. */
    record Filters(String month, String from, String to, String type, String severity, String status,
            String village) {
    }

    private final HotspotAnalysis analysis;
    private final Clock clock;

    HotspotController(HotspotAnalysis analysis, Clock clock) {
        this.analysis = analysis;
        this.clock = clock;
    }

    @GetMapping("/density")
    Map<String, Object> density(@ModelAttribute Filters f, @RequestParam(required = false) Double cell,
            @RequestParam(required = false) Double radius) {
        HotspotQuery q = query(f);
        HotspotAnalysis.Density d = analysis.density(q, cell, radius, scope());
        KernelDensity.Raster r = d.raster();
        double[] values = new double[r.width() * r.height()];
        int k = 0;
        for (int row = r.height() - 1; row >= 0; row--) {
            for (int col = 0; col < r.width(); col++) {
                values[k++] = Math.round(r.value(col, row) * 1e9) / 1000.0; // per km², 3 decimals
            }
        }
        Map<String, Object> body = period(q);
        body.put("crs", "EPSG:4546");
        body.put("originX", r.originX());
        body.put("originY", r.originY());
        body.put("cellMeters", r.cellMeters());
        body.put("width", r.width());
        body.put("height", r.height());
        body.put("radiusMeters", HotspotAnalysis.round(r.radiusMeters()));
        body.put("defaultRadius", radius == null);
        body.put("kernel", "quartic");
        body.put("unit", "disputes/km²");
        body.put("rowOrder", "north-to-south");
        body.put("disputes", d.disputes());
        body.put("maxPerSquareKilometre", Math.round(r.max() * 1e9) / 1000.0);
        body.put("legendBreaks", d.breaksPerSquareKilometre());
        body.put("values", values);
        return body;
    }

    /** The overlay; its lng/lat bounds and legend breaks (per km²) come in headers, so one request draws it. */
    @GetMapping(path = "/density.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> densityPng(@ModelAttribute Filters f, @RequestParam(required = false) Double cell,
            @RequestParam(required = false) Double radius) {
        HotspotAnalysis.Density d = analysis.density(query(f), cell, radius, scope());
        DensityImage.Image image = DensityImage.render(d.raster(), d.breaksPerSquareKilometre());
        Envelope b = image.lngLatBounds();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .header("X-Bounds", b.getMinX() + "," + b.getMinY() + "," + b.getMaxX() + "," + b.getMaxY())
                .header("X-Legend-Breaks", Arrays.stream(d.breaksPerSquareKilometre()).mapToObj(Double::toString)
                        .collect(Collectors.joining(",")))
                .header("X-Radius-Meters", Double.toString(HotspotAnalysis.round(d.raster().radiusMeters())))
                .header("X-Disputes", Integer.toString(d.disputes()))
                .body(image.png());
    }

    @GetMapping(path = "/gi", produces = { "application/geo+json", "application/json" })
    Map<String, Object> gi(@ModelAttribute Filters f, @RequestParam(required = false) String unit,
            @RequestParam(required = false) Double size, @RequestParam(required = false) Double band) {
        HotspotQuery q = query(f);
        HotspotAnalysis.Gi gi = analysis.gi(q, unit, size, band, scope());
        List<Feature> features = new ArrayList<>();
        for (HotspotAnalysis.GiUnit u : gi.units()) {
            Map<String, Object> p = unitProperties(u.unit());
            p.put("count", u.count());
            p.put("neighbours", u.neighbours());
            p.put("z", round4(u.z()));
            p.put("p", round4(u.p()));
            p.put("bin", u.bin());
            p.put("fdrBin", u.fdrBin());
            features.add(new Feature(u.unit().id(), u.outline(), p));
        }
        Map<String, Object> body = collection(q, gi.unitKind(), gi.sideMeters(), gi.bandMeters(), gi.disputes());
        body.put("defaultBand", gi.defaultBand());
        body.put("features", features);
        return body;
    }

    @GetMapping(path = "/emerging", produces = { "application/geo+json", "application/json" })
    Map<String, Object> emerging(@ModelAttribute Filters f, @RequestParam(required = false) String unit,
            @RequestParam(required = false) Double size, @RequestParam(required = false) Double band,
            @RequestParam(required = false) Integer months) {
        HotspotQuery q = query(f);
        HotspotAnalysis.Emerging e = analysis.emerging(q, months, unit, size, band, scope());
        List<Feature> features = new ArrayList<>();
        for (HotspotAnalysis.EmergingUnit u : e.units()) {
            Map<String, Object> p = unitProperties(u.unit());
            p.put("pattern", u.pattern().name());
            p.put("patternLabel", u.pattern().label());
            p.put("count", u.total());
            p.put("hotMonths", u.hotMonths());
            p.put("coldMonths", u.coldMonths());
            p.put("trendZ", round4(u.trendZ()));
            p.put("trendP", round4(u.trendP()));
            p.put("finalZ", round4(u.finalZ()));
            p.put("bins", u.bins());
            features.add(new Feature(u.unit().id(), u.outline(), p));
        }
        Map<String, Object> body = collection(q.withPeriod(e.first().atDay(1), e.last().atEndOfMonth()),
                e.unitKind(), e.sideMeters(), e.bandMeters(), e.disputes());
        body.put("firstMonth", e.first().toString());
        body.put("lastMonth", e.last().toString());
        body.put("months", e.first().until(e.last(), java.time.temporal.ChronoUnit.MONTHS) + 1);
        body.put("patterns", Arrays.stream(EmergingPattern.values())
                .map(v -> Map.of("code", v.name(), "label", v.label())).toList());
        body.put("features", features);
        return body;
    }

    @GetMapping("/rates")
    Map<String, Object> rates(@ModelAttribute Filters f) {
        HotspotQuery q = query(f);
        Map<String, Object> body = period(q);
        body.put("method", "empirical-bayes");
        body.put("grids", analysis.rates(q, scope()));
        return body;
    }

    /** The disputes of the period in one unit (grid code or hexagon id as the Gi* answer gives it). */
    @GetMapping("/units/{id}/disputes")
    Map<String, Object> unitDisputes(@PathVariable String id, @ModelAttribute Filters f,
            @RequestParam(required = false) String unit, @RequestParam(required = false) Double size) {
        HotspotQuery q = query(f);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DisputeSummary d : analysis.inUnit(q, unit, size, id, scope())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("type", d.type());
            row.put("severity", d.severity());
            row.put("status", d.status());
            row.put("sweptOn", d.sweptOn().toString());
            row.put("villageCode", d.villageCode());
            row.put("gridCode", d.gridCode());
            rows.add(row);
        }
        Map<String, Object> body = period(q);
        body.put("unit", id);
        body.put("disputes", rows);
        return body;
    }

    private HotspotQuery query(Filters f) {
        return HotspotQuery.parse(f.month(), f.from(), f.to(), f.type(), f.severity(), f.status(), f.village(),
                LocalDate.now(clock));
    }

    private static AreaScope scope() {
        return CurrentUser.current().area();
    }

    private static Map<String, Object> period(HotspotQuery q) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", q.from().toString());
        body.put("to", q.to().toString());
        return body;
    }

    private static Map<String, Object> collection(HotspotQuery q, String kind, double side, double band,
            int disputes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.putAll(period(q));
        body.put("unit", kind);
        if (kind.equals("hex")) {
            body.put("sizeMeters", side);
        }
        body.put("bandMeters", HotspotAnalysis.round(band));
        body.put("bandToleranceMeters", GetisOrdGiStar.TOLERANCE_METERS);
        body.put("crs", "EPSG:4546 for x/y; geometry in WGS84 lng/lat");
        body.put("disputes", disputes);
        return body;
    }

    private static Map<String, Object> unitProperties(AnalysisUnits.Unit u) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", u.id());
        if (u.name() != null) {
            p.put("name", u.name());
        }
        p.put("x", HotspotAnalysis.round(u.x()));
        p.put("y", HotspotAnalysis.round(u.y()));
        return p;
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
