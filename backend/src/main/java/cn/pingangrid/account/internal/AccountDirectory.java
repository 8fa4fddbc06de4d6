package cn.pingangrid.account.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.account.People;

/** Looks users up: for sign-in, and as the people others see ({@link People}). */
@Service
public class AccountDirectory implements UserDetailsService {

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

    /** The people of the given login names that exist, by login name: display name and unit, nothing more. */
    @Transactional(readOnly = true)
    public Map<String, People.Person> people(Collection<String> usernames) {
        Set<String> names = new TreeSet<>();
        usernames.stream().filter(n -> n != null && !n.isBlank()).forEach(names::add);
        Map<String, People.Person> people = new HashMap<>();
        if (!names.isEmpty()) {
            for (UserAccount a : accounts.findAllByUsernameIn(names)) {
                people.put(a.getUsername(), new People.Person(a.getUsername(), a.getDisplayName(), a.getUnit()));
            }
        }
        return people;
    }
}
