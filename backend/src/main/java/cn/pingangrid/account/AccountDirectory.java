package cn.pingangrid.account;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks users up for sign-in. */
@Service
class AccountDirectory implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountDirectory(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (!LoginLockout.possibleUsername(username)) {
            // longer than the column, or text the database refuses: no such account, without asking it
            throw new UsernameNotFoundException("no such user");
        }
        return accounts.findByUsername(username).map(a -> new SignedInUser(a, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
