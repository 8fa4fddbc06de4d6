package cn.pingangrid.hazard.internal;

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
import org.locationtech.jts.geom.Point;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.hazard.internal.HazardTerms.Category;
import cn.pingangrid.hazard.internal.HazardTerms.Level;
import cn.pingangrid.hazard.internal.HazardTerms.Status;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.scope.AreaBound;

/**
 * A risk hazard on the list: where, what kind, how serious, who owns it, and when it must next be reviewed.
 * A review not done by its date is overdue until the hazard is reviewed or 销号 (resolved).
 */
@Entity
@AreaBound(village = "villageCode", grid = "gridCode")
@Table(name = "hazard")
public class Hazard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Category category;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private Level level;
    private String owner;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "review_due")
    private LocalDate reviewDue;
    @Column(name = "last_reviewed_on")
    private LocalDate lastReviewedOn;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "grid_code")
    private String gridCode;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private Point location;

    protected Hazard() {
    }

    Hazard(Category category, String title, String description, Level level, String owner, LocalDate reviewDue,
            Point location, String villageCode, String gridCode, Instant now) {
        this.createdAt = now;
        this.status = Status.OPEN;
        edit(category, title, description, level, owner, reviewDue, now);
        moveTo(location, villageCode, gridCode, now);
    }

    void edit(Category category, String title, String description, Level level, String owner, LocalDate reviewDue,
            Instant now) {
        this.category = category;
        this.title = text("title", title, 64, true);
        this.description = text("description", description, 500, false);
        this.level = level;
        this.owner = text("owner", owner, 64, true);
        if (reviewDue == null) {
            throw new InvalidInputException("reviewDue", "缺少复核日期");
        }
        this.reviewDue = reviewDue;
        this.updatedAt = now;
    }

    void moveTo(Point location, String villageCode, String gridCode, Instant now) {
        this.location = location;
        this.villageCode = villageCode;
        this.gridCode = gridCode;
        this.updatedAt = now;
    }

    /** A review on {@code on} (not in the future): the new status, and unless resolved, the next review date. */
    void review(LocalDate on, Status newStatus, LocalDate nextDue, LocalDate today, Instant now) {
        if (on == null || on.isAfter(today)) {
            throw new InvalidInputException("reviewedOn", "复核日期须为今天或以前");
        }
        if (newStatus != Status.RESOLVED && (nextDue == null || !nextDue.isAfter(on))) {
            throw new InvalidInputException("reviewDue", "未销号的隐患须给出晚于本次复核的下次复核日期");
        }
        this.lastReviewedOn = on;
        this.status = newStatus;
        if (nextDue != null) {
            this.reviewDue = nextDue;
        }
        this.updatedAt = now;
    }

    boolean reviewOverdue(LocalDate today) {
        return status != Status.RESOLVED && reviewDue.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    String getVillageCode() {
        return villageCode;
    }

    Feature toFeature(LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("category", category.name());
        p.put("categoryName", category.label());
        p.put("title", title);
        p.put("description", description);
        p.put("level", level.name());
        p.put("levelName", level.label());
        p.put("owner", owner);
        p.put("status", status.name());
        p.put("statusName", status.label());
        p.put("reviewDue", reviewDue.toString());
        p.put("lastReviewedOn", lastReviewedOn == null ? null : lastReviewedOn.toString());
        p.put("reviewOverdue", reviewOverdue(today));
        p.put("villageCode", villageCode);
        p.put("gridCode", gridCode);
        return new Feature(id, location, p);
    }

    private static String text(String field, String text, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "不能为空");
            }
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "不能超过 " + max + " 个字");
        }
        return stripped;
    }
}
