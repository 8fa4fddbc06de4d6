package cn.pingangrid.gisdata;

import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/** A GeoJSON feature: a geometry and its properties, which keep their insertion order when written. */
record Feature(Geometry geometry, Map<String, Object> properties) {

    /** A feature with properties given as alternating names and values. */
    static Feature of(Geometry geometry, Object... nameValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            props.put((String) nameValues[i], nameValues[i + 1]);
        }
        return new Feature(geometry, props);
    }
}
