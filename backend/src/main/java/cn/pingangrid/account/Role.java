package cn.pingangrid.account;

import cn.pingangrid.system.Coded;

/** What a user does on the platform (DESIGN.md §1). A user may hold several. */
public enum Role implements Coded {
    GRID_MANAGER("网格员", AreaKind.GRID),
    VILLAGE_CADRE("村干部", AreaKind.VILLAGE),
    AUX_POLICE("辅警", AreaKind.VILLAGE),
    MEDIATOR("调解员（司法所/派出所）", AreaKind.NONE),
    TOWN_OFFICE("综治办", AreaKind.TOWN),
    LEADER("领导小组", AreaKind.TOWN),
    ADMIN("系统管理员", AreaKind.NONE);

    /** Which kind of area assignment gives this role something to see. */
    public enum AreaKind {
        GRID, VILLAGE, TOWN, NONE
    }

    private final String label;
    private final AreaKind areaKind;

    Role(String label, AreaKind areaKind) {
        this.label = label;
        this.areaKind = areaKind;
    }

    @Override
    public String label() {
        return label;
    }

    public AreaKind areaKind() {
        return areaKind;
    }
}
