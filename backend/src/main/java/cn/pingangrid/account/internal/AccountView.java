package cn.pingangrid.account.internal;

import java.util.List;

import cn.pingangrid.system.CodeName;

/** An account as the administration page sees it: never the password hash. */
record AccountView(Long id, String username, String displayName, String unit, boolean enabled, boolean locked,
        List<CodeName> roles, List<String> areas, String createdAt) {
}
