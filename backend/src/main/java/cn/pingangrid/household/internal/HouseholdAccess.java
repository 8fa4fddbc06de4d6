package cn.pingangrid.household.internal;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.system.RoleNotAllowedException;

/**
 * What a role sees of the households in its area (the area itself is cut by the scope, in the query):
 * <ul>
 * <li>{@code HANDLER} — 村干部 of a village and 网格员 of a grid, who keep the archive: full names, the forms, writes,
 * and the full ID number and phone on request with a reason, audited;</li>
 * <li>{@code MASKED} — 综治办 (the whole town) and 辅警 (a village): the archive with masked names, ID numbers and
 * phones and no birth dates; never the full values;</li>
 * <li>{@code COUNTS} — 领导小组 and every other role: households and members per building only.</li>
 * </ul>
 * A handler role on a whole-town account (one that is also 综治办) is MASKED: the full values are for the people
 * who visit the families, not for the town. Why: docs/decisions/household-archive.md.
 */
enum HouseholdAccess {
    HANDLER, MASKED, COUNTS;

    static HouseholdAccess of(CurrentUser user) {
        if (user.hasAny(Role.VILLAGE_CADRE, Role.GRID_MANAGER) && !user.area().wholeTown()) {
            return HANDLER;
        }
        if (user.hasAny(Role.TOWN_OFFICE, Role.AUX_POLICE)) {
            return MASKED;
        }
        return COUNTS;
    }

    static HouseholdAccess current() {
        return of(CurrentUser.current());
    }

    /** Refuses a role that sees counts only. */
    HouseholdAccess requireArchive() {
        if (this == COUNTS) {
            throw new RoleNotAllowedException("您的角色只能查看各楼栋的户数和人数，不能查看户档案");
        }
        return this;
    }

    HouseholdAccess requireHandler() {
        if (this != HANDLER) {
            throw new RoleNotAllowedException("只有本村村干部和本网格网格员可以登记、修改户档案或查看完整身份证号码");
        }
        return this;
    }
}
