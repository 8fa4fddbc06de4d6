package cn.pingangrid.patrol.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiLineString;

import cn.pingangrid.scope.AreaBound;

/**
 * A planned shift as made: never edited (a new plan replaces it). {@code body} is the plan's JSON. It belongs to the
 * village whose officer walks it; a grid manager's context of their village is narrowed by {@link PatrolPlans} to
 * the plans whose route crosses their grid.
 */
@Entity
@AreaBound(village = "villageCode", contextForGridUsers = true)
@Table(name = "patrol_plan")
class PatrolPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "shift_date")
    private LocalDate shiftDate;
    @Column(name = "start_time")
    private LocalTime startTime;
    @Column(name = "length_minutes")
    private int lengthMinutes;
    @Enumerated(EnumType.STRING)
    private TravelMode mode;
    @Enumerated(EnumType.STRING)
    @Column(name = "base_kind")
    private Shift.Base baseKind;
    private long seed;
    @Column(name = "town_batch")
    private String townBatch;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    private MultiLineString route;
    @Column(length = 1000000)
    private String body;

    protected PatrolPlan() {
    }

    PatrolPlan(String villageCode, Shift shift, long seed, String townBatch, String createdBy, Instant createdAt,
            MultiLineString route) {
        this.villageCode = villageCode;
        this.shiftDate = shift.date();
        this.startTime = shift.start();
        this.lengthMinutes = shift.lengthMinutes();
        this.mode = shift.mode();
        this.baseKind = shift.base();
        this.seed = seed;
        this.townBatch = townBatch;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.route = route;
        this.body = "{}"; // the plan's JSON names its id: written once the id is known
    }

    void writeBody(String json) {
        this.body = json;
    }

    Long getId() {
        return id;
    }

    String getVillageCode() {
        return villageCode;
    }

    LocalDate getShiftDate() {
        return shiftDate;
    }

    String getBody() {
        return body;
    }

    MultiLineString getRoute() {
        return route;
    }
}
