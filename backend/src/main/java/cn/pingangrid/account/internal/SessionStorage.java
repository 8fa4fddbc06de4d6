package cn.pingangrid.account.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in the shared database (V140__sessions.sql) so that two instances know them. Read as is, that costs
 * every request a session read and a last-access write. The last-access time is written at most once a
 * {@link #ACCESS_WRITE_INTERVAL}: a request that changes nothing else in the session (every GET of the map) then
 * writes nothing, and the 30-minute idle timeout ends up to a minute early (docs/decisions/session-access-writes.md).
 * Boot still makes the JDBC repository and the cookie; only the request filter is given {@link StoredSessions} in
 * front of the repository (a second SessionRepository bean would switch Boot's session configuration off).
 * <p>
 * A session the administrator ends is marked {@link #ENDED} in its row ({@link #endAll});
 * {@link EndedSessionFilter} reads the mark from the session the request has loaded anyway.
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {

    static final Duration ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

    /** The attribute marking a session ended by the administrator (its account changed, locked or disabled). */
    static final String ENDED = "pingan.session.ended";

    @Bean
    static BeanPostProcessor sessionFilterWithThrottledAccessWrites(ObjectProvider<JdbcIndexedSessionRepository> jdbc,
            ObjectProvider<CookieSerializer> cookie) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>)) {
                    return bean;
                }
                SessionRepositoryFilter<Session> filter = new SessionRepositoryFilter<>(
                        new StoredSessions(jdbc.getObject()));
                CookieHttpSessionIdResolver ids = new CookieHttpSessionIdResolver();
                ids.setCookieSerializer(cookie.getObject()); // Boot's, from server.servlet.session.cookie.*
                filter.setHttpSessionIdResolver(ids);
                return filter;
            }
        };
    }

    /** Every session of {@code username} is marked ended, whichever instance it was made on. */
    static <S extends Session> void endAll(FindByIndexNameSessionRepository<S> sessions, String username) {
        sessions.findByPrincipalName(username).values().forEach(session -> {
            session.setAttribute(ENDED, Boolean.TRUE);
            sessions.save(session);
        });
    }
}
