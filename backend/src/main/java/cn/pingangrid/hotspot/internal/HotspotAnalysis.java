package cn.pingangrid.hotspot.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.springframework.stereotype.Service;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.BuildingRef;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.dispute.DisputeSummary;
import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.system.RoleNotAllowedException;

/**
 * The analyses behind the hotspot API and the monthly pack, each over the disputes and the area of the caller's
 * scope only: a grid manager's density, hot spots and rates use and show their grids alone.
 */
@Service
class HotspotAnalysis {

    /** Below this many disputes Gi* and the emerging classes are not a statistical claim worth a map. */
    static final int MIN_DISPUTES = 30;
    static final double DEFAULT_HEXAGON_SIDE_METERS = 250;
    static final double MIN_HEXAGON_SIDE_METERS = 20;
    static final double MAX_HEXAGON_SIDE_METERS = 5000;
    static final double DEFAULT_CELL_METERS = 50;
    static final int MAX_CELLS = 2_000_000;

    private final DisputeLocations disputes;
    private final Areas areas;

    HotspotAnalysis(DisputeLocations disputes, Areas areas) {
        this.disputes = disputes;
        this.areas = areas;
    }

    record Density(KernelDensity.Raster raster, int disputes, double[] breaksPerSquareKilometre) {
    }

    record GiUnit(AnalysisUnits.Unit unit, Geometry outline, int count, int neighbours, double z, double p, int bin,
            int fdrBin) {
    }

    record Gi(String unitKind, double sideMeters, double bandMeters, boolean defaultBand, int disputes,
            List<GiUnit> units) {
    }

    record EmergingUnit(AnalysisUnits.Unit unit, Geometry outline, EmergingPattern pattern, int total,
            int hotMonths, int coldMonths, double trendZ, double trendP, double finalZ, int[] bins) {
    }

    record Emerging(String unitKind, double sideMeters, double bandMeters, YearMonth first, YearMonth last,
            int disputes, List<EmergingUnit> units) {
    }

    record Rate(String gridCode, String gridName, String villageCode, int buildings, int disputes,
            Double rawPer100, Double smoothedPer100) {
    }

    /** The disputes of the query in the caller's scope; a 400 naming the period parameter when there are none. */
    List<DisputeSummary> disputes(HotspotQuery q, AreaScope scope) {
        requireArea(scope);
        List<DisputeSummary> found = disputes.sweptWithin(q.from(), q.to(), q.type(), q.severity(), q.status(),
                q.village());
        if (found.isEmpty()) {
            throw new InvalidInputException(q.periodParameter(),
                    q.from() + " 至 " + q.to() + " 在您的范围内没有符合条件的纠纷，无从分析");
        }
        return found;
    }

    Density density(HotspotQuery q, Double cellMeters, Double radiusMeters, AreaScope scope) {
        double cell = cellMeters == null ? DEFAULT_CELL_METERS : cellMeters;
        if (!Double.isFinite(cell) || cell < 10 || cell > 1000) {
            throw new InvalidInputException("cell", "像元大小须在 10 到 1000 米之间");
        }
        if (radiusMeters != null && (!Double.isFinite(radiusMeters) || radiusMeters <= 0 || radiusMeters > 20_000)) {
            throw new InvalidInputException("radius", "搜索半径须大于 0、不超过 20000 米");
        }
        Envelope extent = metricArea(scope).getEnvelopeInternal();
        double originX = Math.floor(extent.getMinX() / cell) * cell;
        double originY = Math.floor(extent.getMinY() / cell) * cell;
        int width = (int) Math.ceil((extent.getMaxX() - originX) / cell);
        int height = (int) Math.ceil((extent.getMaxY() - originY) / cell);
        if ((long) width * height > MAX_CELLS) {
            throw new InvalidInputException("cell", "像元过小：范围内将有 " + (long) width * height + " 个像元，上限 " + MAX_CELLS);
        }
        List<DisputeSummary> found = disputes(q, scope);
        double[] x = new double[found.size()];
        double[] y = new double[found.size()];
        for (int i = 0; i < x.length; i++) {
            Coordinate c = AnalysisUnits.metric(found.get(i).location());
            x[i] = c.x;
            y[i] = c.y;
        }
        double radius = radiusMeters != null ? radiusMeters : KernelDensity.defaultRadiusMeters(x, y);
        if (!(radius > 0)) {
            throw new InvalidInputException("radius", "纠纷点位都在同一处，无法确定默认搜索半径，请指定 radius");
        }
        KernelDensity.Raster raster = KernelDensity.estimate(x, y, originX, originY, cell, width, height, radius);
        return new Density(raster, found.size(), DensityImage.breaks(raster.max() * 1e6));
    }

