package cn.pingangrid.account.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.AreaNames;
import cn.pingangrid.area.Areas;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.system.ConflictException;
import cn.pingangrid.system.Coded;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.account.Role;

/**
 * Account administration (for ADMIN; {@link AccountAdminController} is its HTTP API): create users, assign roles and
 * areas, reset passwords, disable. Each change is one transaction with its audit entry, and a changed or disabled
 * user's sessions end, so a new area or a lock applies at once.
 */
@Service
class AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");

    /** Lengths as in V4__accounts_and_audit.sql; area codes are 12 (village) or 14 (grid) digits. */
    record NewUser(@Size(max = 32) String username, @Size(max = 64) String displayName,
            @Size(max = 128) String password, @Size(max = 64) String unit,
            @Size(max = 10) List<@NotNull @Size(max = 32) String> roles,
            @Size(max = 200) List<@NotNull @Size(max = 14) String> areas) {
    }

    record UserChange(@Size(max = 64) String displayName, @Size(max = 64) String unit,
            @Size(max = 10) List<@NotNull @Size(max = 32) String> roles,
            @Size(max = 200) List<@NotNull @Size(max = 14) String> areas, Boolean enabled) {
    }

    record PasswordReset(@Size(max = 128) String password) {
    }

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Areas areas;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditTrail audit;
    private final Clock clock;

    AccountAdministration(Accounts accounts, PasswordEncoder encoder, Areas areas,
            FindByIndexNameSessionRepository<? extends Session> sessions,
            AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.areas = areas;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<AccountView> list() {
        return accounts.findAllByOrderByUsername().stream().map(a -> a.view(clock.instant())).toList();
    }

    @Transactional
    AccountView create(NewUser request) {
        String username = request.username() == null ? "" : request.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "须为 3 到 32 位小写字母、数字或 _ . -");
        }
        String displayName = required("displayName", request.displayName());
        checkPassword(request.password());
        Set<Role> roles = roles(request.roles());
        Set<String> areas = areas(request.areas(), roles);
        if (accounts.existsByUsername(username)) {
            throw new ConflictException("用户已存在", "用户名 " + username + " 已存在");
        }
        UserAccount account = accounts.save(new UserAccount(username, displayName, encoder.encode(request.password()),
                request.unit(), roles, areas));
        audit.record("CREATE", "user", username, "角色 " + roles + "，区域 " + areas);
        return account.view(clock.instant());
    }

    @Transactional
    AccountView change(long id, UserChange request) {
        UserAccount account = find(id);
        Set<Role> roles = request.roles() == null ? null : roles(request.roles());
        Set<String> areas = request.areas() == null ? null
                : areas(request.areas(), roles != null ? roles : account.getRoles());
        String displayName = request.displayName() == null ? null : required("displayName", request.displayName());
        account.update(displayName, request.unit(), roles, areas, request.enabled());
        endSessions(account);
        audit.record("UPDATE", "user", account.getUsername(), describe(request));
        return account.view(clock.instant());
    }

    @Transactional
    AccountView resetPassword(long id, PasswordReset request) {
        UserAccount account = find(id);
        checkPassword(request.password());
        account.changePassword(encoder.encode(request.password()));
        endSessions(account);
        audit.record("RESET_PASSWORD", "user", account.getUsername(), null);
        return account.view(clock.instant());
    }

    private UserAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的用户"));
    }

    private void endSessions(UserAccount account) {
        // found by principal name in the shared session table, whichever instance the user signed in on
        SessionStorage.endAll(sessions, account.getUsername());
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new InvalidInputException(field, "必填，最多 64 个字");
        }
        return value.trim();
    }

    /** At least 8 characters with letters and digits; the value itself is never echoed or logged. */
    private static void checkPassword(String password) {
        if (password == null || password.length() < 8 || password.length() > 128
                || !password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            throw new InvalidInputException("password", "密码至少 8 位，须同时包含字母和数字");
        }
    }

    private static Set<Role> roles(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInputException("roles", "至少指定一个角色");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        codes.forEach(code -> roles.add(Coded.parse(Role.class, "roles", code)));
        return roles;
    }

    /** Village codes for village roles, grid codes for grid managers; each must exist. */
    private Set<String> areas(List<String> codes, Set<Role> roles) {
        Set<String> areas = new TreeSet<>(codes == null ? List.of() : codes);
        AreaNames names = this.areas.names();
        for (String code : areas) {
            boolean known = code != null && (code.length() == 12 ? names.villages().containsKey(code)
                    : code.length() == 14 && names.grids().containsKey(code));
            if (!known) {
                throw new InvalidInputException("areas", "没有代码为 " + code + " 的村（社区）或网格");
            }
        }
        for (Role role : roles) {
            boolean needsVillage = role.areaKind() == Role.AreaKind.VILLAGE;
            boolean needsGrid = role.areaKind() == Role.AreaKind.GRID;
            if (needsVillage && areas.stream().noneMatch(c -> c.length() == 12)) {
                throw new InvalidInputException("areas", role.label() + "须指定所在的村（社区）");
            }
            if (needsGrid && areas.stream().noneMatch(c -> c.length() == 14)) {
                throw new InvalidInputException("areas", role.label() + "须指定负责的网格");
            }
        }
        return areas;
    }

    private static String describe(UserChange change) {
        StringBuilder detail = new StringBuilder();
        if (change.roles() != null) {
            detail.append("角色 ").append(change.roles()).append("；");
        }
        if (change.areas() != null) {
            detail.append("区域 ").append(change.areas()).append("；");
        }
        if (change.enabled() != null) {
            detail.append(change.enabled() ? "启用" : "停用").append("；");
        }
        if (change.displayName() != null || change.unit() != null) {
            detail.append("姓名/单位；");
        }
        return detail.toString();
    }
}
