package cn.pingangrid.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mapbox Vector Tile read back for tests, written from the specification independently of the server's encoder:
 * layers, features with id, type, properties and geometry as parts of tile-unit points (rings closed by the
 * reader).
 */
public record MvtTile(Map<String, List<Feature>> layers) {

    public record Feature(Long id, int type, Map<String, Object> properties, List<List<long[]>> parts) {

        /** The signed area of a part in tile units (y down): positive for an exterior ring. */
        public double area(int part) {
            List<long[]> ring = parts.get(part);
            double twice = 0;
            for (int i = 0; i < ring.size(); i++) {
                long[] a = ring.get(i);
                long[] b = ring.get((i + 1) % ring.size());
                twice += a[0] * b[1] - b[0] * a[1];
            }
            return twice / 2;
        }
    }

    public List<Feature> layer(String name) {
        return layers.getOrDefault(name, List.of());
    }

    public static MvtTile read(byte[] bytes) {
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        Reader tile = new Reader(ByteBuffer.wrap(bytes));
        while (tile.more()) {
            long key = tile.varint();
            if (key >>> 3 == 3) {
                readLayer(tile.sub(), layers);
            } else {
                tile.skip((int) key & 7);
            }
        }
        return new MvtTile(layers);
    }

    private static void readLayer(Reader r, Map<String, List<Feature>> layers) {
        String name = null;
        List<Reader> features = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        while (r.more()) {
            long key = r.varint();
            switch ((int) (key >>> 3)) {
                case 1 -> name = r.string();
                case 2 -> features.add(r.sub());
                case 3 -> keys.add(r.string());
                case 4 -> values.add(readValue(r.sub()));
                default -> r.skip((int) key & 7);
            }
        }
        List<Feature> out = new ArrayList<>();
        for (Reader f : features) {
            Long id = null;
            int type = 0;
            Map<String, Object> properties = new LinkedHashMap<>();
            List<List<long[]>> parts = new ArrayList<>();
            while (f.more()) {
                long key = f.varint();
                switch ((int) (key >>> 3)) {
                    case 1 -> id = f.varint();
                    case 2 -> {
                        Reader tags = f.sub();
                        while (tags.more()) {
                            properties.put(keys.get((int) tags.varint()), values.get((int) tags.varint()));
                        }
                    }
                    case 3 -> type = (int) f.varint();
                    case 4 -> parts = geometry(f.sub());
                    default -> f.skip((int) key & 7);
                }
            }
            out.add(new Feature(id, type, properties, parts));
        }
        layers.put(name, out);
    }

    private static List<List<long[]>> geometry(Reader r) {
        List<List<long[]>> parts = new ArrayList<>();
        long x = 0;
        long y = 0;
        List<long[]> part = null;
        while (r.more()) {
            long command = r.varint();
            int id = (int) command & 7;
            long count = command >>> 3;
            if (id == 7) {
                continue; // ClosePath: the ring's first point closes it
            }
            for (long i = 0; i < count; i++) {
                x += zigZag(r.varint());
                y += zigZag(r.varint());
                if (id == 1) {
                    part = new ArrayList<>();
                    parts.add(part);
                }
                part.add(new long[] { x, y });
            }
        }
        return parts;
    }

    private static Object readValue(Reader r) {
        Object value = null;
        while (r.more()) {
            long key = r.varint();
            switch ((int) (key >>> 3)) {
                case 1 -> value = r.string();
                case 2 -> value = (double) r.buffer.order(ByteOrder.LITTLE_ENDIAN).getFloat();
                case 3 -> value = r.buffer.order(ByteOrder.LITTLE_ENDIAN).getDouble();
                case 4, 5 -> value = r.varint();
                case 6 -> value = zigZag(r.varint());
                case 7 -> value = r.varint() != 0;
                default -> r.skip((int) key & 7);
            }
        }
        return value;
    }

    private static long zigZag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static final class Reader {
        final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        boolean more() {
            return buffer.hasRemaining();
        }

        long varint() {
            long value = 0;
            for (int shift = 0;; shift += 7) {
                byte b = buffer.get();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        Reader sub() {
            int length = (int) varint();
            ByteBuffer slice = buffer.slice(buffer.position(), length);
            buffer.position(buffer.position() + length);
            return new Reader(slice);
        }

        String string() {
            Reader s = sub();
            byte[] bytes = new byte[s.buffer.remaining()];
            s.buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> buffer.position(buffer.position() + 8);
                case 2 -> sub();
                case 5 -> buffer.position(buffer.position() + 4);
                default -> throw new IllegalStateException("wire type " + wireType);
            }
        }
    }
}
