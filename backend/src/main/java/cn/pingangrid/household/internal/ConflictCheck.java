package cn.pingangrid.household.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A row of 矛盾处理排查登记表, in the columns of the town's 排查表 (attachment 2: 排查时间, 矛盾情况, 化解措施, 备注)
 * plus the number of the dispute in the register it concerns.
 */
@Embeddable
public class ConflictCheck {

    @Column(name = "checked_on")
    private LocalDate checkedOn;
    private String situation;
    private String measures;
    private String remarks;
    @Column(name = "dispute_id")
    private Long disputeId;

    protected ConflictCheck() {
    }

    ConflictCheck(LocalDate checkedOn, String situation, String measures, String remarks, Long disputeId) {
        this.checkedOn = checkedOn;
        this.situation = situation;
        this.measures = measures;
        this.remarks = remarks;
        this.disputeId = disputeId;
    }

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public String getSituation() {
        return situation;
    }

    public String getMeasures() {
        return measures;
    }

    public String getRemarks() {
        return remarks;
    }

    public Long getDisputeId() {
        return disputeId;
    }
}
