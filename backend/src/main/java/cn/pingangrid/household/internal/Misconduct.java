package cn.pingangrid.household.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of 不良记录: 姓名, 日期, 不良表现详细记录, 处理情况. */
@Embeddable
public class Misconduct {

    private String name;
    @Column(name = "recorded_on")
    private LocalDate recordedOn;
    private String detail;
    private String handling;

    protected Misconduct() {
    }

    Misconduct(String name, LocalDate recordedOn, String detail, String handling) {
        this.name = name;
        this.recordedOn = recordedOn;
        this.detail = detail;
        this.handling = handling;
    }

    public String getName() {
        return name;
    }

    public LocalDate getRecordedOn() {
        return recordedOn;
    }

    public String getDetail() {
        return detail;
    }

    public String getHandling() {
        return handling;
    }
}
