package cn.pingangrid.area.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.LineString;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.Unbound;

/** One edge of the noded road network, between two node ids; the graph patrol routing will walk. */
@Entity
@Unbound("base map: public geography, the same for every signed-in user")
public class Road {

    @Id
    private long id;
    @Column(name = "from_node")
    private long fromNode;
    @Column(name = "to_node")
    private long toNode;
    /** national, provincial, county, town or village. */
    @Column(name = "road_class")
    private String roadClass;
    private String ref;
    private String name;
    @Column(name = "speed_kmh")
    private int speedKmh;
    private LineString geom;

    protected Road() {
    }

    Feature toFeature() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("fromNode", fromNode);
        properties.put("toNode", toNode);
        properties.put("roadClass", roadClass);
        properties.put("ref", ref);
        properties.put("name", name);
        properties.put("speedKmh", speedKmh);
        return new Feature(id, geom, properties);
    }
}
