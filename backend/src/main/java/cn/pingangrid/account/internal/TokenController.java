package cn.pingangrid.account.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.system.ConflictException;
import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.system.Texts;

/**
 * The signed-in user's personal access tokens: list, create (the token is in this one answer and never again) and
 * revoke. Only the user's own tokens; creating and revoking need a browser session (a token is read-only).
 */
@RestController
@RequestMapping("/api/me/tokens")
class TokenController {

    /** Active tokens a user may hold at once: enough for a few computers and tools, few enough to keep track of. */
    static final int MAX_ACTIVE = 10;
    /** The furthest expiry: a token meant to work for years should be renewed, not forgotten. */
    static final int MAX_DAYS = 366;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final PersonalAccessTokens tokens;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    TokenController(PersonalAccessTokens tokens, Accounts accounts, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    record NewToken(String name, String expiresOn) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<Map<String, Object>> list(Authentication authentication) {
        LocalDate today = today();
        return tokens.findAllByUserIdOrderByIdDesc(owner(authentication).getId()).stream()
                .map(t -> t.toJson(today)).toList();
    }

    @PostMapping
    @Transactional
    ResponseEntity<Map<String, Object>> create(@RequestBody NewToken request, Authentication authentication) {
        UserAccount owner = owner(authentication);
        String name = Texts.field("name", request.name(), 60, true).strip();
        LocalDate today = today();
        LocalDate expiresOn = Dates.parseOptional("expiresOn", request.expiresOn());
        if (expiresOn != null && (expiresOn.isBefore(today) || expiresOn.isAfter(today.plusDays(MAX_DAYS)))) {
            throw new InvalidInputException("expiresOn", "有效期须在今天到 " + today.plusDays(MAX_DAYS) + " 之间（或不填：撤销前一直有效）");
        }
        long active = tokens.findAllByUserIdOrderByIdDesc(owner.getId()).stream()
                .filter(t -> t.state(today) == PersonalAccessToken.State.ACTIVE).count();
        if (active >= MAX_ACTIVE) {
            throw new ConflictException("令牌过多", "最多同时有 " + MAX_ACTIVE + " 个有效令牌，请先撤销不用的令牌");
        }
        String token = TokenFormat.generate();
        PersonalAccessToken stored = tokens.save(new PersonalAccessToken(owner.getId(), name, token, expiresOn,
                clock.instant()));
        audit.record("TOKEN_CREATED", "access_token", String.valueOf(stored.getId()), name);
        Map<String, Object> body = new LinkedHashMap<>(stored.toJson(today));
        body.put("token", token);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication authentication) {
        PersonalAccessToken token = tokens.findByIdAndUserId(id, owner(authentication).getId())
                .orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的令牌"));
        token.revoke(clock.instant());
        audit.record("TOKEN_REVOKED", "access_token", String.valueOf(id), token.getName());
        return ResponseEntity.noContent().build();
    }

    private UserAccount owner(Authentication authentication) {
        return accounts.findByUsername(authentication.getName())
                .orElseThrow(() -> new NotFoundException("账户不存在"));
    }

    private LocalDate today() {
        return clock.instant().atZone(BEIJING).toLocalDate();
    }
}
