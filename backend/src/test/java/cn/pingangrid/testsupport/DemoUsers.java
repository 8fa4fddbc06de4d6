package cn.pingangrid.testsupport;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * Signs a MockMvc request in as one of the demo profile's accounts, loaded through the application's own
 * user directory, so the authorities (and with them the area scope) are the ones a real login gets.
 */
public final class DemoUsers {

    public static final String PASSWORD = "Demo@2026";
    public static final String TOWN_OFFICE = "zongzhiban";
    public static final String LEADER = "lingdao";
    public static final String GRID_MANAGER = "wanggeyuan";
    public static final String VILLAGE_CADRE = "cunganbu";
    public static final String AUX_POLICE = "fujing";
    public static final String MEDIATOR = "tiaojieyuan";
    public static final String ADMIN = "admin";

    private DemoUsers() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String username) {
        UserDetails details = users.loadUserByUsername(username);
        return SecurityMockMvcRequestPostProcessors.user(details);
    }
}
