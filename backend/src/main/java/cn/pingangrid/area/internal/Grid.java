package cn.pingangrid.area.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Polygon;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.AreaBound;

/** 网格: coded village code + 2 digits; the grids of a village tile it exactly. */
@Entity
@AreaBound(village = "villageCode", grid = "code", publicAttributes = { "code", "name", "villageCode" })
public class Grid {

    @Id
    private String code;
    @Column(name = "village_code")
    private String villageCode;
    private String name;
    private int seq;
    private Polygon boundary;

    protected Grid() {
    }

    public String getCode() {
        return code;
    }

    public String getVillageCode() {
        return villageCode;
    }

    public String getName() {
        return name;
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
        properties.put("villageCode", villageCode);
        properties.put("seq", seq);
        properties.put("label", Village.labelLngLat(boundary));
        return properties;
    }
}
