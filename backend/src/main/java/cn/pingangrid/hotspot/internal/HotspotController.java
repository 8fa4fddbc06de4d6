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
import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.system.CodeLabel;

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
    HotspotViews.Density density(@ModelAttribute Filters f, @RequestParam(required = false) Double cell,
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
        return HotspotViews.Density.of(q, r, radius == null, d.disputes(), d.breaksPerSquareKilometre(), values);
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
    HotspotViews.Gi gi(@ModelAttribute Filters f, @RequestParam(required = false) String unit,
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
        return new HotspotViews.Gi(q.from().toString(), q.to().toString(), gi.unitKind(),
                HotspotViews.UnitCollection.sizeMeters(gi.unitKind(), gi.sideMeters()),
                HotspotAnalysis.round(gi.bandMeters()), gi.disputes(), gi.defaultBand(), features);
    }

    @GetMapping(path = "/emerging", produces = { "application/geo+json", "application/json" })
    HotspotViews.Emerging emerging(@ModelAttribute Filters f, @RequestParam(required = false) String unit,
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
        return new HotspotViews.Emerging(e.first().atDay(1).toString(), e.last().atEndOfMonth().toString(),
                e.unitKind(), HotspotViews.UnitCollection.sizeMeters(e.unitKind(), e.sideMeters()),
                HotspotAnalysis.round(e.bandMeters()), e.disputes(), e.first().toString(), e.last().toString(),
                e.first().until(e.last(), java.time.temporal.ChronoUnit.MONTHS) + 1,
                Arrays.stream(EmergingPattern.values()).map(v -> new CodeLabel(v.name(), v.label())).toList(),
                features);
    }

    @GetMapping("/rates")
    HotspotViews.Rates rates(@ModelAttribute Filters f) {
        HotspotQuery q = query(f);
        return new HotspotViews.Rates(q.from().toString(), q.to().toString(), analysis.rates(q, scope()));
    }

    /** The disputes of the period in one unit (grid code or hexagon id as the Gi* answer gives it). */
    @GetMapping("/units/{id}/disputes")
    HotspotViews.UnitDisputes unitDisputes(@PathVariable String id, @ModelAttribute Filters f,
            @RequestParam(required = false) String unit, @RequestParam(required = false) Double size) {
        HotspotQuery q = query(f);
        List<HotspotViews.UnitDispute> rows = analysis.inUnit(q, unit, size, id, scope()).stream()
                .map(d -> new HotspotViews.UnitDispute(d.id(), d.type(), d.severity(), d.status(),
                        d.sweptOn().toString(), d.villageCode(), d.gridCode()))
                .toList();
        return new HotspotViews.UnitDisputes(q.from().toString(), q.to().toString(), id, rows);
    }

    private HotspotQuery query(Filters f) {
        return HotspotQuery.parse(f.month(), f.from(), f.to(), f.type(), f.severity(), f.status(), f.village(),
                LocalDate.now(clock));
    }

    private static AreaScope scope() {
        return CurrentUser.current().area();
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
