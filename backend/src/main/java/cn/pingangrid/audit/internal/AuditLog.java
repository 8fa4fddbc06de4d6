package cn.pingangrid.audit.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.scope.ScopedQueries;

/** Reads the audit log, newest first (writing it is {@link cn.pingangrid.audit.AuditTrail}'s job). */
@Service
@Transactional(readOnly = true)
class AuditLog {

    private final ScopedQueries queries;

    AuditLog(ScopedQueries queries) {
        this.queries = queries;
    }

    /** The newest {@code limit} lines, of one user or (null) everyone. */
    List<AuditLine> newest(String username, int limit) {
        return queries.from(AuditEntry.class, "a").equal("a.username", username).orderBy("a.id desc").list(limit)
                .stream().map(AuditEntry::line).toList();
    }
}
