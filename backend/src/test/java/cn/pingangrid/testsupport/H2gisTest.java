package cn.pingangrid.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application (demo profile: one account per role) on an in-memory H2GIS database, with a real server on a random port (for the browser) and
 * MockMvc (for the API). Every test class carrying exactly this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:pingan;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "pingan.demo.disputes=false",
        "pingan.demo.sites=false" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
public @interface H2gisTest {
}
