package cn.pingangrid.demo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/** The demo's whole history on a fresh in-memory H2GIS database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:pingan-demo;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa",
        "spring.datasource.password=", "pingan.demo.disputes=true", "pingan.demo.sites=false" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoHistoryOnH2gisTests extends DemoHistoryContract {
}
