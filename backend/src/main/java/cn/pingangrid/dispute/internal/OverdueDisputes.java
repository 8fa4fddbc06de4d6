package cn.pingangrid.dispute.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.system.JobLocks;
import cn.pingangrid.scope.UnscopedPath;

/**
 * Marks open disputes whose deadline has passed as overdue, with a timeline entry suggesting escalation. With
 * several instances on one database each run happens on one of them ({@link JobLocks}).
 */
@Component
class OverdueDisputes {

    private static final Logger log = LoggerFactory.getLogger(OverdueDisputes.class);

    /** The job's lock in {@code shedlock}. */
    static final String JOB = "overdue-disputes";
    /** Longer than the instances' schedulers drift apart, far shorter than the hour between runs. */
    static final Duration HOLD_AT_LEAST = Duration.ofSeconds(30);
    /** Far longer than a run takes; the most an instance killed mid-run delays the next. */
    static final Duration HOLD_AT_MOST = Duration.ofMinutes(30);

    private final Disputes disputes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JobLocks locks;

    OverdueDisputes(Disputes disputes, TransactionTemplate transaction, Clock clock, JobLocks locks) {
        this.disputes = disputes;
        this.transaction = transaction;
        this.clock = clock;
        this.locks = locks;
    }

    /** Hourly by default ({@code pingan.disputes.overdue-cron}); idempotent, so running it often is harmless. */
    @Scheduled(cron = "${pingan.disputes.overdue-cron:0 5 * * * *}")
    void run() {
        runOnOneInstance().filter(marked -> marked > 0).ifPresent(marked -> log.info("{} 件纠纷已逾期", marked));
    }

    /** One run, unless another instance is running it or ran it in the last 30 s: how many changed, or empty. */
    Optional<Integer> runOnOneInstance() {
        return locks.runOnOneInstance(JOB, HOLD_AT_LEAST, HOLD_AT_MOST, () -> markOverdue(clock));
    }

    /**
     * Marks every open dispute of the town whose deadline is before today by {@code clock}, in one transaction on
     * the job's own unscoped path (a template, not {@code @Transactional}: {@link #run} calls this on itself, where
     * a proxy would be bypassed); returns how many changed.
     */
    int markOverdue(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        return SystemScope.call(UnscopedPath.OVERDUE_JOB, () -> transaction.execute(status -> {
            int marked = 0;
            for (Dispute dispute : disputes.pastDeadline(today)) {
                if (dispute.markOverdueIfPast(today, clock.instant())) {
                    marked++;
                }
            }
            return marked;
        }));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}
