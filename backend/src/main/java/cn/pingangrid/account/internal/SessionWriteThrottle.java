package cn.pingangrid.account.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * On PostgreSQL, a request writes its session's row only when something in it changed or its last access is at
 * least {@value #ACCESS_GRANULARITY_MS} ms old. Spring Session otherwise updates the row on every request (the new
 * last-access time), a committed write — WAL flushed to disk — per map tile; at county scale that was a round trip
 * and a flush on each of hundreds of requests a second. The cost: a session idle for 30 minutes may expire up to a
 * minute early. The id (changed at sign-in), the principal and the timeout are always written; attributes (and the
 * administrator's "ended") are written by their own statements, untouched. H2 keeps Spring Session's statement.
 */
@Configuration(proxyBeanMethods = false)
class SessionWriteThrottle {

    static final long ACCESS_GRANULARITY_MS = 60_000;

    /**
     * Spring Session's update (parameters: session id, last access, max inactive interval, expiry, principal, primary
     * id — in that order, which this keeps) as a no-op unless the row is out of date.
     */
    static final String THROTTLED_UPDATE = "UPDATE %TABLE_NAME% s SET SESSION_ID = v.id, LAST_ACCESS_TIME = v.at, "
            + "MAX_INACTIVE_INTERVAL = v.mi, EXPIRY_TIME = v.ex, PRINCIPAL_NAME = v.pn FROM (SELECT CAST(? AS VARCHAR) "
            + "id, CAST(? AS BIGINT) at, CAST(? AS INT) mi, CAST(? AS BIGINT) ex, CAST(? AS VARCHAR) pn) v "
            + "WHERE s.PRIMARY_ID = ? AND (s.SESSION_ID <> v.id OR s.MAX_INACTIVE_INTERVAL <> v.mi "
            + "OR s.PRINCIPAL_NAME IS DISTINCT FROM v.pn OR v.at - s.LAST_ACCESS_TIME >= " + ACCESS_GRANULARITY_MS + ")";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> throttledSessionWrites(
            @Value("${spring.datasource.url:}") String url) {
        return repository -> {
            if (url.startsWith("jdbc:postgresql:")) {
                repository.setUpdateSessionQuery(THROTTLED_UPDATE);
            }
        };
    }
}
