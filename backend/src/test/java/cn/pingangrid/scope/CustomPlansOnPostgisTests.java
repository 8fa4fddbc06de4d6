package cn.pingangrid.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.pingangrid.area.internal.Village;
import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.PostgisTest;

/**
 * A statement with the box operator is never prepared on the server, so PostgreSQL plans each run for its box;
 * other statements are prepared after the driver's five runs and keep their plan (scope.SpatialStatementPlans).
 */
@PostgisTest
class CustomPlansOnPostgisTests {

    @Autowired
    ScopedQueries queries;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Test
    void aBoxQueryIsPlannedForEachRunAndOthersArePreparedOnce() {
        List<String> prepared = new TransactionTemplate(transactions).execute(status -> {
            for (int run = 0; run < 8; run++) { // more runs than the driver's threshold (5)
                queries.from(Village.class, "v").intersects("v.boundary", Wgs84.point(111.85, 28.45 + run * 1e-4))
                        .list();
                queries.from(Village.class, "v").where("v.name <> :name", java.util.Map.of("name", "x" + run))
                        .list();
            }
            // the same connection: the transaction's
            return new JdbcTemplate(dataSource).queryForList("SELECT statement FROM pg_prepared_statements",
                    String.class);
        });
        assertThat(prepared).anyMatch(sql -> sql.contains("from village") && sql.contains("<>"));
        assertThat(prepared).noneMatch(sql -> sql.contains("&&"));
    }
}
