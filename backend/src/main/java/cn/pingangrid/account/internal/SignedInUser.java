package cn.pingangrid.account.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a session. Equal by username, so the session registry can find all of a user's sessions.
 * Stored serialized in the session table (Spring Session JDBC): a fixed serialVersionUID keeps sessions readable
 * across versions whose fields did not change, and the password hash is erased after sign-in, so it is never
 * written there.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final String username;
    private String passwordHash;
    private final String displayName;
    private final String unit;
    private final boolean enabled;
    private final boolean locked;
    private final List<GrantedAuthority> authorities;

    SignedInUser(UserAccount account, Instant now) {
        this.username = account.getUsername();
        this.passwordHash = account.getPasswordHash();
        this.displayName = account.getDisplayName();
        this.unit = account.getUnit();
        this.enabled = account.isEnabled();
        this.locked = account.isLocked(now);
        this.authorities = List.copyOf(account.authorities());
    }

    public String displayName() {
        return displayName;
    }

    public String unit() {
        return unit;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Called by Spring Security once the password was checked, before the session is saved. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser user && user.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + "]"; // never the hash
    }
}
