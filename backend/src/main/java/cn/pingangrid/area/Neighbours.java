package cn.pingangrid.area;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The neighbouring jurisdictions as read-only outlines, for modules that work along the town's border. */
@Repository
@Transactional(readOnly = true)
public class Neighbours {

    /** A neighbouring town: its name, county, whether the shared border is a county border, and its outline. */
    public record Outline(String name, String county, boolean countyBorder, Polygon boundary) {
    }

    private final EntityManager em;

    Neighbours(EntityManager em) {
        this.em = em;
    }

    public List<Outline> all() {
        return em.createQuery("select new cn.pingangrid.area.Neighbours$Outline(n.name, n.county, n.countyBorder, "
                + "n.boundary) from Neighbour n order by n.id", Outline.class).getResultList();
    }
}
