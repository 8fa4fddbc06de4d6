package cn.pingangrid.dispute.internal;

import java.util.EnumSet;
import java.util.Set;
import cn.pingangrid.system.Coded;
import cn.pingangrid.dispute.HandlingLevel;

/**
 * 移交: where a case goes from the mediator now handling it, and whether it stays in the town.
 *
 * <p>Within the town (the seed's §七（四）1, 三调联动: 司法所、派出所、法庭、林业站、国土所、民政所, plus the town's
 * own 人民调解委员会) the case stays the town's: level {@link HandlingLevel#TOWN}. The 对接 mechanisms of §五.2
 * (访调、警调、检调、诉调对接, 诉前调解) bring cases <em>into</em> the town's mediation: they are a dispute's
 * {@link DisputeSource}, not a referral out. Leaving the town's handling unresolved — a petition upward, a lawsuit,
 * a case sent to a county department — is {@link HandlingLevel#BEYOND_TOWN}: what 矛盾不上交 counts.
 */
public enum ReferralChannel implements Coded {
    TOWN_MEDIATION("镇人民调解委员会", "镇人民调解委员会", HandlingLevel.TOWN),
    POLICE("派出所（警调联动）", "派出所", HandlingLevel.TOWN),
    JUSTICE_OFFICE("司法所", "司法所", HandlingLevel.TOWN),
    COURT("人民法庭（诉调联动）", "法庭", HandlingLevel.TOWN),
    FORESTRY("林业站", "林业站", HandlingLevel.TOWN),
    LAND("国土所", "国土所", HandlingLevel.TOWN),
    CIVIL_AFFAIRS("民政所", "民政所", HandlingLevel.TOWN),
    PETITION_UPWARD("上访（信访上行）", "县级以上信访部门", HandlingLevel.BEYOND_TOWN),
    LAWSUIT("进入诉讼", "人民法院（诉讼）", HandlingLevel.BEYOND_TOWN),
    COUNTY("移送县级部门", "县级部门", HandlingLevel.BEYOND_TOWN);

    /** The 三调联动 units of the seed's §七（四）1 and the town's mediation committee: the case stays in the town. */
    public static final Set<ReferralChannel> WITHIN_TOWN = EnumSet.of(TOWN_MEDIATION, POLICE, JUSTICE_OFFICE, COURT,
            FORESTRY, LAND, CIVIL_AFFAIRS);

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
