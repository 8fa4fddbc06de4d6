package cn.pingangrid.area.internal;

import java.util.List;

import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Repository;

import cn.pingangrid.scope.ScopedQueries;
import org.springframework.transaction.annotation.Transactional;

/**
 * The layers of the offline base map: roads, water, places and the neighbouring jurisdictions. Public
 * geography with nothing personal in it, so every signed-in user sees all of it, whatever their area.
 */
@Repository
@Transactional(readOnly = true)
class BaseMapLayers {

    private final ScopedQueries queries;

    BaseMapLayers(ScopedQueries queries) {
        this.queries = queries;
    }

    List<Road> roads(Polygon bbox, String roadClass) {
        return queries.from(Road.class, "r").intersects("r.geom", bbox).equal("r.roadClass", roadClass)
                .orderBy("r.id").list();
    }

    List<WaterBody> water() {
        return queries.from(WaterBody.class, "w").orderBy("w.id").list();
    }

    List<Place> places() {
        return queries.from(Place.class, "p").orderBy("p.id").list();
    }

    List<Neighbour> neighbours() {
        return queries.from(Neighbour.class, "n").orderBy("n.id").list();
    }
}
