package cn.pingangrid.dispute.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.tile.TileLayer;
import cn.pingangrid.tile.TileQuery;

/**
 * Disputes as vector tiles, the caller's only, without personal data: from zoom {@value #POINTS_FROM} each dispute
 * as a point (id, type, status, severity, overdue); below it one point per grid ({@value #GRIDS_FROM}..15) or per
 * village with {@code count}, placed at the mean of the counted disputes. A grid or village is counted whole in
 * every tile it meets (its outline's box is tested: codes only, public knowledge), so neighbouring tiles agree.
 */
@Configuration(proxyBeanMethods = false)
class DisputeTileLayer {

    static final int POINTS_FROM = 16;
    static final int GRIDS_FROM = 13;

    @Bean
    TileLayer disputeTiles(ScopedQueries queries) {
        return new TileLayer("disputes", 0, false, false, tile -> {
            TileQuery query = TileQuery.over(Dispute.class, "dispute", "d");
            if (tile.z() >= POINTS_FROM) {
                query.geometry("d.location").intersecting("d.location").id("d.id").property("type", "d.dispute_type")
                        .property("status", "d.status").property("severity", "d.severity")
                        .property("overdue", "d.overdue");
            } else {
                String unit = tile.z() >= GRIDS_FROM ? "grid_code" : "village_code";
                query.geometry("ST_SetSRID(ST_MakePoint(avg(ST_X(d.location)), avg(ST_Y(d.location))), 4326)")
                        .property("code", "d." + unit).property("count", "count(*)")
                        .property("unit", tile.z() >= GRIDS_FROM ? "'grid'" : "'village'")
                        .where("d." + unit + " IN (SELECT g." + (unit.equals("grid_code") ? "code" : "village_code")
                                + " FROM grid g WHERE g.boundary && " + TileQuery.ENVELOPE + ")", Map.of())
                        .groupBy("d." + unit);
            }
            return query.render(queries, tile, "disputes");
        });
    }
}
