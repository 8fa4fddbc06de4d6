package cn.pingangrid.area.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.area.AreaNames;
import cn.pingangrid.area.GeographyReady;
import cn.pingangrid.area.RoadEdge;
import cn.pingangrid.geo.GeoJsonFeature;
import cn.pingangrid.scope.ScopedQueries;
import cn.pingangrid.scope.ScopedQuery;
import cn.pingangrid.scope.SpatialDialect;

/**
 * Reads the town, villages, grids and buildings through {@link ScopedQueries}: spatial predicates and the caller's
 * area both run in the database (st_intersects is indexed on PostGIS), so a bbox is cut to the caller's area and
 * nothing is filtered in memory. Codes and names of villages and grids are public ({@link #names}).
 */
@Repository
@Transactional(readOnly = true)
public class Geography {

    private final ScopedQueries queries;
    private volatile AreaNames names;

    Geography(ScopedQueries queries) {
        this.queries = queries;
    }

    public Optional<Town> town() {
        return queries.from(Town.class, "t").orderBy("t.code").first();
    }

    /** A village the caller sees (a grid manager: their own village, for its outline and name). */
    public Optional<Village> village(String code) {
        return queries.find(Village.class, code);
    }

    /**
     * The whole road network (public geography, {@code @Unbound}): every noded edge with its end-node ids, class and
     * line, in id order. What the patrol module builds its routing graph from.
     */
    public List<RoadEdge> roadNetwork() {
        return queries.from(Road.class, "r").select(
                "new cn.pingangrid.area.RoadEdge(r.id, r.fromNode, r.toNode, r.roadClass, r.name, r.geom)",
                "order by r.id", RoadEdge.class);
    }

    public Optional<Grid> grid(String code) {
        return queries.find(Grid.class, code);
    }

    public List<Village> villages(Polygon bbox) {
        return queries.from(Village.class, "v").intersects("v.boundary", bbox).orderBy("v.code").list();
    }

    /** The codes of the villages the caller sees, without reading their outlines. */
    public List<String> villageCodes() {
        return queries.from(Village.class, "v").orderBy("v.code").select("v.code", "", String.class);
    }

    /** The codes of the grids the caller sees, without reading their outlines. */
    public List<String> gridCodes() {
        return queries.from(Grid.class, "g").orderBy("g.code").select("g.code", "", String.class);
    }

    public List<Grid> grids(Polygon bbox, String villageCode) {
        return queries.from(Grid.class, "g").intersects("g.boundary", bbox).equal("g.villageCode", villageCode)
                .orderBy("g.code").list();
    }

    /** At most {@code limit} buildings, in code order. */
    public List<Building> buildings(Polygon bbox, String gridCode, String villageCode, int limit) {
        return buildingQuery(bbox, gridCode, villageCode).orderBy("b.code").list(limit);
    }

