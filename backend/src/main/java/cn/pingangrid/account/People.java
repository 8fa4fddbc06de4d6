package cn.pingangrid.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a login name is, for pages that show people (a dispute's timeline): display name and unit. No roles, areas
 * or sign-in state leave this module.
 */
@Service
public class People {

    /** A person as others see them; {@code unit} may be null. */
    public record Person(String username, String displayName, String unit) {
    }

    private final Accounts accounts;

    People(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The people of the given login names that exist, by login name. */
    @Transactional(readOnly = true)
    public Map<String, Person> byUsername(Collection<String> usernames) {
        Set<String> names = new TreeSet<>();
        usernames.stream().filter(n -> n != null && !n.isBlank()).forEach(names::add);
        Map<String, Person> people = new HashMap<>();
        if (!names.isEmpty()) {
            for (UserAccount a : accounts.findAllByUsernameIn(names)) {
                people.put(a.getUsername(), new Person(a.getUsername(), a.getDisplayName(), a.getUnit()));
            }
        }
        return people;
    }
}