    Gi gi(HotspotQuery q, String unit, Double size, Double band, AreaScope scope) {
        AnalysisUnits units = units(unit, size, scope);
        List<DisputeSummary> found = enough(q, scope);
        double[] x = units.x();
        double[] y = units.y();
        double bandMeters = band(band, x, y);
        double[] counts = new double[units.size()];
        for (DisputeSummary d : found) {
            Coordinate c = AnalysisUnits.metric(d.location());
            int i = units.locate(d.gridCode(), c.x, c.y);
            if (i >= 0) {
                counts[i]++;
            }
        }
        GetisOrdGiStar.Result r = GetisOrdGiStar.compute(counts, GetisOrdGiStar.neighbours(x, y, bandMeters),
                bandMeters);
        List<GiUnit> result = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            result.add(new GiUnit(units.units().get(i), units.outline(i), (int) counts[i], r.neighbours()[i],
                    r.z()[i], r.p()[i], r.bin()[i], r.fdrBin()[i]));
        }
        return new Gi(units.kind(), units.sideMeters(), bandMeters, band == null, found.size(), result);
    }

    /** Monthly steps: the {@code months} months ending with the month of {@code q.to()}. */
    Emerging emerging(HotspotQuery q, Integer months, String unit, Double size, Double band, AreaScope scope) {
        int steps = months == null ? 12 : months;
        if (steps < 12 || steps > 24) {
            throw new InvalidInputException("months", "月数须在 12 到 24 之间");
        }
        YearMonth last = YearMonth.from(q.to());
        YearMonth first = last.minusMonths(steps - 1L);
        AnalysisUnits units = units(unit, size, scope);
        List<DisputeSummary> found = enough(q.withPeriod(first.atDay(1), last.atEndOfMonth()), scope);
        double[] x = units.x();
        double[] y = units.y();
        double bandMeters = band(band, x, y);
        double[][] counts = new double[steps][units.size()];
        for (DisputeSummary d : found) {
            int t = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(d.sweptOn()));
            Coordinate c = AnalysisUnits.metric(d.location());
            int i = units.locate(d.gridCode(), c.x, c.y);
            if (i >= 0 && t >= 0 && t < steps) {
                counts[t][i]++;
            }
        }
        SpaceTimeGiStar.Cube cube = SpaceTimeGiStar.compute(counts, GetisOrdGiStar.neighbours(x, y, bandMeters));
        List<EmergingUnit> result = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            int[] bins = cube.binSeries(i);
            double[] z = cube.zSeries(i);
            MannKendall.Trend trend = MannKendall.test(z);
            int hot = 0;
            int cold = 0;
            int total = 0;
            for (int t = 0; t < steps; t++) {
                hot += bins[t] >= 1 ? 1 : 0;
                cold += bins[t] <= -1 ? 1 : 0;
                total += (int) counts[t][i];
            }
            result.add(new EmergingUnit(units.units().get(i), units.outline(i), EmergingHotSpots.classify(bins, z),
                    total, hot, cold, trend.z(), trend.p(), z[steps - 1], bins));
        }
        return new Emerging(units.kind(), units.sideMeters(), bandMeters, first, last, found.size(), result);
    }

    /** Disputes per 100 buildings per grid, raw and empirical-Bayes smoothed, highest smoothed rate first. */
    List<Rate> rates(HotspotQuery q, AreaScope scope) {
        requireArea(scope);
        List<GridRef> grids = areas.grids(null);
        Map<String, Integer> buildings = new LinkedHashMap<>();
        for (VillageRef village : areas.villages()) {
            for (BuildingRef b : areas.buildingsOfVillage(village.code())) {
                buildings.merge(b.gridCode(), 1, Integer::sum);
            }
        }
        List<DisputeSummary> found = disputes.sweptWithin(q.from(), q.to(), q.type(), q.severity(), q.status(),
                q.village());
        Map<String, Integer> perGrid = new LinkedHashMap<>();
        found.forEach(d -> perGrid.merge(d.gridCode(), 1, Integer::sum));
        int[] events = new int[grids.size()];
        int[] base = new int[grids.size()];
        for (int i = 0; i < grids.size(); i++) {
            events[i] = perGrid.getOrDefault(grids.get(i).code(), 0);
            base[i] = buildings.getOrDefault(grids.get(i).code(), 0);
        }
        double[] smoothed = EmpiricalBayesRate.smoothed(events, base);
        List<Rate> rates = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            GridRef g = grids.get(i);
            rates.add(new Rate(g.code(), g.name(), g.villageCode(), base[i], events[i],
                    base[i] == 0 ? null : round(100.0 * events[i] / base[i]),
                    Double.isNaN(smoothed[i]) ? null : round(100 * smoothed[i])));
        }
        rates.sort(Comparator.comparing((Rate r) -> r.smoothedPer100() == null ? -1 : r.smoothedPer100())
                .reversed());
        return rates;
    }

    /** The disputes of the query in one unit (a grid code or a hexagon id), within the caller's scope. */
    List<DisputeSummary> inUnit(HotspotQuery q, String unit, Double size, String id, AreaScope scope) {
        AnalysisUnits units = units(unit, size, scope);
        Integer index = units.indexOf(id);
        if (index == null) {
            throw new cn.pingangrid.system.NotFoundException("您的范围内没有分析单元「" + id + "」");
        }
        requireArea(scope);
        List<DisputeSummary> result = new ArrayList<>();
        for (DisputeSummary d : disputes.sweptWithin(q.from(), q.to(), q.type(), q.severity(), q.status(),
                q.village())) {
            Coordinate c = AnalysisUnits.metric(d.location());
            if (units.locate(d.gridCode(), c.x, c.y) == index) {
                result.add(d);
            }
        }
        return result;
    }

    AnalysisUnits units(String unit, Double size, AreaScope scope) {
        requireArea(scope);
        String kind = unit == null || unit.isBlank() ? "grid" : unit.strip();
        if (kind.equals("grid")) {
            return AnalysisUnits.ofGrids(areas.grids(null));
        }
        if (!kind.equals("hex")) {
            throw new InvalidInputException("unit", "未知分析单元「" + unit + "」，可用：grid（网格）、hex（正六边形）");
        }
        double side = size == null ? DEFAULT_HEXAGON_SIDE_METERS : size;
        if (!Double.isFinite(side) || side < MIN_HEXAGON_SIDE_METERS || side > MAX_HEXAGON_SIDE_METERS) {
            throw new InvalidInputException("size", "六边形边长须在 " + (int) MIN_HEXAGON_SIDE_METERS + " 到 "
                    + (int) MAX_HEXAGON_SIDE_METERS + " 米之间");
        }
        AnalysisUnits units = AnalysisUnits.ofHexagons(metricArea(scope), side);
        if (units == null) {
            throw new InvalidInputException("size", "边长 " + side + " 米的六边形过多（上限 " + AnalysisUnits.MAX_UNITS
                    + " 个），请加大边长");
        }
        return units;
    }

    /** The caller's area in EPSG:4546: the town outline, or the union of the grids they see. */
    Geometry metricArea(AreaScope scope) {
        requireArea(scope);
        if (scope.wholeTown()) {
            return areas.townBoundary().map(MetricProjection::toMetric)
                    .orElseThrow(() -> new IllegalStateException("no town imported"));
        }
        List<Geometry> grids = areas.grids(null).stream().map(g -> MetricProjection.toMetric(g.boundary()))
                .toList();
        if (grids.isEmpty()) {
            throw new RoleNotAllowedException("您的账户没有负责的区域，不能做热点分析");
        }
        return CascadedPolygonUnion.union(grids);
    }

    private List<DisputeSummary> enough(HotspotQuery q, AreaScope scope) {
        List<DisputeSummary> found = disputes(q, scope);
        if (found.size() < MIN_DISPUTES) {
            throw new InvalidInputException(q.periodParameter(), q.from() + " 至 " + q.to() + " 在您的范围内只有 "
                    + found.size() + " 件符合条件的纠纷，少于 " + MIN_DISPUTES + " 件，热点分析没有统计意义；请放宽期间或筛选条件");
        }
        return found;
    }

    private static double band(Double band, double[] x, double[] y) {
        if (x.length < 3) {
            throw new InvalidInputException("unit", "分析单元不足 3 个，无法做热点分析");
        }
        if (band == null) {
            return GetisOrdGiStar.defaultBandMeters(x, y);
        }
        if (!Double.isFinite(band) || band <= 0) {
            throw new InvalidInputException("band", "距离带须大于 0 米");
        }
        Envelope extent = new Envelope();
        for (int i = 0; i < x.length; i++) {
            extent.expandToInclude(x[i], y[i]);
        }
        double diagonal = Math.hypot(extent.getWidth(), extent.getHeight());
        if (band > diagonal) {
            throw new InvalidInputException("band", "距离带 " + band + " 米超过分析范围的对角线（" + Math.round(diagonal)
                    + " 米）：每个单元都与所有单元相邻，无从比较");
        }
        double smallest = GetisOrdGiStar.smallestNeighbourDistanceMeters(x, y);
        if (band < smallest - GetisOrdGiStar.TOLERANCE_METERS) {
            throw new InvalidInputException("band", "距离带 " + band + " 米小于最近的两个单元间距（" + Math.round(smallest)
                    + " 米）：没有单元有邻居");
        }
        return band;
    }

    private static void requireArea(AreaScope scope) {
        if (!scope.wholeTown() && scope.villages().isEmpty() && scope.grids().isEmpty()) {
            throw new RoleNotAllowedException("您的账户没有负责的区域，不能做热点分析");
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock);
    }
}
