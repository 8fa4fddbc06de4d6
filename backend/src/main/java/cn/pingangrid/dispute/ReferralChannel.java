package cn.pingangrid.dispute;

/**
 * 移交渠道 (三调联动 and the 对接 mechanisms of §五.2). Each carries the handling level a referral moves the case
 * to: the town's own police station and justice office keep it in the town; court, petitions bureau and
 * procuratorate are beyond the town and count as 矛盾上交.
 */
public enum ReferralChannel implements Coded {
    POLICE("警调对接", "派出所", HandlingLevel.TOWN),
    JUSTICE_OFFICE("司法所调解", "司法所", HandlingLevel.TOWN),
    COURT("诉调对接", "法庭", HandlingLevel.BEYOND_TOWN),
    PETITION("访调对接", "信访", HandlingLevel.BEYOND_TOWN),
    PROCURATORATE("检调对接", "检察", HandlingLevel.BEYOND_TOWN);

    private final String label;
    private final String receiver;
    private final HandlingLevel level;

    ReferralChannel(String label, String receiver, HandlingLevel level) {
        this.label = label;
        this.receiver = receiver;
        this.level = level;
    }

    @Override
    public String label() {
        return label;
    }

    public String receiver() {
        return receiver;
    }

    public HandlingLevel level() {
        return level;
    }
}
