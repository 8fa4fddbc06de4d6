package cn.pingangrid.border.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.scope.UnscopedPath;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.Neighbours;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.border.SegmentKind;

/**
 * Derives the border segments once the geography is there and none exist yet: the town outline split by
 * neighbour (sensitive, 平安边界), and every boundary shared by two villages (not sensitive until the town office
 * marks it), each with a zone of the configured default width.
 */
@Component
class BorderDerivation implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    private static final Logger log = LoggerFactory.getLogger(BorderDerivation.class);

    private final Areas areas;
    private final Neighbours neighbours;
    private final Segments segments;
    private final Clock clock;
    private final int townWidthM;
    private final int villageWidthM;

    BorderDerivation(Areas areas, Neighbours neighbours, Segments segments, Clock clock,
            @Value("${pingan.border.town-zone-width-m:500}") int townWidthM,
            @Value("${pingan.border.village-zone-width-m:100}") int villageWidthM) {
        this.areas = areas;
        this.neighbours = neighbours;
        this.segments = segments;
        this.clock = clock;
        this.townWidthM = townWidthM;
        this.villageWidthM = villageWidthM;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.BORDER_DERIVATION, this::derive);
    }

    private void derive() {
        if (segments.count() > 0) {
            return;
        }
        Polygon town = areas.townBoundary().orElse(null);
        if (town == null) {
            return;
        }
        long started = System.nanoTime();
        List<VillageRef> villages = areas.villages();
        Map<String, String> names = villages.stream().collect(Collectors.toMap(VillageRef::code, VillageRef::name));
        List<BorderTracing.Side> villageSides = villages.stream()
                .map(v -> new BorderTracing.Side(v.code(), v.boundary())).toList();
        Map<String, Neighbours.Outline> byName = neighbours.all().stream()
                .collect(Collectors.toMap(Neighbours.Outline::name, Function.identity(), (a, b) -> a));
        List<BorderTracing.Side> neighbourSides = byName.values().stream()
                .map(n -> new BorderTracing.Side(n.name(), n.boundary())).toList();

        List<BorderSegment> derived = new ArrayList<>();
        for (BorderTracing.Shared shared : BorderTracing.splitBySide(town, neighbourSides,
                villageSides)) {
            Neighbours.Outline n = byName.get(shared.key());
            derived.add(new BorderSegment(SegmentKind.TOWN, "与" + n.county() + n.name() + "交界"
                    + (n.countyBorder() ? "（县界）" : ""), n.name(), n.county(), n.countyBorder(), shared.line(),
                    shared.along(), townWidthM, true, clock.instant()));
        }
        for (BorderTracing.Shared shared : BorderTracing.sharedEdges(villageSides)) {
            List<String> pair = List.copyOf(shared.along());
            derived.add(new BorderSegment(SegmentKind.VILLAGE, names.get(pair.get(0)) + "—" + names.get(pair.get(1)),
                    null, null, false, shared.line(), Set.copyOf(pair), villageWidthM, false, clock.instant()));
        }
        segments.saveAll(derived);
        log.info("已生成 {} 段边界及其敏感区，用时 {} ms", derived.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
