package cn.pingangrid.tile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Encodes longitude/latitude JTS geometries with their properties as one Mapbox Vector Tile (spec 2.1): projected
 * to Web Mercator tile units (0..{@link TileAddress#EXTENT}), clipped to the tile plus its
 * {@link TileAddress#BUFFER}, rounded to whole units, exterior rings clockwise on screen (positive area with y
 * down), consecutive duplicate points dropped. What PostGIS's {@code ST_AsMVTGeom} + {@code ST_AsMVT} do, for the
 * embedded database. Written here rather than taken from a library: the one that resolves pulls an old protobuf
 * runtime, and the format needs only varints and length-prefixed fields.
 *
 * <p>Limits: a geometry that collapses below one tile unit (a building at zoom 12) is dropped, not kept as a
 * point; no simplification beyond rounding.
 */
public final class VectorTileEncoder {

    private static final int MOVE_TO = 1;
    private static final int LINE_TO = 2;
    private static final int CLOSE_PATH = 7;

    private final TileAddress tile;
    private final Envelope mercator;
    private final Envelope clip;
    private final GeometryFactory factory = new GeometryFactory();
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    public VectorTileEncoder(TileAddress tile) {
        this.tile = tile;
        this.mercator = tile.mercator();
        int b = TileAddress.BUFFER;
        this.clip = new Envelope(-b, TileAddress.EXTENT + b, -b, TileAddress.EXTENT + b);
    }

    public TileAddress tile() {
        return tile;
    }

    /**
     * Adds a feature to {@code layer} (made on first use); {@code properties} may hold strings, whole numbers,
     * decimals and booleans (nulls are left out); {@code id} may be null. Returns whether anything of it lies in
     * the tile.
     */
    public boolean add(String layer, Geometry lngLat, Map<String, ?> properties, Long id) {
        if (lngLat == null || lngLat.isEmpty()) {
            return false;
        }
        Geometry g = toTileUnits(lngLat);
        if (!clip.contains(g.getEnvelopeInternal())) {
            if (!clip.intersects(g.getEnvelopeInternal())) {
                return false;
            }
            g = g instanceof Puntal ? g.intersection(factory.toGeometry(clip))
                    : OverlayNGRobust.overlay(g, factory.toGeometry(clip), OverlayNG.INTERSECTION);
        }
        Commands commands = new Commands();
        int type = encode(g, commands, lngLat);
        if (type == 0 || commands.values.isEmpty()) {
            return false;
        }
        Layer l = layers.computeIfAbsent(layer, Layer::new);
        l.features.add(new EncodedFeature(id, l.tags(properties), type, commands.values));
        return true;
    }

    /** The tile as bytes; no layer at all gives the empty tile (zero bytes), which is valid MVT. */
    public byte[] encode() {
        Protobuf tileMessage = new Protobuf();
        for (Layer layer : layers.values()) {
            tileMessage.message(3, layer.encode());
        }
        return tileMessage.bytes();
    }

    private Geometry toTileUnits(Geometry lngLat) {
        Geometry g = lngLat.copy();
        double sx = TileAddress.EXTENT / mercator.getWidth();
        double sy = TileAddress.EXTENT / mercator.getHeight();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (TileAddress.mercatorX(seq.getX(i)) - mercator.getMinX()) * sx);
                seq.setOrdinate(i, 1, (mercator.getMaxY() - TileAddress.mercatorY(seq.getY(i))) * sy);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }

    /** Writes the commands of {@code g}'s parts of the original's dimension; answers the MVT geometry type or 0. */
    private static int encode(Geometry g, Commands out, Geometry original) {
        if (original instanceof Puntal) {
            List<int[]> points = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Point p && !p.isEmpty()) {
                    points.add(new int[] { (int) Math.round(p.getX()), (int) Math.round(p.getY()) });
                }
            }
            if (points.isEmpty()) {
                return 0;
            }
            out.command(MOVE_TO, points.size());
            points.forEach(out::point);
            return 1;
        }
        if (original instanceof Lineal) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString line) {
                    List<int[]> points = rounded(line.getCoordinates(), false);
                    if (points.size() >= 2) {
                        out.command(MOVE_TO, 1);
                        out.point(points.get(0));
                        out.command(LINE_TO, points.size() - 1);
                        points.subList(1, points.size()).forEach(out::point);
                    }
                }
            }
            return 2;
        }
        if (original instanceof Polygonal) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                    if (!ring(polygon.getExteriorRing().getCoordinates(), true, out)) {
                        continue;
                    }
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        ring(polygon.getInteriorRingN(h).getCoordinates(), false, out);
                    }
                }
            }
            return 3;
        }
        return 0;
    }

    /** One ring: at least three distinct rounded points; exterior positive area in tile units, holes negative. */
    private static boolean ring(Coordinate[] coordinates, boolean exterior, Commands out) {
        List<int[]> points = rounded(coordinates, true);
        if (points.size() < 3) {
            return false;
        }
        long twiceArea = 0;
        for (int i = 0; i < points.size(); i++) {
            int[] a = points.get(i);
            int[] b = points.get((i + 1) % points.size());
            twiceArea += (long) a[0] * b[1] - (long) b[0] * a[1];
        }
        if (twiceArea == 0) {
            return false;
        }
        if (twiceArea > 0 != exterior) {
            java.util.Collections.reverse(points);
        }
        out.command(MOVE_TO, 1);
        out.point(points.get(0));
        out.command(LINE_TO, points.size() - 1);
        points.subList(1, points.size()).forEach(out::point);
        out.command(CLOSE_PATH, 1);
        return true;
    }

    private static List<int[]> rounded(Coordinate[] coordinates, boolean closed) {
        List<int[]> points = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            int[] p = { (int) Math.round(c.x), (int) Math.round(c.y) };
            int[] last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last == null || last[0] != p[0] || last[1] != p[1]) {
                points.add(p);
            }
        }
        if (closed && points.size() > 1 && points.get(0)[0] == points.get(points.size() - 1)[0]
                && points.get(0)[1] == points.get(points.size() - 1)[1]) {
            points.remove(points.size() - 1);
        }
        return points;
    }

    /** A feature's geometry commands, the cursor carried from part to part as the format requires. */
    private static final class Commands {
        final List<Integer> values = new ArrayList<>();
        int x;
        int y;

        void command(int id, int count) {
            values.add((id & 0x7) | (count << 3));
        }

        void point(int[] p) {
            values.add(zigZag(p[0] - x));
            values.add(zigZag(p[1] - y));
            x = p[0];
            y = p[1];
        }
    }

    private static int zigZag(int n) {
        return (n << 1) ^ (n >> 31);
    }

    private record EncodedFeature(Long id, List<Integer> tags, int type, List<Integer> geometry) {
    }

    private static final class Layer {
        final String name;
        final List<EncodedFeature> features = new ArrayList<>();
        final Map<String, Integer> keys = new LinkedHashMap<>();
        final Map<Object, Integer> values = new LinkedHashMap<>();

        Layer(String name) {
            this.name = name;
        }

        List<Integer> tags(Map<String, ?> properties) {
            List<Integer> tags = new ArrayList<>();
            if (properties == null) {
                return tags;
            }
            properties.forEach((key, value) -> {
                Object v = value instanceof Integer || value instanceof Short || value instanceof Byte
                        ? Long.valueOf(((Number) value).longValue())
                        : value instanceof Float f ? Double.valueOf(f) : value;
                if (v instanceof java.math.BigDecimal d) {
                    v = d.scale() <= 0 ? (Object) d.longValue() : (Object) d.doubleValue();
                } else if (v instanceof java.math.BigInteger i) {
                    v = i.longValue();
                }
                if (v == null || !(v instanceof String || v instanceof Long || v instanceof Double
                        || v instanceof Boolean)) {
                    return;
                }
                tags.add(keys.computeIfAbsent(key, k -> keys.size()));
                tags.add(values.computeIfAbsent(v, k -> values.size()));
            });
            return tags;
        }

        byte[] encode() {
            Protobuf layer = new Protobuf();
            layer.varint(15, 2);
            layer.string(1, name);
            for (EncodedFeature f : features) {
                Protobuf feature = new Protobuf();
                if (f.id() != null) {
                    feature.varint(1, f.id());
                }
                if (!f.tags().isEmpty()) {
                    feature.packed(2, f.tags());
                }
                feature.varint(3, f.type());
                feature.packed(4, f.geometry());
                layer.message(2, feature.bytes());
            }
            keys.keySet().forEach(k -> layer.string(3, k));
            for (Object v : values.keySet()) {
                Protobuf value = new Protobuf();
                if (v instanceof String s) {
                    value.string(1, s);
                } else if (v instanceof Double d) {
                    value.fixed64(3, Double.doubleToLongBits(d));
                } else if (v instanceof Long n) {
                    value.varint(6, (n << 1) ^ (n >> 63)); // sint64
                } else {
                    value.varint(7, (Boolean) v ? 1 : 0);
                }
                layer.message(4, value.bytes());
            }
            layer.varint(5, TileAddress.EXTENT);
            return layer.bytes();
        }
    }

    /** The few protobuf wire forms MVT uses. */
    private static final class Protobuf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            raw((field << 3) | 0);
            raw(value);
        }

        void fixed64(int field, long value) {
            raw((field << 3) | 1);
            for (int i = 0; i < 8; i++) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
        }

        void string(int field, String text) {
            message(field, text.getBytes(StandardCharsets.UTF_8));
        }

        void message(int field, byte[] bytes) {
            raw((field << 3) | 2);
            raw(bytes.length);
            out.writeBytes(bytes);
        }

        void packed(int field, List<Integer> values) {
            Protobuf body = new Protobuf();
            values.forEach(v -> body.raw(v & 0xffffffffL));
            message(field, body.bytes());
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
