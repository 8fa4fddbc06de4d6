package cn.pingangrid.demo;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.pingangrid.testsupport.PostgisDemoSchema;

/** The demo's whole history on PostGIS, generated into a fresh schema. */
@EnabledIf("cn.pingangrid.testsupport.PostgisDatabase#available")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "pingan.demo.disputes=true", "pingan.demo.sites=false" })
@ContextConfiguration(initializers = PostgisDemoSchema.class)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoHistoryOnPostgisTests extends DemoHistoryContract {
}
