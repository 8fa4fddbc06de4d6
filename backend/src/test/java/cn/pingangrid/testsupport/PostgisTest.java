package cn.pingangrid.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on a real PostGIS database: the one named by {@code PINGAN_TEST_DB_URL} (set by .ci/run),
 * else a Testcontainers PostGIS where a Docker engine exists. Skipped only outside CI when neither is there;
 * with {@code CI=true} a missing PostGIS fails the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf("cn.pingangrid.testsupport.PostgisDatabase#available")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pingan.demo.disputes=false", "pingan.demo.sites=false", "pingan.demo.households=false",
        "pingan.household.key-file=target/test-household-keys.properties" })
@ContextConfiguration(initializers = PostgisDatabase.class)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
public @interface PostgisTest {
}
