package cn.pingangrid.household.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

import cn.pingangrid.system.Coded;

/** A row of 异动人员基本信息表: who moved in (迁入) or out (迁出), when, why and from or to where. */
@Embeddable
public class MemberMove {

    /** 异动类型, stored by its code. */
    enum Direction implements Coded {
        IN("迁入"), OUT("迁出");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

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
