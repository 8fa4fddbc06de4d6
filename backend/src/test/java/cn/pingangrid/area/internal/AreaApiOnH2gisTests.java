package cn.pingangrid.area.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import cn.pingangrid.geo.Wgs84;
import cn.pingangrid.testsupport.H2gisTest;

@H2gisTest
class AreaApiOnH2gisTests extends AreaApiContract {

    /**
     * H2GIS reaches its spatial index only through a bare {@code &&} with the geometry bound: the form
     * {@code ScopedQuery.intersects} renders (Hibernate writes {@code (a && ?) and st_intersects(a, ?) = true}).
     * {@code (a && ?) = TRUE} or {@code ST_Intersects} alone scan the whole table.
     */
    @Test
    void theBoundingBoxOperatorReachesTheSpatialIndex() {
        Geometry box = Wgs84.FACTORY.toGeometry(new Envelope(111.80, 111.81, 28.42, 28.43));
        String indexed = jdbc.queryForObject("EXPLAIN SELECT b.code FROM building b WHERE (b.footprint && ?) "
                + "AND st_intersects(b.footprint, ?) = TRUE", String.class, box, box);
        String scanned = jdbc.queryForObject("EXPLAIN SELECT b.code FROM building b WHERE st_intersects(b.footprint, ?)",
                String.class, box);
        assertThat(indexed).contains("BUILDING_FOOTPRINT_SIDX");
        assertThat(scanned).contains("tableScan");
    }
}
