package cn.pingangrid.dispute.internal;

import cn.pingangrid.system.Coded;

/** What a timeline entry records: the workflow's transitions plus registration, assignment and overdue notices. */
public enum DisputeAction implements Coded {
    REGISTER("登记"),
    ACCEPT("受理"),
    START_MEDIATION("开始调处"),
    RESOLVE("化解"),
    FAIL_TO_RESOLVE("未能化解"),
    ESCALATE_TO_TOWN("上报镇"),
    REFER("移交"),
    CLOSE("办结"),
    FOLLOW_UP_VISIT("回访"),
    ASSIGN("交办"),
    OVERDUE("逾期提醒");

    private final String label;

    DisputeAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
