package cn.pingangrid.account.internal;

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
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.account.DemoCadres;
import cn.pingangrid.account.Role;

/**
 * The embedded demo (profile {@code demo}, the README's run command): one user per role, all with the
 * documented password {@value #PASSWORD}, working in 九湖村 where a village is needed, plus one cadre account per
 * other village ({@link DemoCadres}). Never active otherwise.
 */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    static final String PASSWORD = "Demo@2026";
    static final String DEMO_VILLAGE = "九湖村";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Areas areas;

    DemoAccounts(Accounts accounts, PasswordEncoder encoder, Areas areas) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.areas = areas;
    }

    /** Seeds once the villages and grids are there, before the application takes requests. */
    @Override
    @Transactional
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        SystemScope.run(UnscopedPath.DEMO_ACCOUNTS, this::seed);
    }

    private void seed() {
        List<VillageRef> villages = areas.villages();
        VillageRef village = villages.stream().filter(v -> v.name().contains(DEMO_VILLAGE)).findFirst()
                .orElse(villages.get(0));
        GridRef grid = areas.grids(village.code()).get(0);
        String hash = encoder.encode(PASSWORD);
        create("zongzhiban", "综治办值班员", hash, "镇综治办", Role.TOWN_OFFICE, Set.of());
        create("lingdao", "领导小组成员", hash, "镇党委", Role.LEADER, Set.of());
        create("wanggeyuan", village.name() + "网格员", hash, grid.name(), Role.GRID_MANAGER,
                Set.of(grid.code()));
        create("cunganbu", village.name() + "村干部", hash, village.name(), Role.VILLAGE_CADRE,
                Set.of(village.code()));
        create("fujing", village.name() + "辅警", hash, "大栗港派出所", Role.AUX_POLICE, Set.of(village.code()));
        create("tiaojieyuan", "司法所调解员", hash, "大栗港司法所", Role.MEDIATOR, Set.of());
        // each other village's own cadre, so its sweeps and mediation are not filed by the demo village's
        for (VillageRef other : villages) {
            if (!other.code().equals(village.code())) {
                create(DemoCadres.username(other.code(), other.name()), other.name() + "村干部", hash, other.name(),
                        Role.VILLAGE_CADRE, Set.of(other.code()));
            }
        }
    }

    private void create(String username, String name, String hash, String unit, Role role, Set<String> areas) {
        if (!accounts.existsByUsername(username)) {
            accounts.save(new UserAccount(username, name, hash, unit, Set.of(role), areas));
            log.info("演示账户 {}（{}）已创建，密码见 README", username, role.label());
        }
    }
}
