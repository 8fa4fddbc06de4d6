package cn.pingangrid.dispute.internal;

import java.util.EnumSet;
import java.util.Set;
import cn.pingangrid.system.Coded;

/**
 * 来源: how the dispute came to the town's register. Besides the town's own 排查 and people coming forward, the
 * 对接 mechanisms of the seed's §五.2 (访调对接、警调对接、检调对接、诉调对接, 加大诉前调解力度) hand cases from the
 * petitions office, the police, the procuratorate and the court to the town's mediation, which then handles them.
 */
public enum DisputeSource implements Coded {
    SWEEP("排查发现"),
    WALK_IN("来访"),
    HOTLINE("热线"),
    POLICE("警调对接（派出所移交）"),
    PETITION_OFFICE("访调对接（信访部门移交）"),
    PROCURATORATE("检调对接（检察院移交）"),
    COURT("诉调对接（法院委派诉前调解）"),
    OTHER("其他");

    /** The hand-overs into the town's mediation (§五.2), counted as 对接受理 on the KPI page. */
    public static final Set<DisputeSource> HANDED_OVER = EnumSet.of(POLICE, PETITION_OFFICE, PROCURATORATE, COURT);

    private final String label;

    DisputeSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
