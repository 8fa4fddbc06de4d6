package cn.pingangrid.sweep.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.scope.AreaBound;

/**
 * One filed sweep: for a village's week, the town's month or a campaign. It either lists the disputes found (by
 * id) or is an explicit zero report, never both and never neither.
 */
@Entity
@AreaBound(village = "villageCode")
class Sweep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private SweepKind kind;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "campaign_id")
    private Long campaignId;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "swept_by")
    private String sweptBy;
    @Column(name = "zero_report")
    private boolean zeroReport;
    private String note;
    @Column(name = "filed_by")
    private String filedBy;
    @Column(name = "filed_at")
    private Instant filedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sweep_finding", joinColumns = @JoinColumn(name = "sweep_id"))
    @Column(name = "dispute_id")
    private Set<Long> disputeIds = new TreeSet<>();

    protected Sweep() {
    }

    Sweep(SweepKind kind, String villageCode, Long campaignId, LocalDate periodStart, String sweptBy,
            boolean zeroReport, Set<Long> disputeIds, String note, String filedBy, Instant now) {
        if (zeroReport && !disputeIds.isEmpty()) {
            throw new InvalidInputException("disputeIds", "零报告不能同时列出纠纷");
        }
        if (!zeroReport && disputeIds.isEmpty()) {
            throw new InvalidInputException("disputeIds", "须列出排查发现的纠纷，或明确报告本期无纠纷（零报告）");
        }
        if (sweptBy == null || sweptBy.isBlank() || sweptBy.strip().length() > 64) {
            throw new InvalidInputException("sweptBy", "须填写排查单位或排查人（不超过 64 字）");
        }
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", "不能超过 1000 字");
        }
        this.kind = kind;
        this.villageCode = villageCode;
        this.campaignId = campaignId;
        this.periodStart = periodStart;
        this.sweptBy = sweptBy.strip();
        this.zeroReport = zeroReport;
        this.disputeIds = new TreeSet<>(disputeIds);
        this.note = note;
        this.filedBy = filedBy;
        this.filedAt = now;
    }

    Long getId() {
        return id;
    }

    SweepKind getKind() {
        return kind;
    }

    String getVillageCode() {
        return villageCode;
    }

    Long getCampaignId() {
        return campaignId;
    }

    LocalDate getPeriodStart() {
        return periodStart;
    }

    String getSweptBy() {
        return sweptBy;
    }

    boolean isZeroReport() {
        return zeroReport;
    }

    Set<Long> getDisputeIds() {
        return disputeIds;
    }

    String getNote() {
        return note;
    }

    String getFiledBy() {
        return filedBy;
    }

    Instant getFiledAt() {
        return filedAt;
    }
}
