package cn.pingangrid.household.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of 良好表现与突出贡献事迹登记表: 姓名, 时间, 事迹, 表彰情况. */
@Embeddable
public class Merit {

    private String name;
    @Column(name = "done_on")
    private LocalDate doneOn;
    private String deed;
    private String commendation;

    protected Merit() {
    }

    Merit(String name, LocalDate doneOn, String deed, String commendation) {
        this.name = name;
        this.doneOn = doneOn;
        this.deed = deed;
        this.commendation = commendation;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }

    public String getDeed() {
        return deed;
    }

    public String getCommendation() {
        return commendation;
    }
}
