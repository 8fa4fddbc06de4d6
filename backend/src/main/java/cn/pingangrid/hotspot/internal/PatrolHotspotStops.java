package cn.pingangrid.hotspot.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import cn.pingangrid.patrol.HotspotStops;
import cn.pingangrid.scope.ScopedQueries;

/**
 * The hot spots a patrol visits: the grids that Gi* finds hot, after the false discovery rate correction, over the
 * {@value #WEEKS} weeks before the shift's week, in the planning user's own area. 99 % confidence weighs 5, 95 % 4
 * (the patrol README's weights); 90 % is not a stop. Too few disputes for a sound analysis gives no hot spot
 * rather than a guess.
 */
@Component
class PatrolHotspotStops implements HotspotStops {

    /** How far back the analysis looks: long enough for 30 disputes in most villages, short enough to be current. */
    static final int WEEKS = 12;

    private final HotspotAnalysis analysis;
    private final ScopedQueries queries;

    PatrolHotspotStops(HotspotAnalysis analysis, ScopedQueries queries) {
        this.analysis = analysis;
        this.queries = queries;
    }

    @Override
    public List<HotspotStop> stopsIn(Geometry area, LocalDate week) {
        HotspotAnalysis.Gi gi;
        try {
            HotspotQuery q = new HotspotQuery(week.minusWeeks(WEEKS), week.minusDays(1), "from", null, null, null,
                    null);
            gi = analysis.gi(q, "grid", null, null, queries.scope());
        } catch (ErrorResponseException tooFewOrNoArea) {
            return List.of(); // fewer than 30 disputes, or an account without an area: nothing to stand at
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        List<HotspotStop> stops = new ArrayList<>();
        for (HotspotAnalysis.GiUnit u : gi.units()) {
            if (u.fdrBin() < 2 || !inside.intersects(u.outline())) {
                continue;
            }
            Point at = u.outline().getInteriorPoint();
            String label = "热点网格 " + u.unit().name() + "（" + (u.fdrBin() >= 3 ? "99" : "95") + "% 置信）";
            stops.add(new HotspotStop("HOT-" + u.unit().id(), at, u.fdrBin() >= 3 ? 5 : 4, label, u.outline()));
        }
        return stops;
    }
}
