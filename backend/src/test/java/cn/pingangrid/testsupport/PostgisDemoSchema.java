package cn.pingangrid.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostGIS for a test of the demo history: a fresh schema {@code demo} in the test database (dropped and made
 * again), searched before {@code public} where PostGIS lives, so the demo generates its whole history as on a new
 * installation, apart from the register the other PostGIS tests write into.
 */
public class PostgisDemoSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final String schema;

    public PostgisDemoSchema() {
        this("demo");
    }

    /** A fresh schema of another name, for another test that must start from an empty database. */
    protected PostgisDemoSchema(String schema) {
        this.schema = schema;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = System.getenv("PINGAN_TEST_DB_URL");
        if (url == null) {
            new PostgisDatabase().initialize(context); // Testcontainers: a database of its own
            return;
        }
        String user = env("PINGAN_TEST_DB_USER", "postgres");
        String password = env("PINGAN_TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the schema " + schema + " in " + url, e);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        TestPropertyValues.of("spring.datasource.url=" + schemaUrl, "spring.datasource.username=" + user,
                "spring.datasource.password=" + password, "spring.flyway.schemas=" + schema).applyTo(context);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
