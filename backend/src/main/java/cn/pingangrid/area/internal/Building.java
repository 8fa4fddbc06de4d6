package cn.pingangrid.area.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.locationtech.jts.geom.Polygon;

import cn.pingangrid.scope.AreaBound;

/** 楼栋: coded grid code + 5 digits; each lies inside exactly one grid. */
@Entity
@AreaBound(grid = "gridCode")
public class Building {

    @Id
    private String code;
    @Column(name = "grid_code")
    private String gridCode;
    /** residential, commercial, public, industrial or farm. */
    @Column(name = "building_use")
    private String use;
    private int floors;
    private Polygon footprint;

    protected Building() {
    }

    public String getCode() {
        return code;
    }

    public String getGridCode() {
        return gridCode;
    }

    public String getUse() {
        return use;
    }

    public int getFloors() {
        return floors;
    }

    public Polygon getFootprint() {
        return footprint;
    }
}
