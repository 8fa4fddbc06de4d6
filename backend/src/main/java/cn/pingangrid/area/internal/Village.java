package cn.pingangrid.area.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.AreaBound;

/** 村 or 社区: coded town code + 3 digits. Villages tile the town exactly. */
@Entity
@AreaBound(village = "code", contextForGridUsers = true, publicAttributes = { "code", "name", "kind" })
public class Village {

    @Id
    private String code;
    @Column(name = "town_code")
    private String townCode;
    private String name;
    /** {@code village} (村) or {@code community} (社区). */
    private String kind;
    private Integer population;
    private Integer households;
    private Polygon boundary;

    protected Village() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public Polygon getBoundary() {
        return boundary;
    }

    Feature toFeature() {
        return new Feature(code, boundary, properties());
    }

    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", code);
        properties.put("name", name);
        properties.put("kind", kind);
        properties.put("population", population);
        properties.put("households", households);
        properties.put("label", labelLngLat(boundary));
        return properties;
    }

    /** A point surely inside the polygon, where its name is drawn on the map. */
    static double[] labelLngLat(Polygon polygon) {
        Point p = polygon.getInteriorPoint();
        return new double[] { Math.round(p.getX() * 1e6) / 1e6, Math.round(p.getY() * 1e6) / 1e6 };
    }
}
