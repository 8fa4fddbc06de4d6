package cn.pingangrid.dispute.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One 化解措施 taken after registration: when, by whom, what. The 排查表 lists them in order. */
@Embeddable
public class Measure {

    static final int MAX_TEXT = 1000;

    @Column(name = "taken_at")
    private Instant takenAt;
    private String actor;
    private String text;

    protected Measure() {
    }

    Measure(Instant takenAt, String actor, String text) {
        this.takenAt = takenAt;
        this.actor = actor;
        this.text = text;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public String getActor() {
        return actor;
    }

    public String getText() {
        return text;
    }
}
