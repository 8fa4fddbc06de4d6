package cn.pingangrid.dispute.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.locationtech.jts.geom.Point;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.scope.ScopedQuery;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.AreaNames;
import cn.pingangrid.geo.BoundingBox;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureCollection;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.RoleNotAllowedException;
import cn.pingangrid.system.Coded;
import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.Severity;

/** The dispute register's API: register, read, list, cluster, the workflow, the duplicate hint, live reports. */
@RestController
@RequestMapping("/api/disputes")
class DisputeController {

    static final int DEFAULT_LIMIT = 2000;
    static final int MAX_LIMIT = 5000;

    private final DisputeRegister register;
    private final Disputes disputes;
    private final DisputeView view;
    private final DisputeEventStream stream;
    private final Areas areas;
    private final java.time.Clock clock;

    DisputeController(DisputeRegister register, Disputes disputes, DisputeView view, DisputeEventStream stream,
            Areas areas, java.time.Clock clock) {
        this.clock = clock;
        this.register = register;
        this.disputes = disputes;
        this.view = view;
        this.stream = stream;
        this.areas = areas;
    }

    /**
     * Registers a dispute. With an {@code Idempotency-Key} header (an offline report's, or any client's), the same
     * key from the same user answers the record stored the first time — 200 with {@code Idempotent-Replayed: true}
     * instead of 201 — however often and however concurrently it arrives.
     */
    @PostMapping
    ResponseEntity<DisputeDetail> create(@Valid @RequestBody DisputeRegister.NewDispute request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        CurrentUser user = CurrentUser.current();
        String key = idempotencyKey(idempotencyKey);
        if (key != null) {
            DisputeRegister.requireHandler(user);
            var earlier = register.storedUnder(key, user);
            if (earlier.isPresent()) {
                return replay(earlier.get(), user);
            }
        }
        DisputeRegister.Registered registered;
        try {
            registered = register.register(request, user, key);
        } catch (DataAccessException e) {
            if (key == null) {
                throw e;
            }
            // a concurrent request with the same key stored its record first: answer that one
            return register.storedUnder(key, user).map(d -> replay(d, user)).orElseThrow(() -> e);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view.detail(registered.dispute(), user)
                .withDuplicates(DisputeView.duplicates(registered.duplicates())));
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private ResponseEntity<DisputeDetail> replay(Dispute dispute, CurrentUser user) {
        return ResponseEntity.ok().header("Idempotent-Replayed", "true")
                .body(view.detail(dispute, user).withDuplicates(List.of()));
    }

    /** The header's key: 1 to 128 visible ASCII characters (a UUID is what the map sends), or null without one. */
    static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (!header.matches("[\\x21-\\x7e]{1,128}")) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "须为 1 到 128 个可见 ASCII 字符（如 UUID）");
        }
        return header;
    }

    @GetMapping("/{id}")
    DisputeDetail one(@PathVariable long id) {
        CurrentUser user = CurrentUser.current();
        return view.detail(register.get(id, user), user);
    }

    @PostMapping("/{id}/transitions")
    DisputeDetail transition(@PathVariable long id, @Valid @RequestBody DisputeRegister.Transition request) {
        CurrentUser user = CurrentUser.current();
        return view.detail(register.transition(id, request, user), user);
    }

    /** 化解措施 taken without a workflow step: added to the record's measures, in order. */
    @PostMapping("/{id}/measures")
    DisputeDetail addMeasure(@PathVariable long id, @Valid @RequestBody DisputeRegister.NewMeasure request) {
        CurrentUser user = CurrentUser.current();
        return view.detail(register.addMeasure(id, request, user), user);
    }

    @PutMapping("/{id}/assignment")
    DisputeDetail assign(@PathVariable long id, @Valid @RequestBody DisputeRegister.Assignment request) {
        CurrentUser user = CurrentUser.current();
        return view.detail(register.assign(id, request, user), user);
    }

    /** Points for the map, filtered; at most {@code limit} (default 2000, max 5000), newest first. */
    @GetMapping(produces = { "application/geo+json", "application/json" })
    FeatureCollection list(@RequestParam(required = false) String bbox, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String village, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean withOpen, @RequestParam(required = false) Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new InvalidInputException("limit", "须在 1 到 " + MAX_LIMIT + " 之间");
        }
        List<DisputePoint> found = disputes.points(filter(bbox, from, to, type, status, severity, village, open,
                withOpen), max + 1);
        Map<String, String> names = view.villageNames();
        return new FeatureCollection(found.stream().limit(max).map(d -> view.feature(d, names)).toList(),
                found.size() > max);
    }

    /**
     * Counts for a zoomed-out map: per village below zoom 13, per grid from 13, each at a point inside the area,
     * with open and overdue counts. Same filters as the list.
     */
    @GetMapping(path = "/clusters", produces = { "application/geo+json", "application/json" })
    FeatureCollection clusters(@RequestParam(required = false) String bbox, @RequestParam int zoom,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) String severity, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean withOpen) {
        if (zoom < 0 || zoom > 22) {
            throw new InvalidInputException("zoom", "须在 0 到 22 之间");
        }
        boolean byGrid = zoom >= 13;
        String unit = byGrid ? "d.gridCode" : "d.villageCode";
        List<Object[]> counts;
        if (Boolean.TRUE.equals(withOpen) && !(blank(from) && blank(to))) {
            // the period's cases and the open ones outside it, counted apart and added: each half is one
            // index-only scan on PostgreSQL (V152), where "period or open" read every counted case's table row
            var period = filter(bbox, from, to, type, status, severity, null, open, false);
            var openOutside = filter(bbox, null, null, type, status, severity, null, true, false)
                    .where("(d.sweptOn < :periodFrom or d.sweptOn > :periodTo)", Map.of(
                            "periodFrom", blank(from) ? LocalDate.of(1900, 1, 1) : DisputeRegister.date("from", from),
                            "periodTo", blank(to) ? LocalDate.of(9999, 12, 31) : DisputeRegister.date("to", to)));
            counts = added(disputes.countsBy(period, unit), disputes.countsBy(openOutside, unit));
        } else {
            counts = disputes.countsBy(filter(bbox, from, to, type, status, severity, null, open, withOpen), unit);
        }
        // one point per area the caller sees, kept per code: not an outline read (and its interior point computed)
        // for each of a county's 210 villages or 3,000 grids on every request
        Map<String, Point> places = byGrid ? areas.gridLabelPoints() : areas.villageLabelPoints();
        AreaNames names = areas.names();
        List<Feature> features = new ArrayList<>();
        for (Object[] row : counts) {
            String code = (String) row[0];
            Point at = places.get(code);
            if (at == null) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", code);
            p.put("unit", byGrid ? "grid" : "village");
            p.put("name", byGrid ? names.gridName(code) : names.villageName(code));
            p.put("count", ((Number) row[1]).longValue());
            p.put("open", ((Number) row[2]).longValue());
            p.put("overdue", ((Number) row[3]).longValue());
            features.add(new Feature(code, at, p));
        }
        return FeatureCollection.of(features);
    }

    /** Rows of (code, count, open, overdue) from two counts, added code by code, in code order. */
    private static List<Object[]> added(List<Object[]> first, List<Object[]> second) {
        Map<String, long[]> sums = new java.util.TreeMap<>();
        for (List<Object[]> rows : List.of(first, second)) {
            for (Object[] row : rows) {
                long[] sum = sums.computeIfAbsent((String) row[0], code -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += ((Number) row[i + 1]).longValue();
                }
            }
        }
        return sums.entrySet().stream().map(e -> new Object[] { e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2] }).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** 重复提示 before registering: open disputes of the type within 200 m in the last 90 days. */
    @GetMapping("/nearby")
    List<DisputeDetail.Duplicate> nearbyOpen(@RequestParam(required = false) Double lng,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) String crs,
            @RequestParam String type) {
        CurrentUser user = CurrentUser.current();
        DisputeRegister.Placement place = register.place(lng, lat, crs, null, user);
        return DisputeView.duplicates(disputes.openNearby(place.point(), Coded.parse(DisputeType.class, "type", type),
                LocalDate.now(clock).minusDays(DisputeRegister.DUPLICATE_DAYS), null));
    }

    /**
     * Sensitive reports as they are registered (server-sent events): 即时上报 to the 党委、政府 (seed §五.1), so to
     * the leadership as well as the town office.
     */
    @GetMapping(path = "/events", produces = "text/event-stream")
    SseEmitter events() {
        if (!CurrentUser.current().hasAny(Role.TOWN_OFFICE, Role.LEADER)) {
            throw new RoleNotAllowedException("即时上报仅推送给综治办和镇党委、政府领导");
        }
        return stream.subscribe();
    }

    private ScopedQuery<Dispute> filter(String bbox, String from, String to, String type, String status,
            String severity, String village, Boolean open, Boolean withOpen) {
        return narrow(disputes.query(), bbox, from, to, type, status, severity, village, open, withOpen);
    }

    /**
     * The caller's disputes narrowed by the map's filters (the list, the counts and the XLSX export share them):
     * bbox, 排查时间 from/to, type, status, severity, village, {@code open} (true: not yet concluded) and
     * {@code withOpen} (true: the period's cases plus every open one, the map's default "本月 + 全部未结").
     */
    static ScopedQuery<Dispute> narrow(ScopedQuery<Dispute> filter, String bbox, String from, String to, String type,
            String status, String severity, String village, Boolean open, Boolean withOpen) {
        if (Boolean.TRUE.equals(open)) {
            filter.in("d.status", DisputeStatus.OPEN);
        }
        // a point meets a box exactly when their bounding boxes overlap: the index operator alone. With the exact
        // test as well PostGIS counts the box's selectivity twice, expects a handful of rows and reads every
        // dispute in the box from the table instead of combining the indexes (issue 14, county scale)
        var box = bbox == null ? null : BoundingBox.parse("bbox", bbox).toPolygon();
        if (box != null) {
            filter.where("bbox_overlaps(d.location, :bbox)", Map.of("bbox", box));
        }
        LocalDate fromDate = from == null || from.isBlank() ? null : DisputeRegister.date("from", from);
        LocalDate toDate = to == null || to.isBlank() ? null : DisputeRegister.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InvalidInputException("from", "开始日期晚于结束日期");
        }
        if (Boolean.TRUE.equals(withOpen) && (fromDate != null || toDate != null)) {
            // the box in both halves as well: each is then one index scan inside it on PostGIS (V151: the period
            // beside the point, the open cases apart), rather than the whole county's month and open cases
            String inBox = box == null ? "" : " and bbox_overlaps(d.location, :bbox)";
            filter.where("((d.sweptOn >= :periodFrom and d.sweptOn <= :periodTo" + inBox + ") or (d.status in "
                    + ":stillOpen" + inBox + "))", Map.of(
                    "periodFrom", fromDate == null ? LocalDate.of(1900, 1, 1) : fromDate,
                    "periodTo", toDate == null ? LocalDate.of(9999, 12, 31) : toDate,
                    "stillOpen", DisputeStatus.OPEN));
        } else {
            filter.between("d.sweptOn", fromDate, toDate);
        }
        filter.equal("d.type", Coded.parseOptional(DisputeType.class, "type", type));
        filter.equal("d.status", Coded.parseOptional(DisputeStatus.class, "status", status));
        filter.equal("d.severity", Coded.parseOptional(Severity.class, "severity", severity));
        if (village != null && !village.isBlank()) {
            if (!village.matches("\\d{12}")) {
                throw new InvalidInputException("village", "村代码须为 12 位数字");
            }
            filter.equal("d.villageCode", village);
        }
        return filter;
    }
}
