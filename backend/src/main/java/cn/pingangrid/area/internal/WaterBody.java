package cn.pingangrid.area.internal;

import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.Unbound;

/** A river (polygon) or stream (line), drawn on the offline base map. */
@Entity
@Unbound("base map: public geography, the same for every signed-in user")
@Table(name = "water")
public class WaterBody {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    /** river or stream. */
    private String kind;
    private Geometry geom;

    protected WaterBody() {
    }

    Feature toFeature() {
        return new Feature(id, geom, Map.of("name", name, "kind", kind));
    }
}
