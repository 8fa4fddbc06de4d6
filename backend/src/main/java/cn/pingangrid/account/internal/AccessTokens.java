package cn.pingangrid.account.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.system.ConflictException;
import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.NotFoundException;
import cn.pingangrid.system.Texts;

/**
 * A user's personal access tokens: list, create (the token leaves only in the creating answer), revoke; each change
 * in one transaction with its audit entry. Only the user's own tokens.
 */
@Service
class AccessTokens {

    /** Active tokens a user may hold at once: enough for a few computers and tools, few enough to keep track of. */
    static final int MAX_ACTIVE = 10;
    /** The furthest expiry: a token meant to work for years should be renewed, not forgotten. */
    static final int MAX_DAYS = 366;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final PersonalAccessTokens tokens;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    AccessTokens(PersonalAccessTokens tokens, Accounts accounts, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as its owner's list shows it; {@code token} only in the answer that created it. */
    record TokenView(long id, String name, String hint, String createdAt, String lastUsedAt, String expiresOn,
            String revokedAt, String state, String stateName,
            @JsonInclude(JsonInclude.Include.NON_NULL) String token) {
    }

    @Transactional(readOnly = true)
    List<TokenView> list(String username) {
        LocalDate today = today();
        return tokens.findAllByUserIdOrderByIdDesc(owner(username).getId()).stream().map(t -> t.view(today, null))
                .toList();
    }

    @Transactional
    TokenView create(String username, String name, String expiresOn) {
        UserAccount owner = owner(username);
        String checkedName = Texts.field("name", name, 60, true);
        LocalDate today = today();
        LocalDate expiry = Dates.parseOptional("expiresOn", expiresOn);
        if (expiry != null && (expiry.isBefore(today) || expiry.isAfter(today.plusDays(MAX_DAYS)))) {
            throw new InvalidInputException("expiresOn", "有效期须在今天到 " + today.plusDays(MAX_DAYS)
                    + " 之间（或不填：撤销前一直有效）");
        }
        long active = tokens.findAllByUserIdOrderByIdDesc(owner.getId()).stream()
                .filter(t -> t.state(today) == PersonalAccessToken.State.ACTIVE).count();
        if (active >= MAX_ACTIVE) {
            throw new ConflictException("令牌过多", "最多同时有 " + MAX_ACTIVE + " 个有效令牌，请先撤销不用的令牌");
        }
        String token = TokenFormat.generate();
        PersonalAccessToken stored = tokens.save(new PersonalAccessToken(owner.getId(), checkedName, token, expiry,
                clock.instant()));
        audit.record("TOKEN_CREATED", "access_token", String.valueOf(stored.getId()), checkedName);
        return stored.view(today, token);
    }

    @Transactional
    void revoke(String username, long id) {
        PersonalAccessToken token = tokens.findByIdAndUserId(id, owner(username).getId())
                .orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的令牌"));
        token.revoke(clock.instant());
        audit.record("TOKEN_REVOKED", "access_token", String.valueOf(id), token.getName());
    }

    private UserAccount owner(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("账户不存在"));
    }

    private LocalDate today() {
        return clock.instant().atZone(BEIJING).toLocalDate();
    }
}
