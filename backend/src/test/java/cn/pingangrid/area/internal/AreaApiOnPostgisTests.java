package cn.pingangrid.area.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.pingangrid.testsupport.PostgisTest;

@PostgisTest
class AreaApiOnPostgisTests extends AreaApiContract {

    /** Our Java (proj4j) metric area agrees with PostGIS's own ST_Transform to EPSG:4546. */
    @Test
    void areaAgreesWithPostgisTransform() throws Exception {
        String village = VILLAGES.get(1).code();
        long api = getJson("/api/villages/" + village).get("properties").get("areaM2").asLong();
        double postgis = jdbc.queryForObject(
                "SELECT ST_Area(ST_Transform(boundary, 4546)) FROM village WHERE code = ?", Double.class, village);
        assertThat((double) api).isCloseTo(postgis, org.assertj.core.data.Offset.offset(1.0));
    }

    /** The point-in-polygon predicate can use the GiST index (planner told to avoid sequential scans). */
    @Test
    void pointInPolygonUsesTheSpatialIndex() {
        String plan = jdbc.execute((java.sql.Connection c) -> {
            try (var st = c.createStatement()) {
                st.execute("SET enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (var rs = st.executeQuery("EXPLAIN SELECT code FROM building WHERE ST_Intersects(footprint, "
                        + "ST_SetSRID(ST_MakePoint(111.85, 28.45), 4326))")) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                }
                st.execute("RESET enable_seqscan");
                return lines.toString();
            }
        });
        assertThat(plan).contains("building_footprint_sidx");
    }
}
