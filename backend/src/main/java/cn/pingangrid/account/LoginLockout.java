package cn.pingangrid.account;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.audit.AuditTrail;

/**
 * Counts wrong passwords and locks an account for a while after too many in a row, so a password cannot be
 * guessed online; audits every sign-in, failed sign-in and sign-out. The password itself is never recorded.
 */
@Component
class LoginLockout {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;

    LoginLockout(Accounts accounts, AuditTrail audit, Clock clock,
            @Value("${pingan.login.max-failures:5}") int maxFailures,
            @Value("${pingan.login.lock-minutes:15}") long lockMinutes) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.findByUsername(username).ifPresent(a -> a.loginFailed(maxFailures, lockFor, clock.instant()));
        }
        audit.record(username, "LOGIN_FAILED", "user", username, event.getException().getClass().getSimpleName());
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.findByUsername(username).ifPresent(UserAccount::loginSucceeded);
        audit.record(username, "LOGIN", "user", username, null);
    }

    @EventListener
    public void onLogout(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(username, "LOGOUT", "user", username, null);
    }

    String lockMessage() {
        return "连续 " + maxFailures + " 次密码错误，账户已临时锁定，请 " + lockFor.toMinutes() + " 分钟后再试或联系管理员";
    }
}
