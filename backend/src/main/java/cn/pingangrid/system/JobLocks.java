package cn.pingangrid.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one instance at a time, across every instance sharing the database: the instance that
 * takes the job's row in {@code shedlock} (V141__job_locks.sql, ShedLock's JDBC provider) runs it, the others skip.
 * Lock times are the database's clock, so the instances' clocks do not matter. Reads and writes only that table.
 */
@Component
public class JobLocks {

    private final LockingTaskExecutor executor;

    JobLocks(DataSource dataSource) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider
                .Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
    }

    /**
     * Runs {@code job} unless another instance holds its lock, and returns its result; empty when skipped. The lock
     * is kept at least {@code holdAtLeast} after the job ends (an instance whose scheduler fires a little later
     * skips the same run) and at most {@code holdAtMost} (an instance killed mid-run blocks the job no longer).
     */
    public <T> Optional<T> runOnOneInstance(String job, Duration holdAtLeast, Duration holdAtMost, Supplier<T> work) {
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(work::get,
                    new LockConfiguration(Instant.now(), job, holdAtMost, holdAtLeast));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("job " + job + " failed", e);
        }
    }
}
