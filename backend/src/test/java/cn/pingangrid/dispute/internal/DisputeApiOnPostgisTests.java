package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class DisputeApiOnPostgisTests extends DisputeApiContract {

    @Autowired
    JdbcTemplate jdbc;

    /**
     * V151's index of open cases names the open statuses in SQL: a status added to the code but not there would
     * leave the map's "open" half without its index (slow, never wrong) — so the two are compared here.
     */
    @Test
    void theOpenCasesIndexHoldsExactlyTheOpenStatuses() {
        String definition = jdbc.queryForObject("SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                + "WHERE indexrelid = 'dispute_open_location_sidx'::regclass", String.class);
        for (DisputeStatus status : DisputeStatus.values()) {
            assertThat(definition.contains("'" + status.name() + "'")).as(status + " in " + definition)
                    .isEqualTo(DisputeStatus.OPEN.contains(status));
        }
    }
}
