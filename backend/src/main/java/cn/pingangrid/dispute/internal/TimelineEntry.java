package cn.pingangrid.dispute.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import cn.pingangrid.dispute.DisputeStatus;

/** One line of a dispute's timeline: who did what when, the status after it, and a note. */
@Embeddable
public class TimelineEntry {

    private Instant at;
    private String actor;
    @Enumerated(EnumType.STRING)
    private DisputeAction action;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_after")
    private DisputeStatus statusAfter;
    private String note;

    protected TimelineEntry() {
    }

    TimelineEntry(Instant at, String actor, DisputeAction action, DisputeStatus statusAfter, String note) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.statusAfter = statusAfter;
        this.note = note;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public DisputeAction getAction() {
        return action;
    }

    public DisputeStatus getStatusAfter() {
        return statusAfter;
    }

    public String getNote() {
        return note;
    }
}
