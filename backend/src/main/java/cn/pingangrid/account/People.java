package cn.pingangrid.account;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.pingangrid.account.internal.AccountDirectory;

/**
 * Who a login name is, for pages that show people (a dispute's timeline): display name and unit. No roles, areas
 * or sign-in state leave this module.
 */
@Service
public class People {

    /** A person as others see them; {@code unit} may be null. */
    public record Person(String username, String displayName, String unit) {
    }

    private final AccountDirectory directory;

    People(AccountDirectory directory) {
        this.directory = directory;
    }

    /** The people of the given login names that exist, by login name. */
    public Map<String, Person> byUsername(Collection<String> usernames) {
        return directory.people(usernames);
    }
}
