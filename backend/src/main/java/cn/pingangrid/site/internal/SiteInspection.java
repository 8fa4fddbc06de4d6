package cn.pingangrid.site.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import cn.pingangrid.scope.AreaBound;

/** One inspection of a site: when, the result (达标 / 未达标), a note and who recorded it. */
@Entity
@AreaBound(parent = SafetySite.class, parentId = "siteId")
@Table(name = "site_inspection")
class SiteInspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "site_id")
    private Long siteId;
    @Column(name = "inspected_on")
    private LocalDate inspectedOn;
    @Enumerated(EnumType.STRING)
    private SiteStatus result;
    private String note;
    private String inspector;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected SiteInspection() {
    }

    SiteInspection(Long siteId, LocalDate inspectedOn, SiteStatus result, String note, String inspector,
            Instant recordedAt) {
        this.siteId = siteId;
        this.inspectedOn = inspectedOn;
        this.result = result;
        this.note = note;
        this.inspector = inspector;
        this.recordedAt = recordedAt;
    }

    String getNote() {
        return note;
    }

    Long getId() {
        return id;
    }

    SiteViews.InspectionView view() {
        return new SiteViews.InspectionView(id, inspectedOn.toString(), result.name(),
                result == SiteStatus.MET ? "达标" : "未达标", note, inspector);
    }
}
