package cn.pingangrid.patrol.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.geo.Wgs84;
import tools.jackson.databind.ObjectMapper;

/**
 * Makes and stores plans: one village's shift, or the whole town's (every village's officer on the road at once,
 * no stop taken by two officers within the same hour).
 */
@Service
class PatrolPlanning {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The town-wide answer: one plan per village, and the batch that ties them together. */
    record TownPlan(String batch, List<PlanView> plans, int sharedStops) {
    }

    private final PatrolRoads roads;
    private final CandidateStops candidates;
    private final Areas areas;
    private final PatrolPlans plans;
    private final PatrolProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    PatrolPlanning(PatrolRoads roads, CandidateStops candidates, Areas areas, PatrolPlans plans,
            PatrolProperties properties, ObjectMapper json, Clock clock) {
        this.roads = roads;
        this.candidates = candidates;
        this.areas = areas;
        this.plans = plans;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** The seed of a shift when none is given: the same shift of the same village gives the same plan. */
    static long defaultSeed(String villageCode, Shift shift) {
        return Objects.hash(villageCode, shift.date(), shift.start(), shift.lengthMinutes(), shift.mode(),
                shift.base()) * 0x9E3779B97F4A7C15L;
    }

    @Transactional
    PlanView planVillage(String villageCode, Shift shift, Long seed, String username) {
        VillageRef village = areas.village(villageCode).orElseThrow();
        List<Stop> stops = candidates.forVillage(villageCode, shift.date());
        long s = seed != null ? seed : defaultSeed(villageCode, shift);
        ShiftPlanner.Result result = new ShiftPlanner(roads.network()).plan(shift, base(village, shift), stops, s,
                Set.of());
        return store(village, shift, s, null, result, username);
    }

    @Transactional
    TownPlan planTown(Shift shift, Long seed, String username) {
        List<VillageRef> villages = areas.villages();
        List<Stop> all = candidates.forTown(shift.date());
        ShiftPlanner planner = new ShiftPlanner(roads.network());
        Map<String, List<LocalDateTime>> booked = new HashMap<>();
        String batch = UUID.randomUUID().toString();
        List<PlanView> out = new ArrayList<>();
        for (VillageRef village : villages) {
            List<Stop> own = all.stream().filter(stop -> stop.villageCodes().contains(village.code())).toList();
            long s = seed != null ? seed ^ village.code().hashCode() : defaultSeed(village.code(), shift);
            Set<String> excluded = new HashSet<>();
            ShiftPlanner.Result result;
            while (true) {
                result = planner.plan(shift, base(village, shift), own, s, excluded);
                List<String> clashes = clashes(result, booked);
                if (clashes.isEmpty()) {
                    break;
                }
                excluded.addAll(clashes); // taken by another officer in that hour: plan without it
            }
            result.stops().forEach(st -> booked.computeIfAbsent(st.stop().key(), k -> new ArrayList<>())
                    .add(st.arrive()));
            out.add(store(village, shift, s, batch, result, username));
        }
        int shared = (int) all.stream().filter(st -> st.villageCodes().size() > 1).count();
        return new TownPlan(batch, out, shared);
    }

    /** Stops of the result already visited by another officer less than an hour apart. */
    static List<String> clashes(ShiftPlanner.Result result, Map<String, List<LocalDateTime>> booked) {
        List<String> clashes = new ArrayList<>();
        for (ShiftPlanner.Scheduled s : result.stops()) {
            for (LocalDateTime other : booked.getOrDefault(s.stop().key(), List.of())) {
                if (Duration.between(other, s.arrive()).abs().compareTo(Duration.ofHours(1)) < 0) {
                    clashes.add(s.stop().key());
                }
            }
        }
        return clashes;
    }

    Point base(VillageRef village, Shift shift) {
        if (shift.base() == Shift.Base.POLICE) {
            return Wgs84.point(properties.policeStation().get(0), properties.policeStation().get(1));
        }
        Point p = village.boundary().getInteriorPoint();
        return Wgs84.point(p.getX(), p.getY());
    }

    String baseName(VillageRef village, Shift shift) {
        return shift.base() == Shift.Base.POLICE ? properties.policeStationName()
                : village.name() + "村委会（村中心）";
    }

    private PlanView store(VillageRef village, Shift shift, long seed, String batch, ShiftPlanner.Result result,
            String username) {
        List<PlanView.PlannedStop> stops = new ArrayList<>();
        int order = 1;
        for (ShiftPlanner.Scheduled s : result.stops()) {
            Stop stop = s.stop();
            stops.add(new PlanView.PlannedStop(order++, stop.key(), stop.kind().name(), stop.kind().label(),
                    stop.name(), stop.point().getX(), stop.point().getY(), stop.weight(), MINUTE.format(s.arrive()),
                    MINUTE.format(s.leave()), (int) Duration.between(s.arrive(), s.leave()).toMinutes(),
                    stop.checks(), List.copyOf(stop.villageCodes())));
        }
        List<List<double[]>> legs = new ArrayList<>();
        List<LineString> lines = new ArrayList<>();
        for (List<Coordinate> leg : result.legs()) {
            List<double[]> lngLat = ShiftPlanner.lngLat(leg);
            legs.add(lngLat);
            if (lngLat.size() >= 2) {
                lines.add(Wgs84.FACTORY.createLineString(lngLat.stream().map(c -> new Coordinate(c[0], c[1]))
                        .toArray(Coordinate[]::new)));
            }
        }
        MultiLineString route = lines.isEmpty() ? null
                : Wgs84.FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
        Point base = base(village, shift);
        LocalDateTime start = LocalDateTime.of(shift.date(), shift.start());
        PlanView view = new PlanView(null, village.code(), village.name(), shift.date().toString(),
                MINUTE.format(start), MINUTE.format(start.plusMinutes(shift.lengthMinutes())), shift.lengthMinutes(),
                shift.mode().name(), shift.mode().label(), shift.base().name(), baseName(village, shift),
                new double[] { base.getX(), base.getY() }, seed, stops, legs, result.weight(),
                result.candidateWeight(), result.candidates(), (int) Math.round(result.travelMeters()),
                (int) Math.round(result.travelSeconds() / 60), MINUTE.format(result.departAt()),
                MINUTE.format(result.returnAt()), username, clock.instant().toString());
        PatrolPlan plan = plans.save(new PatrolPlan(village.code(), shift, seed, batch, username, clock.instant(),
                route));
        PlanView stored = view.withId(plan.getId());
        plan.writeBody(json.writeValueAsString(stored));
        return stored;
    }

    PlanView read(PatrolPlan plan) {
        return json.readValue(plan.getBody(), PlanView.class);
    }
}
