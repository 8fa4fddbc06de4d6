package cn.pingangrid.site.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.scope.AreaBound;

/**
 * A 平安创建 site: a point or a polygon of one of the ten kinds, in the village and grid its geometry lies in.
 * Inspections move its status and dates ({@link #recordInspection}); the next inspection is due on
 * {@code nextInspectionDue}, and overdue after it.
 */
@Entity
@AreaBound(village = "villageCode", grid = "gridCode")
@Table(name = "safety_site")
public class SafetySite {

    /** Months to the next inspection when the inspector does not set a date. */

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private SiteKind kind;
    private String name;
    @Enumerated(EnumType.STRING)
    private SiteStatus status;
    @Column(name = "responsible_person")
    private String responsiblePerson;
    @Column(name = "responsible_phone")
    private String responsiblePhone;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "grid_code")
    private String gridCode;
    @Column(name = "last_inspected_on")
    private LocalDate lastInspectedOn;
    @Column(name = "next_inspection_due")
    private LocalDate nextInspectionDue;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private Geometry geom;

    protected SafetySite() {
    }

    SafetySite(SiteKind kind, String name, SiteStatus status, String responsiblePerson, String responsiblePhone,
            Geometry geom, String villageCode, String gridCode, LocalDate nextInspectionDue, Instant now) {
        this.kind = kind;
        this.createdAt = now;
        edit(kind, name, status, responsiblePerson, responsiblePhone, now);
        moveTo(geom, villageCode, gridCode, now);
        this.nextInspectionDue = nextInspectionDue;
    }

    void edit(SiteKind kind, String name, SiteStatus status, String responsiblePerson, String responsiblePhone,
            Instant now) {
        this.kind = kind;
        this.name = requireText("name", name, 64);
        this.status = status;
        this.responsiblePerson = optionalText("responsiblePerson", responsiblePerson, 32);
        this.responsiblePhone = optionalText("responsiblePhone", responsiblePhone, 32);
        this.updatedAt = now;
    }

    /** A new (already validated) geometry, with the village and grid derived from it. */
    void moveTo(Geometry geom, String villageCode, String gridCode, Instant now) {
        this.geom = geom;
        this.villageCode = villageCode;
        this.gridCode = gridCode;
        this.updatedAt = now;
    }

    /**
     * Records an inspection: the status becomes the result, the last-inspection date moves forward (a late entry
     * of an older inspection leaves it), and the next one is due on {@code nextDue} or {@code cycleMonths} later
     * (a product default, {@code pingan.sites.inspection-cycle-months}: the seed sets no inspection cycle).
     */
    SiteInspection recordInspection(LocalDate on, SiteStatus result, String note, String inspector,
            LocalDate nextDue, int cycleMonths, LocalDate today, Instant now) {
        if (on == null) {
            throw new InvalidInputException("inspectedOn", "缺少检查日期");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("inspectedOn", "检查日期不能晚于今天");
        }
        if (result != SiteStatus.MET && result != SiteStatus.NOT_MET) {
            throw new InvalidInputException("result", "检查结果须为 MET（达标）或 NOT_MET（未达标）");
        }
        if (nextDue != null && !nextDue.isAfter(on)) {
            throw new InvalidInputException("nextInspectionDue", "下次检查日期须晚于本次检查日期");
        }
        SiteInspection inspection = new SiteInspection(id, on, result, optionalText("note", note, 500), inspector,
                now);
        if (lastInspectedOn == null || !on.isBefore(lastInspectedOn)) {
            lastInspectedOn = on;
            status = result;
            nextInspectionDue = nextDue != null ? nextDue : on.plusMonths(cycleMonths);
        }
        updatedAt = now;
        return inspection;
    }

    boolean inspectionOverdue(LocalDate today) {
        return nextInspectionDue != null && nextInspectionDue.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public SiteKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public SiteStatus getStatus() {
        return status;
    }

    public String getVillageCode() {
        return villageCode;
    }

    public String getGridCode() {
        return gridCode;
    }

    LocalDate getNextInspectionDue() {
        return nextInspectionDue;
    }

    public Geometry getGeom() {
        return geom;
    }

    Feature toFeature(LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("kind", kind.name());
        p.put("kindName", kind.label());
        p.put("name", name);
        p.put("status", status.name());
        p.put("statusName", status.label());
        p.put("responsiblePerson", responsiblePerson);
        p.put("responsiblePhone", responsiblePhone);
        p.put("villageCode", villageCode);
        p.put("gridCode", gridCode);
        p.put("lastInspectedOn", lastInspectedOn == null ? null : lastInspectedOn.toString());
        p.put("nextInspectionDue", nextInspectionDue == null ? null : nextInspectionDue.toString());
        p.put("inspectionOverdue", inspectionOverdue(today));
        return new Feature(id, geom, p);
    }

    static String requireText(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "不能为空");
        }
        return optionalText(field, text, max);
    }

    static String optionalText(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "不能超过 " + max + " 个字");
        }
        return stripped;
    }
}
