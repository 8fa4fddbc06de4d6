package cn.pingangrid.household.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/** A row of 异动人员基本信息表: who moved in (迁入) or out (迁出), when, why and from or to where. */
@Embeddable
public class MemberMove {

    private String direction;
    @Column(name = "moved_on")
    private LocalDate movedOn;
    private String reason;
    private String place;
    @Embedded
    private Person person;

    protected MemberMove() {
    }

    MemberMove(String direction, LocalDate movedOn, String reason, String place, Person person) {
        this.direction = direction;
        this.movedOn = movedOn;
        this.reason = reason;
        this.place = place;
        this.person = person;
    }

    public String getDirection() {
        return direction;
    }

    public LocalDate getMovedOn() {
        return movedOn;
    }

    public String getReason() {
        return reason;
    }

    public String getPlace() {
        return place;
    }

    public Person getPerson() {
        return person;
    }
}
