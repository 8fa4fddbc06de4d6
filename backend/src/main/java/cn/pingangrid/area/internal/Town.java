package cn.pingangrid.area.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Polygon;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.scope.Unbound;

/** 镇: the whole jurisdiction, coded with its 9-digit 统计用区划代码 (430922117 for 大栗港镇). */
@Entity
@Unbound("base map: public geography, the same for every signed-in user")
public class Town {

    @Id
    private String code;
    private String name;
    @Column(name = "county_code")
    private String countyCode;
    private String county;
    private Integer population;
    private Polygon boundary;

    protected Town() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Polygon getBoundary() {
        return boundary;
    }

    Feature toFeature() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", code);
        properties.put("name", name);
        properties.put("countyCode", countyCode);
        properties.put("county", county);
        properties.put("population", population);
        return new Feature(code, boundary, properties);
    }
}
