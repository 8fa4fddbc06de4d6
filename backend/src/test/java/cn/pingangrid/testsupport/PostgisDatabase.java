package cn.pingangrid.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Points the test context at PostGIS: from the environment first, Testcontainers only as the fallback. */
public class PostgisDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static PostgreSQLContainer container;

    /** Whether PostGIS tests run: always in CI (where a missing database must fail, not skip). */
    public static boolean available() {
        return System.getenv("PINGAN_TEST_DB_URL") != null || "true".equals(System.getenv("CI")) || dockerAvailable();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = System.getenv("PINGAN_TEST_DB_URL");
        if (url != null) {
            TestPropertyValues.of("spring.datasource.url=" + url,
                    "spring.datasource.username=" + env("PINGAN_TEST_DB_USER", "postgres"),
                    "spring.datasource.password=" + env("PINGAN_TEST_DB_PASSWORD", "")).applyTo(context);
            return;
        }
        if (!dockerAvailable()) {
            throw new IllegalStateException("CI=true but PostGIS is not reachable: set PINGAN_TEST_DB_URL "
                    + "(bash .ci/run does) or provide a Docker engine for Testcontainers");
        }
        PostgreSQLContainer db = startContainer();
        TestPropertyValues.of("spring.datasource.url=" + db.getJdbcUrl(),
                "spring.datasource.username=" + db.getUsername(),
                "spring.datasource.password=" + db.getPassword()).applyTo(context);
    }

    private static synchronized PostgreSQLContainer startContainer() {
        if (container == null) {
            container = new PostgreSQLContainer(
                    DockerImageName.parse("postgis/postgis:15-3.4").asCompatibleSubstituteFor("postgres"));
            container.start();
        }
        return container;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