    /**
     * As {@link #buildings}, as GeoJSON features straight from the rows: on PostGIS the geometry is the database's
     * {@code ST_AsGeoJSON}, on H2GIS (in-process) JTS writes it from the row's WKB. Loading entities cost most of a
     * bbox request's CPU (a profile: Hibernate, WKB parsing, geometry copies).
     */
    public List<GeoJsonFeature> buildingFeatures(Envelope bbox, String gridCode, String villageCode, int limit) {
        boolean postgis = queries.dialect() == SpatialDialect.POSTGIS;
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT b.code, b.grid_code, b.building_use, b.floors, "
                + (postgis ? "ST_AsGeoJSON(b.footprint, 7)" : "ST_AsBinary(b.footprint)")
                + " FROM building b WHERE " + ScopedQueries.SCOPE_MARKER);
        if (bbox != null) {
            sql.append(" AND ").append(meets("b.footprint", BOX));
            values.putAll(Map.of("minLng", bbox.getMinX(), "minLat", bbox.getMinY(), "maxLng", bbox.getMaxX(),
                    "maxLat", bbox.getMaxY()));
        }
        if (gridCode != null) {
            sql.append(" AND b.grid_code = :grid");
            values.put("grid", gridCode);
        }
        if (villageCode != null) {
            sql.append(" AND b.grid_code IN (SELECT g.code FROM grid g WHERE g.village_code = :village)");
            values.put("village", villageCode);
        }
        sql.append(" ORDER BY b.code LIMIT ").append(limit);
        GeoJsonWriter json = new GeoJsonWriter(7);
        json.setEncodeCRS(false);
        WKBReader wkb = new WKBReader();
        List<GeoJsonFeature> features = new ArrayList<>();
        for (Object[] row : queries.nativeRows(Building.class, "b", sql.toString(), values)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", row[0]);
            properties.put("gridCode", row[1]);
            properties.put("use", row[2]);
            properties.put("floors", row[3] == null ? null : ((Number) row[3]).intValue());
            features.add(new GeoJsonFeature(row[0], postgis ? row[4].toString() : json.write(read(wkb, row[4])),
                    properties));
        }
        return features;
    }

    private static Geometry read(WKBReader wkb, Object bytes) {
        try {
            return wkb.read((byte[]) bytes);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored footprint is not WKB", e);
        }
    }

    public long buildingCount(String gridCode, String villageCode) {
        return buildingQuery(null, gridCode, villageCode).count();
    }

    public long gridCount(String villageCode) {
        return queries.from(Grid.class, "g").equal("g.villageCode", villageCode).count();
    }

    /** The caller's grid at a point; on a shared boundary the lowest code wins, so the answer is stable. */
    public Optional<Grid> gridAt(Point point) {
        return queries.from(Grid.class, "g").intersects("g.boundary", point).orderBy("g.code").first();
    }

    /** Whether the point lies in the town at all (to tell "outside the town" from "outside your area"). */
    public boolean inTown(Point point) {
        return queries.from(Town.class, "t").intersects("t.boundary", point).count() > 0;
    }

    /** What lies at a point in the caller's area: grid, village and building, read without their geometries. */
    public Optional<Location> locate(Point point) {
        // native SQL: a JPQL query here was translated to SQL again on every call (Hibernate does not keep the
        // translation of a query with a geometry parameter), most of locate's CPU in a profile
        Map<String, Object> at = Map.of("lng", point.getX(), "lat", point.getY());
        List<Object[]> grid = queries.nativeRows(Grid.class, "g", "SELECT g.code, g.name, g.village_code FROM grid g"
                + " WHERE " + meets("g.boundary", POINT) + " AND " + ScopedQueries.SCOPE_MARKER
                + " ORDER BY g.code LIMIT 1", at);
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        Object[] g = grid.get(0);
        List<Object[]> building = queries.nativeRows(Building.class, "b", "SELECT b.code, b.grid_code, "
                + "b.building_use, b.floors FROM building b WHERE " + meets("b.footprint", POINT) + " AND "
                + ScopedQueries.SCOPE_MARKER + " ORDER BY b.code LIMIT 1", at);
        Location.BuildingAt b = building.isEmpty() ? null : new Location.BuildingAt((String) building.get(0)[0],
                (String) building.get(0)[1], (String) building.get(0)[2],
                building.get(0)[3] == null ? null : ((Number) building.get(0)[3]).intValue());
        AreaNames.Village village = names().villages().get((String) g[2]);
        return Optional.of(new Location((String) g[0], (String) g[1], village.code(), village.name(), village.kind(),
                b));
    }

    private static final String POINT = "ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)";
    private static final String BOX = "ST_MakeEnvelope(:minLng, :minLat, :maxLng, :maxLat, 4326)";

    /** The column's shape meets {@code shape}; {@code &&} first: the index operator on both databases. */
    private static String meets(String column, String shape) {
        return column + " && " + shape + " AND ST_Intersects(" + column + ", " + shape + ")";
    }

    /** Visible villages whose name contains {@code text} or whose code starts with it. */
    public List<Village> villagesMatching(String text, int limit) {
        return queries.from(Village.class, "v").where("(v.name like :contains or v.code like :prefix)",
                Map.of("contains", "%" + text + "%", "prefix", text + "%")).orderBy("v.code").list(limit);
    }

    public List<Grid> gridsMatching(String text, int limit) {
        return queries.from(Grid.class, "g").where("(g.name like :contains or g.code like :prefix)",
                Map.of("contains", "%" + text + "%", "prefix", text + "%")).orderBy("g.code").list(limit);
    }

    /**
     * Every village's and grid's code and name, whoever asks (see {@link AreaNames}). Read once and kept: the
     * names change only when the dataset is imported, which publishes {@link GeographyReady} and so drops the copy.
     * (Read per request it cost locate 14 % of its throughput.)
     */
    public AreaNames names() {
        AreaNames kept = names;
        if (kept == null || kept.villages().isEmpty()) {
            kept = readNames();
            names = kept;
        }
        return kept;
    }

    @EventListener
    void forgetNames(GeographyReady imported) {
        names = null;
    }

    private AreaNames readNames() {
        Map<String, AreaNames.Village> villages = new LinkedHashMap<>();
        for (Object[] row : queries.publicColumns(Village.class, "code", "name", "kind")) {
            villages.put((String) row[0], new AreaNames.Village((String) row[0], (String) row[1], (String) row[2]));
        }
        Map<String, AreaNames.Grid> grids = new LinkedHashMap<>();
        for (Object[] row : queries.publicColumns(Grid.class, "code", "name", "villageCode")) {
            grids.put((String) row[0], new AreaNames.Grid((String) row[0], (String) row[1], (String) row[2]));
        }
        return new AreaNames(villages, grids);
    }

    private ScopedQuery<Building> buildingQuery(Polygon bbox, String gridCode, String villageCode) {
        ScopedQuery<Building> q = queries.from(Building.class, "b").intersects("b.footprint", bbox)
                .equal("b.gridCode", gridCode);
        if (villageCode != null) {
            q.where("b.gridCode in (select g.code from Grid g where g.villageCode = :village)",
                    Map.of("village", villageCode));
        }
        return q;
    }
}
