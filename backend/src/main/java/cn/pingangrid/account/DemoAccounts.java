package cn.pingangrid.account;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.scope.UnscopedPath;
import cn.pingangrid.area.Geography;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.Grid;
import cn.pingangrid.area.Village;

/**
 * The embedded demo (profile {@code demo}, the README's run command): one user per role, all with the
 * documented password {@value #PASSWORD}, working in 九湖村 where a village is needed. Never active otherwise.
 */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    static final String PASSWORD = "Demo@2026";
    static final String DEMO_VILLAGE = "九湖村";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Geography geography;

    DemoAccounts(Accounts accounts, PasswordEncoder encoder, Geography geography) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.geography = geography;
    }

    /** Seeds once the villages and grids are there, before the application takes requests. */
    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.DEMO_ACCOUNTS, this::seed);
    }

    private void seed() {
        List<Village> matches = geography.villagesMatching(DEMO_VILLAGE, 1);
        Village village = matches.isEmpty() ? geography.villages(null).get(0) : matches.get(0);
        Grid grid = geography.grids(null, village.getCode()).get(0);
        String hash = encoder.encode(PASSWORD);
        create("zongzhiban", "综治办值班员", hash, "镇综治办", Role.TOWN_OFFICE, Set.of());
        create("lingdao", "领导小组成员", hash, "镇党委", Role.LEADER, Set.of());
        create("wanggeyuan", village.getName() + "网格员", hash, grid.getName(), Role.GRID_MANAGER,
                Set.of(grid.getCode()));
        create("cunganbu", village.getName() + "村干部", hash, village.getName(), Role.VILLAGE_CADRE,
                Set.of(village.getCode()));
        create("fujing", village.getName() + "辅警", hash, "大栗港派出所", Role.AUX_POLICE, Set.of(village.getCode()));
        create("tiaojieyuan", "司法所调解员", hash, "大栗港司法所", Role.MEDIATOR, Set.of());
    }

    private void create(String username, String name, String hash, String unit, Role role, Set<String> areas) {
        if (!accounts.existsByUsername(username)) {
            accounts.save(new UserAccount(username, name, hash, unit, Set.of(role), areas));
            log.info("演示账户 {}（{}）已创建，密码见 README", username, role.label());
        }
    }
}
