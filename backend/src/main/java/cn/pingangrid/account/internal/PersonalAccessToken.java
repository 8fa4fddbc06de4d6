package cn.pingangrid.account.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.pingangrid.scope.Unbound;

/**
 * A personal access token: read-only sign-in for GIS clients, with the owner's own area. Only the SHA-256 of the
 * token is kept ({@link TokenFormat}); revoking keeps the row, so the audit log's uses stay attributable.
 */
@Entity
@Unbound("a user's own credentials, managed by their owner (and never read by area)")
@Table(name = "personal_access_token")
class PersonalAccessToken {

    /** Whether a token may be used now. */
    enum State {
        ACTIVE("有效"), EXPIRED("已过期"), REVOKED("已撤销");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id")
    private Long userId;
    private String name;
    @Column(name = "token_hash")
    private String tokenHash;
    private String hint;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    /** The last day (Beijing date) the token works; null: until revoked. */
    @Column(name = "expires_on")
    private LocalDate expiresOn;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected PersonalAccessToken() {
    }

    PersonalAccessToken(Long userId, String name, String token, LocalDate expiresOn, Instant now) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = TokenFormat.hash(token);
        this.hint = TokenFormat.hint(token);
        this.expiresOn = expiresOn;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    Long getUserId() {
        return userId;
    }

    String getName() {
        return name;
    }

    State state(LocalDate today) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresOn != null && today.isAfter(expiresOn) ? State.EXPIRED : State.ACTIVE;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Notes a use; at most one write a minute per token, however busy the client. */
    boolean used(Instant now) {
        if (lastUsedAt != null && lastUsedAt.isAfter(now.minusSeconds(60))) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    AccessTokens.TokenView view(LocalDate today, String token) {
        State state = state(today);
        return new AccessTokens.TokenView(id, name, hint, createdAt.toString(), text(lastUsedAt), text(expiresOn),
                text(revokedAt), state.name(), state.label, token);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
