package cn.pingangrid.area;

import java.util.List;

import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Repository;

import cn.pingangrid.area.internal.Neighbour;
import cn.pingangrid.scope.ScopedQueries;
import org.springframework.transaction.annotation.Transactional;

/** The neighbouring jurisdictions as read-only outlines, for modules that work along the town's border. */
@Repository
@Transactional(readOnly = true)
public class Neighbours {

    /** A neighbouring town: its name, county, whether the shared border is a county border, and its outline. */
    public record Outline(String name, String county, boolean countyBorder, Polygon boundary) {
    }

    private final ScopedQueries queries;

    Neighbours(ScopedQueries queries) {
        this.queries = queries;
    }

    public List<Outline> all() {
        return queries.from(Neighbour.class, "n").select("new cn.pingangrid.area.Neighbours$Outline(n.name, "
                + "n.county, n.countyBorder, n.boundary)", "order by n.id", Outline.class);
    }
}
