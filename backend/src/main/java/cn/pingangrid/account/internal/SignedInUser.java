package cn.pingangrid.account.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a session. Equal by username, so the session registry can find all of a user's sessions. */
public final class SignedInUser implements UserDetails {

    private final String username;
    private final String passwordHash;
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
