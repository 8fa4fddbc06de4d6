package cn.pingangrid.audit;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import cn.pingangrid.scope.ScopedQueries;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log. Each entry commits in its own transaction, so a read that is refused, or a change that
 * rolls back, still leaves its trace.
 */
@Service
public class AuditTrail {

    private final ScopedQueries queries;

    AuditTrail(ScopedQueries queries) {
        this.queries = queries;
    }

    /** Records an action of the current user (or {@code username} where nobody is signed in yet, e.g. a login). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, String action, String objectType, String objectId, String detail) {
        queries.add(new AuditEntry(Instant.now(), username != null ? username : currentUsername(), remoteAddr(),
                action, objectType, objectId, detail));
    }

    /** Records an action of the current user. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, String objectType, String objectId, String detail) {
        record(null, action, objectType, objectId, detail);
    }

    @Transactional(readOnly = true)
    List<AuditEntry> newest(String username, int limit) {
        return queries.from(AuditEntry.class, "a").equal("a.username", username).orderBy("a.id desc").list(limit);
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
