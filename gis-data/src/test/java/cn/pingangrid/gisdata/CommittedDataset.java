package cn.pingangrid.gisdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The committed files, read from the classpath as the backend reads them, parsed once per test JVM. Holds a
 * small strict JSON parser (objects keep their member order, numbers are doubles) so the tests depend on no
 * JSON library.
 */
final class CommittedDataset {

    /** One feature as read: its geometry (SRID 4326, longitude/latitude) and properties. */
    record Feature(Geometry geometry, Map<String, Object> properties) {
        String string(String name) {
            return (String) properties.get(name);
        }

        int integer(String name) {
            return ((Number) properties.get(name)).intValue();
        }
    }

    static final GeometryFactory LNG_LAT = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Map<String, List<Feature>> CACHE = new ConcurrentHashMap<>();

    private CommittedDataset() {
    }

    static List<Feature> layer(String name) {
        return CACHE.computeIfAbsent(name, n -> parseLayer(text(n + ".geojson")));
    }

    static String text(String file) {
        String path = "/" + DaligangGenerator.RESOURCE_DIR + "/" + file;
        try (InputStream in = CommittedDataset.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Feature> parseLayer(String json) {
        Map<String, Object> root = (Map<String, Object>) new Parser(json).parse();
        if (!"FeatureCollection".equals(root.get("type"))) {
            throw new IllegalArgumentException("not a FeatureCollection");
        }
        List<Feature> features = new ArrayList<>();
        for (Object o : (List<Object>) root.get("features")) {
            Map<String, Object> f = (Map<String, Object>) o;
            features.add(new Feature(geometry((Map<String, Object>) f.get("geometry")),
                    (Map<String, Object>) f.get("properties")));
        }
        return features;
    }

    @SuppressWarnings("unchecked")
    static Object parseJson(String json) {
        return new Parser(json).parse();
    }

    @SuppressWarnings("unchecked")
    private static Geometry geometry(Map<String, Object> g) {
        String type = (String) g.get("type");
        List<Object> coords = (List<Object>) g.get("coordinates");
        return switch (type) {
            case "Point" -> LNG_LAT.createPoint(position(coords));
            case "LineString" -> LNG_LAT.createLineString(positions(coords));
            case "Polygon" -> {
                LinearRing shell = LNG_LAT.createLinearRing(positions((List<Object>) coords.get(0)));
                LinearRing[] holes = new LinearRing[coords.size() - 1];
                for (int i = 1; i < coords.size(); i++) {
                    holes[i - 1] = LNG_LAT.createLinearRing(positions((List<Object>) coords.get(i)));
                }
                yield LNG_LAT.createPolygon(shell, holes);
            }
            default -> throw new IllegalArgumentException("unexpected geometry type " + type);
        };
    }

    @SuppressWarnings("unchecked")
    private static Coordinate[] positions(List<Object> list) {
        Coordinate[] c = new Coordinate[list.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = position((List<Object>) list.get(i));
        }
        return c;
    }

    private static Coordinate position(List<Object> p) {
        if (p.size() != 2) {
            throw new IllegalArgumentException("expected [lng, lat], got " + p);
        }
        return new Coordinate((Double) p.get(0), (Double) p.get(1));
    }

    /** A strict recursive-descent JSON parser. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            skip();
            if (i != s.length()) {
                throw error("trailing content");
            }
            return v;
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                if (m.put(key, value()) != null) {
                    throw error("duplicate member " + key);
                }
                skip();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            skip();
            if (s.charAt(i) == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                skip();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private Double number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character");
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
            return v;
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + i);
        }
    }
}
