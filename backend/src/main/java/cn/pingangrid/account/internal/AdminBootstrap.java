package cn.pingangrid.account.internal;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import cn.pingangrid.account.Role;

/**
 * On the first start (no administrator yet) creates {@code admin}. Its password comes from
 * {@code PINGAN_ADMIN_PASSWORD}; without one a random password is generated and printed to the log once,
 * so no installation ever runs with a known default password.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    AdminBootstrap(Accounts accounts, PasswordEncoder encoder,
            @Value("${pingan.admin.initial-password:${PINGAN_ADMIN_PASSWORD:}}") String configuredPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    /** Before the web server takes requests, so the first sign-in can already succeed. */
    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.existsByRolesContaining(Role.ADMIN) || accounts.existsByUsername("admin")) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        accounts.save(new UserAccount("admin", "系统管理员", encoder.encode(password), null, Set.of(Role.ADMIN),
                Set.of()));
        if (generated) {
            log.warn("已创建管理员账户 admin，初始密码（只显示这一次，请登录后修改）：{}", password);
        } else {
            log.info("已创建管理员账户 admin（密码来自配置 PINGAN_ADMIN_PASSWORD 或 pingan.admin.initial-password）");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
