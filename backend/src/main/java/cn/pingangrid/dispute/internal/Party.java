package cn.pingangrid.dispute.internal;

import jakarta.persistence.Embeddable;

/** 当事人: a name and an optional phone. Personal data: see {@link PersonalDataMask}. */
@Embeddable
public class Party {

    private String name;
    private String phone;

    protected Party() {
    }

    Party(String name, String phone) {
        this.name = name;
        this.phone = phone;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }
}
