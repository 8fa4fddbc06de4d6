package cn.pingangrid.patrol.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiLineString;

import cn.pingangrid.scope.AreaBound;

/**
 * A walked track uploaded against a plan, with the coverage computed on upload (JSON). Placed by its plan: whoever
 * may read the plan may read its tracks.
 */
@Entity
@AreaBound(parent = PatrolPlan.class, parentId = "planId")
@Table(name = "patrol_track")
class PatrolTrack {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "plan_id")
    private long planId;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "point_count")
    private int pointCount;
    private MultiLineString geom;
    @Column(length = 200000)
    private String coverage;

    protected PatrolTrack() {
    }

    PatrolTrack(long planId, String villageCode, String uploadedBy, Instant uploadedAt, Instant startedAt,
            Instant endedAt, int pointCount, MultiLineString geom, String coverage) {
        this.planId = planId;
        this.villageCode = villageCode;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.pointCount = pointCount;
        this.geom = geom;
        this.coverage = coverage;
    }

    Long getId() {
        return id;
    }

    long getPlanId() {
        return planId;
    }

    String getVillageCode() {
        return villageCode;
    }

    String getCoverage() {
        return coverage;
    }

    Instant getStartedAt() {
        return startedAt;
    }
}
