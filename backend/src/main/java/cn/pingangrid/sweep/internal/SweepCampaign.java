package cn.pingangrid.sweep.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.scope.Unbound;

/** 专题排查: a named campaign over a period (e.g. 换届选举, 劳资纠纷多发期) in some villages. */
@Entity
@Unbound("a town-wide campaign definition (name, period, topic), set by the town office")
@Table(name = "sweep_campaign")
class SweepCampaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sweep_campaign_village", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "village_code")
    private Set<String> villages = new TreeSet<>();

    protected SweepCampaign() {
    }

    SweepCampaign(String name, LocalDate startsOn, LocalDate endsOn, Set<String> villages, String createdBy,
            Instant now) {
        if (name == null || name.isBlank() || name.strip().length() > 64) {
            throw new InvalidInputException("name", "须填写专题名称（不超过 64 字）");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidInputException("endsOn", "结束日期早于开始日期");
        }
        if (villages.isEmpty()) {
            throw new InvalidInputException("villages", "至少选择一个村（社区）");
        }
        this.name = name.strip();
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.villages = new TreeSet<>(villages);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    LocalDate getStartsOn() {
        return startsOn;
    }

    LocalDate getEndsOn() {
        return endsOn;
    }

    Set<String> getVillages() {
        return villages;
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
