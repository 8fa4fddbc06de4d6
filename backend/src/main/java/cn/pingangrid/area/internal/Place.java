package cn.pingangrid.area.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Point;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.Unbound;

/** A named place (government, police station, ferry, scenic spot …) for labels and later 平安创建 sites. */
@Entity
@Unbound("base map: public geography, the same for every signed-in user")
public class Place {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String kind;
    @Column(name = "village_code")
    private String villageCode;
    private Point location;

    protected Place() {
    }

    Feature toFeature() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("kind", kind);
        properties.put("villageCode", villageCode);
        return new Feature(id, location, properties);
    }
}
