package cn.pingangrid.patrol.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;

/**
 * A plan as GPX 1.1, for a phone's navigation app: the numbered stops as waypoints (with ETA), the stops as a
 * route (rte, for apps that navigate stop to stop), and the road path as a track (trk, what to follow).
 */
final class RouteGpx {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private RouteGpx() {
    }

    static String write(PlanView plan) {
        GPX.Builder gpx = GPX.builder().creator("平安网格 pingan-grid");
        gpx.metadata(m -> m.name(plan.villageName() + "巡逻 " + plan.start().replace('T', ' ')));
        for (PlanView.PlannedStop s : plan.stops()) {
            gpx.addWayPoint(WayPoint.builder().lat(s.lat()).lon(s.lng()).name(s.order() + " " + s.name())
                    .desc(String.join("；", s.checks())).time(time(s.arrive())).sym("Flag").build());
        }
        gpx.addRoute(r -> {
            r.name(plan.villageName() + "巡逻路线（停靠点）");
            r.addPoint(p -> p.lat(plan.base()[1]).lon(plan.base()[0]).name(plan.baseName()));
            for (PlanView.PlannedStop s : plan.stops()) {
                r.addPoint(p -> p.lat(s.lat()).lon(s.lng()).name(s.order() + " " + s.name()));
            }
            r.addPoint(p -> p.lat(plan.base()[1]).lon(plan.base()[0]).name(plan.baseName()));
        });
        gpx.addTrack(t -> t.name(plan.villageName() + "巡逻路线（道路）").addSegment(seg -> {
            for (var leg : plan.legs()) {
                for (double[] c : leg) {
                    seg.addPoint(p -> p.lat(c[1]).lon(c[0]));
                }
            }
        }));
        return GPX.Writer.of(GPX.Writer.Indent.SPACE2).toString(gpx.build());
    }

    private static java.time.Instant time(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }
}
