package cn.pingangrid.gisdata;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes RFC 7946 GeoJSON byte for byte the same for the same input: longitude before latitude, at most
 * {@value GaussKrugerProjection#DECIMALS} decimals without trailing zeros, exterior rings counter-clockwise and
 * holes clockwise, properties in insertion order, UTF-8 without escaping Chinese, one feature per line.
 */
final class GeoJsonFiles {

    private GeoJsonFiles() {
    }

    /** A FeatureCollection with a {@code name} member (as GDAL writes it), one feature per line. */
    static String featureCollection(String name, List<Feature> features) {
        StringBuilder sb = new StringBuilder(features.size() * 200 + 100);
        sb.append("{\"type\":\"FeatureCollection\",\"name\":").append(string(name)).append(",\"features\":[\n");
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            sb.append("{\"type\":\"Feature\",\"properties\":");
            properties(f.properties(), sb);
            sb.append(",\"geometry\":");
            geometry(f.geometry(), sb);
            sb.append(i + 1 < features.size() ? "},\n" : "}\n");
        }
        sb.append("]}\n");
        return sb.toString();
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static void properties(Map<String, Object> props, StringBuilder sb) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : props.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(string(e.getKey())).append(':');
            value(e.getValue(), sb);
        }
        sb.append('}');
    }

    @SuppressWarnings("unchecked")
    static void value(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append(string(s));
        } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Double d) {
            sb.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (v instanceof Map<?, ?> m) {
            properties((Map<String, Object>) m, sb);
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(list.get(i), sb);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("unsupported property value " + v.getClass());
        }
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static void geometry(Geometry g, StringBuilder sb) {
        if (g instanceof Point p) {
            sb.append("{\"type\":\"Point\",\"coordinates\":");
            position(p.getCoordinate(), sb);
        } else if (g instanceof LinearRing) {
            throw new IllegalArgumentException("a ring is not a GeoJSON geometry");
        } else if (g instanceof LineString l) {
            sb.append("{\"type\":\"LineString\",\"coordinates\":");
            positions(l.getCoordinates(), sb);
        } else if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(p, sb);
        } else {
            throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
        }
        sb.append('}');
    }

    private static void polygon(Polygon p, StringBuilder sb) {
        sb.append('[');
        ring(p.getExteriorRing().getCoordinates(), true, sb);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            ring(p.getInteriorRingN(i).getCoordinates(), false, sb);
        }
        sb.append(']');
    }

    private static void ring(Coordinate[] c, boolean ccw, StringBuilder sb) {
        if (Orientation.isCCW(c) != ccw) {
            Coordinate[] r = new Coordinate[c.length];
            for (int i = 0; i < c.length; i++) {
                r[i] = c[c.length - 1 - i];
            }
            c = r;
        }
        positions(c, sb);
    }

    private static void positions(Coordinate[] c, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < c.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            position(c[i], sb);
        }
        sb.append(']');
    }

    private static void position(Coordinate c, StringBuilder sb) {
        sb.append('[').append(degrees(c.x)).append(',').append(degrees(c.y)).append(']');
    }

    /** Degrees with at most 7 decimals and no trailing zeros. */
    static String degrees(double v) {
        return BigDecimal.valueOf(Math.round(v * 1e7), GaussKrugerProjection.DECIMALS).stripTrailingZeros()
                .toPlainString();
    }
}
