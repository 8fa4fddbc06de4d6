package cn.pingangrid.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.system.Texts;

/**
 * Counts wrong passwords and locks an account for a while after too many in a row, so a password cannot be
 * guessed online; audits every sign-in, failed sign-in and sign-out. The password itself is never recorded.
 * <p>
 * Every decision on an account — count a wrong password, admit a right one — is taken under a lock on the
 * account's row ({@link Accounts#lockByUsername}), in one transaction with its audit entry. So parallel guesses
 * are counted one after another (no lost update), and a right password checked while wrong ones were being
 * counted is admitted only if the account is not locked by then: the audit log, in id order, is the order the
 * decisions were taken in, and no sign-in follows {@code maxFailures} counted failures within the lock time.
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

    /** A name that could belong to an account: within the column's 32 characters, text the database accepts. */
    static boolean possibleUsername(String username) {
        return username != null && !username.isEmpty() && username.length() <= 32 && Texts.fault(username) == null;
    }

    /**
     * A failed sign-in: a wrong password for an unlocked account is counted (and locks it at
     * {@code maxFailures}); every failure is audited, and stays audited whatever happens to the transaction.
     */
    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String detail = event.getException().getClass().getSimpleName();
        if (possibleUsername(username)) {
            Instant now = clock.instant();
            var account = accounts.lockByUsername(username);
            if (account.isPresent() && event instanceof AuthenticationFailureBadCredentialsEvent) {
                if (account.get().isLocked(now)) {
                    detail += "（账户已锁定，不计数）";
                } else {
                    account.get().loginFailed(maxFailures, lockFor, now);
                    if (account.get().isLocked(now)) {
                        detail += "（连续 " + maxFailures + " 次，账户锁定）";
                    }
                }
            }
        } else if (username != null) {
            detail += "（用户名无效：" + username.length() + " 字）";
        }
        audit.recordSurvivingRollback(username, "LOGIN_FAILED", "user", username, detail);
    }

    /**
     * The last step of a sign-in whose password was right: under the row lock, refuses it if wrong passwords
     * locked the account meanwhile, else clears the count and audits the sign-in. Called by the authentication
     * provider (see {@link SecurityConfiguration}) before the sign-in is reported successful.
     */
    @Transactional
    public void admit(String username) {
        Instant now = clock.instant();
        UserAccount account = accounts.lockByUsername(username).orElseThrow(() -> new LockedException("gone"));
        if (account.isLocked(now)) {
            throw new LockedException("locked while the password was checked");
        }
        account.loginSucceeded();
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
