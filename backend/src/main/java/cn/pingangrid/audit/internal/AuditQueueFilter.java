package cn.pingangrid.audit.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import cn.pingangrid.audit.AuditTrail;

/**
 * Writes the audit entries {@link AuditTrail} queued during a request (from read-only transactions, or from
 * transactions that rolled back) once the request is done and holds no database connection. Outermost filter,
 * so sign-in failures handled inside the security filters are covered too.
 */
class AuditQueueFilter extends OncePerRequestFilter {

    private final ObjectProvider<AuditTrail> trail;

    AuditQueueFilter(ObjectProvider<AuditTrail> trail) {
        this.trail = trail; // looked up per request: filters are made before the persistence unit
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            trail.getObject().flushQueued();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<AuditQueueFilter> auditQueueFilter(ObjectProvider<AuditTrail> trail) {
            FilterRegistrationBean<AuditQueueFilter> registration = new FilterRegistrationBean<>(
                    new AuditQueueFilter(trail));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
