package cn.pingangrid.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.testsupport.H2gisTest;
import cn.pingangrid.audit.AuditTrail;

/** Which audit entries share their transaction's fate, and which outlive a rollback. */
@H2gisTest
class AuditTrailTransactionTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChangesEntryRollsBackWithItButARefusedAttemptStaysOnRecord() {
        String who = "tx" + UUID.randomUUID().toString().substring(0, 8);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            trail.record(who, "DISPUTE_REGISTER", "dispute", "1", "rolled back with the registration");
            trail.recordSurvivingRollback(who, "LOGIN_FAILED", "user", who, "stays");
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForList("select action from audit_log where username = ?", String.class, who))
                .containsExactly("LOGIN_FAILED");
    }

    @Test
    void committedTogetherWithTheChange() {
        String who = "tx" + UUID.randomUUID().toString().substring(0, 8);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            trail.record(who, "DISPUTE_REGISTER", "dispute", "2", null);
            trail.recordSurvivingRollback(who, "LOGIN_FAILED", "user", who, null);
        });
        assertThat(jdbc.queryForList("select action from audit_log where username = ? order by id", String.class,
                who)).containsExactly("DISPUTE_REGISTER", "LOGIN_FAILED");
    }

    @Test
    void hostileTextIsClippedToTheColumnsNeverFailingTheWrite() {
        String who = "x\u0000" + "y".repeat(100);
        trail.record(who, "LOGIN_FAILED", "user", who, "z".repeat(5_000));
        String expected = ("x\\u0000" + "y".repeat(100)).substring(0, 31) + "…";
        assertThat(jdbc.queryForObject("select count(*) from audit_log where username = ? and length(detail) = 512",
                Integer.class, expected)).isEqualTo(1);
    }
}
