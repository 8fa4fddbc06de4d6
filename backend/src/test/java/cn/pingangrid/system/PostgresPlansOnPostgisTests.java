package cn.pingangrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.pingangrid.testsupport.PostgisTest;

/** The application's PostgreSQL connections plan each run of a statement for its own values (PostgresPlans). */
@PostgisTest
class PostgresPlansOnPostgisTests {

    @Autowired
    DataSource dataSource;

    @Test
    void everyConnectionPlansForTheValuesItRunsWith() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // more runs than the driver's threshold for a server-side statement and PostgreSQL's five custom plans
        for (int run = 0; run < 8; run++) {
            assertThat(jdbc.queryForObject("SELECT current_setting('plan_cache_mode') WHERE ? > 0", String.class,
                    run + 1)).isEqualTo("force_custom_plan");
        }
    }
}
