package cn.pingangrid.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** The stored sessions as the request filter sees them: last-access writes at most once a minute. */
final class StoredSessions implements SessionRepository<Session> {

    private final SessionRepository<Session> stored;

    @SuppressWarnings({ "unchecked", "rawtypes" })
    StoredSessions(JdbcIndexedSessionRepository jdbc) {
        this.stored = (SessionRepository) jdbc;
    }

    @Override
    public Session createSession() {
        return stored.createSession();
    }

    @Override
    public void save(Session session) {
        stored.save(session instanceof ThrottledSession t ? t.stored : session);
    }

    @Override
    public Session findById(String id) {
        Session session = stored.findById(id);
        return session == null ? null : new ThrottledSession(session);
    }

    @Override
    public void deleteById(String id) {
        stored.deleteById(id);
    }

    /** A stored session whose last-access time changes only when it is a minute or more newer. */
    private static final class ThrottledSession implements Session {

        private final Session stored;

        ThrottledSession(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (!time.isBefore(stored.getLastAccessedTime().plus(SessionStorage.ACCESS_WRITE_INTERVAL))) {
                stored.setLastAccessedTime(time);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
