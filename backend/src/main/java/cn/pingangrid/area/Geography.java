package cn.pingangrid.area;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the town, villages, grids and buildings. Spatial predicates and the caller's {@link AreaScope} both run
 * in the database (st_intersects is indexed on PostGIS); optional filters compose one JPQL query, so nothing is
 * filtered in memory and a bbox is cut to the caller's area.
 */
@Repository
@Transactional(readOnly = true)
public class Geography {

    private final EntityManager em;

    Geography(EntityManager em) {
        this.em = em;
    }

    public Optional<Town> town() {
        return em.createQuery("select t from Town t order by t.code", Town.class).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** A village by code, whoever asks; for checking codes (callers showing it apply the scope). */
    public Optional<Village> village(String code) {
        return Optional.ofNullable(em.find(Village.class, code));
    }

    /**
     * The whole road network (public geography, no scope): every noded edge with its end-node ids, class and
     * line, in id order. What the patrol module builds its routing graph from.
     */
    public List<RoadEdge> roadNetwork() {
        return em.createQuery("select new cn.pingangrid.area.RoadEdge(r.id, r.fromNode, r.toNode, r.roadClass, "
                + "r.name, r.geom) from Road r order by r.id", RoadEdge.class).getResultList();
    }

    public Optional<Grid> grid(String code) {
        return Optional.ofNullable(em.find(Grid.class, code));
    }

    public List<Village> villages(Polygon bbox, AreaScope scope) {
        Filter q = villageFilter(scope);
        q.intersects("v.boundary", bbox);
        return q.list(em, Village.class, "v.code", Integer.MAX_VALUE);
    }

    public List<Grid> grids(Polygon bbox, String villageCode, AreaScope scope) {
        Filter q = gridFilter(scope);
        q.intersects("g.boundary", bbox);
        q.equal("g.villageCode", "village", villageCode);
        return q.list(em, Grid.class, "g.code", Integer.MAX_VALUE);
    }

    /** At most {@code limit} buildings, in code order. */
    public List<Building> buildings(Polygon bbox, String gridCode, String villageCode, AreaScope scope, int limit) {
        return buildingFilter(bbox, gridCode, villageCode, scope).list(em, Building.class, "b.code", limit);
    }

    public long buildingCount(String gridCode, String villageCode, AreaScope scope) {
        return buildingFilter(null, gridCode, villageCode, scope).count(em);
    }

    public long gridCount(String villageCode, AreaScope scope) {
        Filter q = gridFilter(scope);
        q.equal("g.villageCode", "village", villageCode);
        return q.count(em);
    }

    /** The grid at a point; on a shared boundary the lowest code wins, so the answer is stable. */
    public Optional<Grid> gridAt(Point point) {
        return firstAt("select g from Grid g where st_intersects(g.boundary, :p) = true order by g.code",
                Grid.class, point);
    }

    /** What lies at a point: grid, village and building, read without their geometries (no polygon decoding). */
    public Optional<Location> locate(Point point) {
        List<Object[]> grid = em.createQuery("select g.code, g.name, v.code, v.name, v.kind from Grid g, Village v "
                + "where v.code = g.villageCode and st_intersects(g.boundary, :p) = true order by g.code",
                Object[].class).setParameter("p", point).setMaxResults(1).getResultList();
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> building = em.createQuery("select b.code, b.gridCode, b.use, b.floors from Building b "
                + "where st_intersects(b.footprint, :p) = true order by b.code", Object[].class)
                .setParameter("p", point).setMaxResults(1).getResultList();
        Object[] g = grid.get(0);
        Location.BuildingAt b = building.isEmpty() ? null : new Location.BuildingAt((String) building.get(0)[0],
                (String) building.get(0)[1], (String) building.get(0)[2], (Integer) building.get(0)[3]);
        return Optional.of(new Location((String) g[0], (String) g[1], (String) g[2], (String) g[3], (String) g[4], b));
    }

    /** Visible villages whose name contains {@code text} or whose code starts with it. */
    public List<Village> villagesMatching(String text, AreaScope scope, int limit) {
        Filter q = villageFilter(scope);
        q.where("(v.name like :contains or v.code like :prefix)", Map.of("contains", "%" + text + "%",
                "prefix", text + "%"));
        return q.list(em, Village.class, "v.code", limit);
    }

    public List<Grid> gridsMatching(String text, AreaScope scope, int limit) {
        Filter q = gridFilter(scope);
        q.where("(g.name like :contains or g.code like :prefix)", Map.of("contains", "%" + text + "%",
                "prefix", text + "%"));
        return q.list(em, Grid.class, "g.code", limit);
    }

    private static Filter villageFilter(AreaScope scope) {
        Filter q = new Filter("v", "Village v");
        if (!scope.wholeTown()) {
            q.where("v.code in :scopeVillages", Map.of("scopeVillages", nonEmpty(scope.visibleVillages())));
        }
        return q;
    }

    private static Filter gridFilter(AreaScope scope) {
        Filter q = new Filter("g", "Grid g");
        if (!scope.wholeTown()) {
            q.where("(g.villageCode in :scopeVillages or g.code in :scopeGrids)", Map.of(
                    "scopeVillages", nonEmpty(scope.villages()), "scopeGrids", nonEmpty(scope.grids())));
        }
        return q;
    }

    private static Filter buildingFilter(Polygon bbox, String gridCode, String villageCode, AreaScope scope) {
        Filter q = new Filter("b", "Building b");
        q.intersects("b.footprint", bbox);
        q.equal("b.gridCode", "grid", gridCode);
        if (villageCode != null) {
            q.where("b.gridCode in (select g.code from Grid g where g.villageCode = :village)",
                    Map.of("village", villageCode));
        }
        if (!scope.wholeTown()) {
            q.where("(b.gridCode in :scopeGrids or b.gridCode in "
                    + "(select sg.code from Grid sg where sg.villageCode in :scopeVillages))",
                    Map.of("scopeGrids", nonEmpty(scope.grids()), "scopeVillages", nonEmpty(scope.villages())));
        }
        return q;
    }

    /** {@code in ()} is not valid SQL everywhere; a code that never exists stands for "none". */
    private static Set<String> nonEmpty(Set<String> codes) {
        return codes.isEmpty() ? Set.of("-") : codes;
    }

    private <T> Optional<T> firstAt(String jpql, Class<T> type, Point point) {
        return em.createQuery(jpql, type).setParameter("p", point).setMaxResults(1).getResultStream().findFirst();
    }

    /** A JPQL query over one entity with optional conditions, each bound as a parameter (never concatenated). */
    static final class Filter {
        private final String alias;
        private final String from;
        private final StringBuilder where = new StringBuilder();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Filter(String alias, String from) {
            this.alias = alias;
            this.from = from;
        }

        void intersects(String path, Geometry geometry) {
            if (geometry != null) {
                where("st_intersects(" + path + ", :geometry) = true", Map.of("geometry", geometry));
            }
        }

        void equal(String path, String parameter, Object value) {
            if (value != null) {
                where(path + " = :" + parameter, Map.of(parameter, value));
            }
        }

        void where(String condition, Map<String, Object> values) {
            where.append(where.isEmpty() ? " where " : " and ").append(condition);
            parameters.putAll(values);
        }

        <T> List<T> list(EntityManager em, Class<T> type, String orderBy, int limit) {
            TypedQuery<T> query = em.createQuery("select " + alias + " from " + from + where + " order by " + orderBy,
                    type);
            parameters.forEach(query::setParameter);
            return query.setMaxResults(limit).getResultList();
        }

        long count(EntityManager em) {
            TypedQuery<Long> query = em.createQuery("select count(" + alias + ") from " + from + where, Long.class);
            parameters.forEach(query::setParameter);
            return query.getSingleResult();
        }
    }
}
