package cn.pingangrid.patrol.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GeographyReady;

/**
 * Holds the routing graph: built from the imported roads once the geography is ready (before requests), with the
 * connected-component check logged in one line. A network of several components is allowed (a stop in a small
 * component is then unreachable and left out of plans) but logged as a warning.
 */
@Component
class PatrolRoads implements ApplicationListener<PayloadApplicationEvent<GeographyReady>> {

    private static final Logger log = LoggerFactory.getLogger(PatrolRoads.class);

    private final Areas areas;
    private final PatrolProperties properties;
    private volatile RoadNetwork network;

    PatrolRoads(Areas areas, PatrolProperties properties) {
        this.areas = areas;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<GeographyReady> event) {
        build();
    }

    RoadNetwork network() {
        RoadNetwork built = network;
        return built != null ? built : build();
    }

    private synchronized RoadNetwork build() {
        if (network != null) {
            return network;
        }
        RoadNetwork built = RoadNetwork.of(areas.roadNetwork(), properties::speedKmh);
        RoadNetwork.Connectivity c = built.connectivity();
        if (c.components() == 1) {
            log.info("巡逻路网：{} 个节点，{} 条路段，连通（1 个连通分量）", c.nodes(), c.edges());
        } else {
            log.warn("巡逻路网：{} 个节点，{} 条路段，{} 个连通分量，最大分量含 {} 个节点（{}%）；其他分量上的停靠点无法到达",
                    c.nodes(), c.edges(), c.components(), c.largestNodes(), Math.round(c.largestShare() * 100));
        }
        network = built;
        return built;
    }
}
