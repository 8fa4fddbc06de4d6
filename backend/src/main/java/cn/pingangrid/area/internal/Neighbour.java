package cn.pingangrid.area.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Polygon;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.Unbound;

/** A neighbouring jurisdiction around the town outline; the border work uses its shared edge. */
@Entity
@Unbound("base map: public geography, the same for every signed-in user")
public class Neighbour {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String county;
    @Column(name = "county_border")
    private boolean countyBorder;
    private Polygon boundary;

    protected Neighbour() {
    }

    Feature toFeature() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("county", county);
        properties.put("countyBorder", countyBorder);
        return new Feature(id, boundary, properties);
    }
}
