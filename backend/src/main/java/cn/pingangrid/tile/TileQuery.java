package cn.pingangrid.tile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.scope.SpatialDialect;

/**
 * The SQL of one tile layer over one table, run through {@link ScopedQueries#nativeRows} so the caller's scope is
 * in the WHERE clause: on PostGIS one statement ({@code ST_AsMVTGeom} + {@code ST_AsMVT}, values bound, so no
 * parallel plan with JIT), on H2GIS the same rows read with the {@code &&} index operator and encoded by
 * {@link VectorTileEncoder}. {@value #ENVELOPE} in a condition is the tile and its buffer in longitude/latitude.
 */
public final class TileQuery {

    /** The tile with its buffer, as a bound {@code ST_MakeEnvelope} in EPSG:4326. */
    public static final String ENVELOPE = "{envelope}";

    private final Class<?> entity;
    private final String from;
    private final String alias;
    private String geometry;
    private String id;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String groupBy = "";

    private TileQuery(Class<?> entity, String table, String alias) {
        this.entity = entity;
        this.from = table + " " + alias;
        this.alias = alias;
    }

    /** Rows of {@code table} (aliased), the table of {@code entity}, whose scope applies. */
    public static TileQuery over(Class<?> entity, String table, String alias) {
        return new TileQuery(entity, table, alias);
    }

    /** The SQL expression of each feature's geometry (EPSG:4326); may be an aggregate with {@link #groupBy}. */
    public TileQuery geometry(String expression) {
        this.geometry = expression;
        return this;
    }

    /** A whole-number SQL expression used as the feature id. */
    public TileQuery id(String expression) {
        this.id = expression;
        return this;
    }

    public TileQuery property(String name, String expression) {
        properties.put(name, expression);
        return this;
    }

    /** Only rows whose {@code column}'s bounding box meets the tile's (the index operator on both databases). */
    public TileQuery intersecting(String column) {
        return where(column + " && " + ENVELOPE, Map.of());
    }

    public TileQuery where(String condition, Map<String, ?> bound) {
        conditions.add(condition);
        values.putAll(bound);
        return this;
    }

    public TileQuery groupBy(String expressions) {
        this.groupBy = " GROUP BY " + expressions;
        return this;
    }

    /** The tile's bytes for the caller; the empty tile when nothing of the caller's lies in it. */
    public byte[] render(ScopedQueries queries, TileAddress tile, String layer) {
        Envelope e = tile.lngLatWithBuffer();
        Map<String, Object> bound = new LinkedHashMap<>(values);
        bound.putAll(Map.of("tMinLng", e.getMinX(), "tMinLat", e.getMinY(), "tMaxLng", e.getMaxX(), "tMaxLat",
                e.getMaxY()));
        String where = " WHERE " + ScopedQueries.SCOPE_MARKER
                + conditions.stream().map(c -> " AND " + c.replace(ENVELOPE,
                        "ST_MakeEnvelope(:tMinLng, :tMinLat, :tMaxLng, :tMaxLat, 4326)")).reduce("", String::concat);
        if (queries.dialect() == SpatialDialect.POSTGIS) {
            bound.putAll(Map.of("tz", tile.z(), "tx", tile.x(), "ty", tile.y(), "tLayer", layer));
            StringBuilder select = new StringBuilder("ST_AsMVTGeom(ST_Transform(" + geometry
                    + ", 3857), ST_TileEnvelope(:tz, :tx, :ty), " + TileAddress.EXTENT + ", " + TileAddress.BUFFER
                    + ", true) AS mvt_geom");
            if (id != null) {
                select.append(", ").append(id).append(" AS mvt_id");
            }
            properties.forEach((name, expression) -> select.append(", ").append(expression).append(" AS \"")
                    .append(name).append('"'));
            String sql = "SELECT ST_AsMVT(t, :tLayer, " + TileAddress.EXTENT + ", 'mvt_geom'"
                    + (id == null ? "" : ", 'mvt_id'") + ") FROM (SELECT " + select + " FROM " + from + where
                    + groupBy + ") t";
            List<Object[]> rows = queries.nativeRows(entity, alias, sql, bound);
            Object bytes = rows.isEmpty() ? null : rows.get(0)[0];
            return bytes == null ? new byte[0] : (byte[]) bytes;
        }
        StringBuilder select = new StringBuilder("ST_AsBinary(" + geometry + ")");
        select.append(", ").append(id == null ? "NULL" : id);
        properties.values().forEach(expression -> select.append(", ").append(expression));
        List<Object[]> rows = queries.nativeRows(entity, alias, "SELECT " + select + " FROM " + from + where + groupBy,
                bound);
        VectorTileEncoder encoder = new VectorTileEncoder(tile);
        List<String> names = List.copyOf(properties.keySet());
        WKBReader wkb = new WKBReader();
        for (Object[] row : rows) {
            Map<String, Object> feature = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                feature.put(names.get(i), row[i + 2]);
            }
            encoder.add(layer, geometryOf(row[0], wkb), feature, row[1] == null ? null : ((Number) row[1]).longValue());
        }
        return encoder.encode();
    }

    private static Geometry geometryOf(Object value, WKBReader wkb) {
        if (value == null || value instanceof Geometry) {
            return (Geometry) value;
        }
        try {
            return wkb.read((byte[]) value);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable geometry from the database", e);
        }
    }
}
