package cn.pingangrid.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance sharing the database that a row was committed, by id only: never the row's content, which
 * each listener reads again through its own scope.
 * <ul>
 * <li>PostgreSQL: {@code NOTIFY} on the committing transaction's connection, so it is sent if and only if the
 * transaction commits, and {@code LISTEN} on one connection of this instance's own (outside the pool). When that
 * connection is lost (database restart, terminated backend) it is opened again, after 1 s, 2 s, … up to 30 s;
 * ids committed while it was down are not heard.</li>
 * <li>H2 (embedded, so one instance): the id goes to this instance's listeners after the commit.</li>
 * </ul>
 * Listeners run on one thread of this class, one id at a time, never on the committing request's thread.
 * A channel is named with the schema, so deployments in two schemas of one database do not hear each other.
 * Reads and writes no table.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    /** How long one wait for notifications lasts; also how quickly a stop is noticed. */
    private static final int POLL_MILLIS = 500;
    /** An idle listening connection is checked this often, so a silently dead one is noticed. */
    private static final Duration CHECK_IDLE_AFTER = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final String url;
    private final String username;
    private final String password;
    private final boolean postgres;
    private final Map<String, List<LongConsumer>> listeners = new ConcurrentHashMap<>();
    /** H2: the thread listeners run on; made at each start (a test context is stopped and started again). */
    private volatile ExecutorService delivery;
    private volatile String schema;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread listener;

    DatabaseNotifications(DataSource dataSource, @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.url = url;
        this.username = username;
        this.password = password;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    /** Whether this instance hears the other instances now: always on H2, on PostgreSQL while LISTEN is up. */
    public boolean listening() {
        return !postgres || listening;
    }

    /** Calls {@code listener} with every id published on {@code channel} by any instance. Register at start-up. */
    public void listen(String channel, LongConsumer listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Publishes {@code id} on {@code channel} when the current transaction commits, to every instance; nothing if it
     * rolls back. Must be called inside the transaction that writes the row.
     */
    public void publishOnCommit(String channel, long id) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("publish " + channel + " inside the transaction that writes it");
        }
        if (postgres) {
            // the transaction's own connection (bound by the transaction manager): PostgreSQL sends it at commit
            jdbc.queryForObject("select pg_notify(?, ?)", Object.class, qualified(channel), Long.toString(id));
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ExecutorService executor = delivery;
                    try {
                        executor.execute(() -> deliver(channel, id));
                    } catch (RuntimeException stopped) {
                        // stopping: no stream is open to receive it, and the commit must not fail the request
                        log.debug("not delivered while stopped: {} {}", channel, id);
                    }
                }
            });
        }
    }

    private String qualified(String channel) {
        if (schema == null) {
            schema = jdbc.queryForObject("select current_schema()", String.class);
        }
        return channel + "@" + schema;
    }

    private void deliver(String channel, long id) {
        for (LongConsumer consumer : listeners.getOrDefault(channel, List.of())) {
            try {
                consumer.accept(id);
            } catch (RuntimeException e) {
                log.warn("listener of {} failed on {}", channel, id, e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        if (!postgres) {
            delivery = Executors.newSingleThreadExecutor(r -> daemon(r, "notifications"));
        } else {
            listener = new Thread(this::listenUntilStopped, "notifications-listen");
            listener.setDaemon(true);
            listener.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close(); // ends a wait at once
            } catch (SQLException e) {
                log.debug("closing the listening connection: {}", e.getMessage());
            }
        }
        if (listener != null) {
            try {
                listener.join(2 * POLL_MILLIS + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (delivery != null) {
            delivery.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        long backoffMillis = 1000;
        while (running) {
            try (Connection c = openListeningConnection()) {
                connection = c;
                Map<String, String> channels = new ConcurrentHashMap<>();
                try (Statement s = c.createStatement()) {
                    for (String channel : listeners.keySet()) {
                        String qualified = qualified(channel);
                        channels.put(qualified, channel);
                        s.execute("LISTEN \"" + qualified.replace("\"", "\"\"") + "\"");
                    }
                }
                listening = true;
                backoffMillis = 1000;
                log.info("listening for other instances' notifications on {}", channels.keySet());
                waitForNotifications(c, channels);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("listening connection lost ({}); opening it again in {} ms", e.getMessage(), backoffMillis);
            } finally {
                listening = false;
                connection = null;
            }
            sleep(backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        }
    }

    private void waitForNotifications(Connection c, Map<String, String> channels) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification n : notifications) {
                    String channel = channels.get(n.getName());
                    if (channel != null) {
                        deliver(channel, Long.parseLong(n.getParameter()));
                    }
                }
            } else if (System.nanoTime() - quietSince > CHECK_IDLE_AFTER.toNanos()) {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1"); // throws on a connection that died without a word
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private Connection openListeningConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "pingan-notifications");
        properties.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(url, properties);
        c.setAutoCommit(true);
        return c;
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
