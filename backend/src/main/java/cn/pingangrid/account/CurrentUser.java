package cn.pingangrid.account;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.account.internal.SignedInUser;

/**
 * The signed-in user as other modules see it: name, unit (e.g. 大栗港司法所, which referrals are matched against),
 * roles and area. Nobody signed in gives an anonymous user with no roles and no area.
 */
public record CurrentUser(String username, String displayName, String unit, Set<Role> roles, AreaScope area) {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static CurrentUser current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static CurrentUser of(Authentication authentication) {
        if (authentication == null) {
            return new CurrentUser(null, null, null, Set.of(), AreaScope.NOTHING);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // a role this version does not know gives nothing
                }
            }
        }
        String displayName = authentication.getName();
        String unit = null;
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            displayName = user.displayName();
            unit = user.unit();
        }
        return new CurrentUser(authentication.getName(), displayName, unit, roles,
                AreaScope.of(authentication.getAuthorities()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
