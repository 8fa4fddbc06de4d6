package cn.pingangrid.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.audit.internal.AuditEntry;

/**
 * Writes the audit log without ever asking for a second database connection while the request holds one (a
 * nested {@code REQUIRES_NEW} per entry ran the pool of 10 dry under 40 concurrent registrations):
 * <ul>
 * <li>inside a read-write transaction an entry joins it: a change and its entry commit together, or neither does
 * (a registration that failed leaves no "registered" entry behind);</li>
 * <li>with no transaction the entry is written at once, in a short transaction of its own (one connection);</li>
 * <li>inside a read-only transaction the entry is queued and written when the request ends
 * ({@code AuditQueueFilter}), after the transaction has given its connection back;</li>
 * <li>{@link #recordSurvivingRollback} entries (refused sign-ins, refusals) join the transaction too, and if it
 * rolls back they are queued and written when the request ends, so the attempt is still on record.</li>
 * </ul>
 * Values are clipped to their columns (marked with "…") and NULs shown as {@code \\u0000} (escaped): an attacker's text
 * can never make the audit write fail.
 */
@Service
public class AuditTrail {

    private static final ThreadLocal<List<AuditEntry>> QUEUED = ThreadLocal.withInitial(ArrayList::new);

    private final ScopedQueries queries;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate separateTransaction;

    AuditTrail(ScopedQueries queries, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an action of the current user (or {@code username} where nobody is signed in yet, e.g. a login). */
    public void record(String username, String action, String objectType, String objectId, String detail) {
        write(entry(username, action, objectType, objectId, detail), false);
    }

    /** Records an action of the current user. */
    public void record(String action, String objectType, String objectId, String detail) {
        record(null, action, objectType, objectId, detail);
    }

    /**
     * Records an attempt that must stay on record even if the surrounding transaction rolls back (a failed
     * sign-in, a refused action): joins the transaction, and is written after the request if it rolls back.
     */
    public void recordSurvivingRollback(String username, String action, String objectType, String objectId,
            String detail) {
        write(entry(username, action, objectType, objectId, detail), true);
    }

    private AuditEntry entry(String username, String action, String objectType, String objectId, String detail) {
        return new AuditEntry(Instant.now(), username != null ? username : currentUsername(), remoteAddr(), action,
                objectType, objectId, detail);
    }

    private void write(AuditEntry entry, boolean survivesRollback) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            ownTransaction.executeWithoutResult(status -> queries.add(entry));
        } else if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            queue(entry);
        } else {
            queries.add(entry);
            if (survivesRollback) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            queue(entry.copy());
                        }
                    }
                });
            }
        }
    }

    private void queue(AuditEntry entry) {
        if (RequestContextHolder.getRequestAttributes() != null) {
            QUEUED.get().add(entry);
        } else {
            // not on a request thread (a scheduled job): nothing flushes a queue there, so write it now in a
            // transaction of its own; background jobs are few, the request pool is not at stake
            separateTransaction.executeWithoutResult(status -> queries.add(entry));
        }
    }

    /**
     * Writes what was queued on this thread, in one short transaction; called when a request ends (no
     * connection held then). Returns how many entries were written.
     */
    public int flushQueued() {
        List<AuditEntry> queued = QUEUED.get();
        if (queued.isEmpty()) {
            QUEUED.remove();
            return 0;
        }
        List<AuditEntry> batch = List.copyOf(queued);
        QUEUED.remove();
        ownTransaction.executeWithoutResult(status -> queries.addAll(batch));
        return batch.size();
    }


    private static String currentUsername() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
