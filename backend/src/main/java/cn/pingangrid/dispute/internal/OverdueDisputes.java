package cn.pingangrid.dispute.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.scope.SystemScope;
import cn.pingangrid.scope.UnscopedPath;

/** Marks open disputes whose deadline has passed as overdue, with a timeline entry suggesting escalation. */
@Component
class OverdueDisputes {

    private static final Logger log = LoggerFactory.getLogger(OverdueDisputes.class);

    private final Disputes disputes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OverdueDisputes(Disputes disputes, TransactionTemplate transaction, Clock clock) {
        this.disputes = disputes;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Hourly by default ({@code pingan.disputes.overdue-cron}); idempotent, so running it often is harmless. */
    @Scheduled(cron = "${pingan.disputes.overdue-cron:0 5 * * * *}")
    void run() {
        int marked = markOverdue(clock);
        if (marked > 0) {
            log.info("{} 件纠纷已逾期", marked);
        }
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
