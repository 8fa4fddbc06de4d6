package cn.pingangrid.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.scope.Unbound;
import cn.pingangrid.account.Role;
import cn.pingangrid.system.CodeName;

/**
 * A user of the platform: roles, the village or grid codes they answer for, and the sign-in state (failed
 * attempts, temporary lock). The password is only ever held as an adaptive hash.
 */
@Entity
@Unbound("accounts are managed by role (ADMIN), not by area")
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    private String unit;
    private boolean enabled;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_area", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "area_code")
    private Set<String> areas = new TreeSet<>();

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, String unit, Set<Role> roles,
            Set<String> areas) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.unit = unit;
        this.enabled = true;
        this.createdAt = Instant.now();
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.areas = new TreeSet<>(areas);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Set<Role> getRoles() {
        return roles;
    }

    /** A wrong password: after {@code maxFailures} in a row the account is locked for {@code lockFor}. */
    void loginFailed(int maxFailures, Duration lockFor, Instant now) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
        }
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        loginSucceeded(); // a reset by the administrator also lifts a lock
    }

    void update(String displayName, String unit, Set<Role> roles, Set<String> areas, Boolean enabled) {
        if (displayName != null) {
            this.displayName = displayName;
        }
        if (unit != null) {
            this.unit = unit.isBlank() ? null : unit;
        }
        if (roles != null) {
            this.roles.clear();
            this.roles.addAll(roles);
        }
        if (areas != null) {
            this.areas.clear();
            this.areas.addAll(areas);
        }
        if (enabled != null) {
            this.enabled = enabled;
        }
    }

    /** The authorities of a login: its roles, and its area as {@link AreaScope} authorities. */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (roles.stream().anyMatch(r -> r.areaKind() == Role.AreaKind.TOWN)) {
            authorities.add(AreaScope.townAuthority());
        }
        boolean villageRole = roles.stream().anyMatch(r -> r.areaKind() == Role.AreaKind.VILLAGE);
        boolean gridRole = roles.stream().anyMatch(r -> r.areaKind() == Role.AreaKind.GRID);
        for (String code : areas) {
            if (villageRole && code.length() == 12) {
                authorities.add(AreaScope.villageAuthority(code));
            } else if (gridRole && code.length() == 14) {
                authorities.add(AreaScope.gridAuthority(code));
            }
        }
        if (roles.contains(Role.MEDIATOR) && unit != null && !unit.isBlank()) {
            authorities.add(AreaScope.referralsAuthority(unit)); // the cases referred to their unit
        }
        return authorities;
    }

    AccountView view(Instant now) {
        return new AccountView(id, username, displayName, unit, enabled, isLocked(now),
                roles.stream().map(r -> new CodeName(r.name(), r.label())).toList(), List.copyOf(areas),
                createdAt.toString());
    }

    String getDisplayName() {
        return displayName;
    }

    String getUnit() {
        return unit;
    }
}
