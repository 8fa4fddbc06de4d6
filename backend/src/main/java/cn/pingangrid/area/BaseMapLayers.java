package cn.pingangrid.area;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The layers of the offline base map: roads, water, places and the neighbouring jurisdictions. Public
 * geography with nothing personal in it, so every signed-in user sees all of it, whatever their area.
 */
@Repository
@Transactional(readOnly = true)
class BaseMapLayers {

    private final EntityManager em;

    BaseMapLayers(EntityManager em) {
        this.em = em;
    }

    List<Road> roads(Polygon bbox, String roadClass) {
        Geography.Filter q = new Geography.Filter("r", "Road r");
        q.intersects("r.geom", bbox);
        q.equal("r.roadClass", "roadClass", roadClass);
        return q.list(em, Road.class, "r.id", Integer.MAX_VALUE);
    }

    List<WaterBody> water() {
        return em.createQuery("select w from WaterBody w order by w.id", WaterBody.class).getResultList();
    }

    List<Place> places() {
        return em.createQuery("select p from Place p order by p.id", Place.class).getResultList();
    }

    List<Neighbour> neighbours() {
        return em.createQuery("select n from Neighbour n order by n.id", Neighbour.class).getResultList();
    }
}
