package cn.pingangrid.scope;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import org.locationtech.jts.geom.Geometry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one door to the database for every module: each query over an {@link AreaBound} entity gets the caller's
 * scope as a condition in the database, each new row is checked against it before it is written, and rows can only
 * be changed after a scoped read. The scope is the signed-in user's, or the whole town on a named
 * {@link UnscopedPath}; there is no parameter a caller could forget or get wrong.
 *
 * <p>{@link Unbound} entities (base map, accounts, audit) are read through the same door without a condition. An
 * architecture test fails when any class outside this package touches an {@code EntityManager}.
 */
@Component
public class ScopedQueries {

    private final EntityManager em;
    private final Map<Class<?>, EntityPlace> places = new ConcurrentHashMap<>();
    private volatile SpatialDialect dialect;

    ScopedQueries(EntityManager em) {
        this.em = em;
    }

    /** The scope every query of this thread is cut to: the signed-in user's, or the town on an unscoped path. */
    public AreaScope scope() {
        if (SystemScope.current() != null) {
            return AreaScope.EVERYTHING;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? AreaScope.NOTHING : AreaScope.of(authentication.getAuthorities());
    }

    /** A query over {@code entity} (as {@code alias}), already cut to the scope. */
    public <T> ScopedQuery<T> from(Class<T> entity, String alias) {
        EntityPlace place = place(entity);
        ScopedQuery<T> query = new ScopedQuery<>(em, entity, place.entityName(), alias);
        String condition = condition(place, alias, scope(), query);
        if (condition != null) {
            query.where(condition, Map.of());
        }
        return query;
    }

    /**
     * The entity as a feature layer (OGC API – Features), every read of it cut to the caller's scope like any
     * other query here; see {@link LayerDefinition}.
     */
    public cn.pingangrid.geo.FeatureLayer layer(LayerDefinition definition) {
        place(definition.entity()); // fails now, not on the first request, for an entity of no declared place
        return new ScopedLayer(this, definition);
    }

    /**
     * The {@code attributes} of every row, whatever the scope, ordered by the first; only attributes the entity
     * declares in {@link AreaBound#publicAttributes} (codes and names), so no content can leave this way.
     */
    public List<Object[]> publicColumns(Class<?> entity, String... attributes) {
        EntityPlace place = place(entity);
        List<String> allowed = place.bound() == null ? List.of() : List.of(place.bound().publicAttributes());
        StringBuilder select = new StringBuilder();
        for (String attribute : attributes) {
            if (!allowed.contains(attribute)) {
                throw new IllegalStateException(entity.getName() + "." + attribute + " is not a public attribute");
            }
            select.append(select.isEmpty() ? "" : ", ").append("x.").append(attribute);
        }
        return em.createQuery("select " + select + " from " + place.entityName() + " x order by x." + attributes[0],
                Object[].class).getResultList();
    }

    /**
     * As {@link #publicColumns}, only the rows whose public geometry {@code spatialAttribute} intersects
     * {@code geometry}: the spatial predicate runs in the database (indexed on PostGIS), so a point is checked
     * against the few rows around it, not against every row.
     */
    public List<Object[]> publicColumnsIntersecting(Class<?> entity, String spatialAttribute, Geometry geometry,
            String... attributes) {
        EntityPlace place = place(entity);
        List<String> allowed = place.bound() == null ? List.of() : List.of(place.bound().publicAttributes());
        StringBuilder select = new StringBuilder();
        for (String attribute : attributes) {
            if (!allowed.contains(attribute)) {
                throw new IllegalStateException(entity.getName() + "." + attribute + " is not a public attribute");
            }
            select.append(select.isEmpty() ? "" : ", ").append("x.").append(attribute);
        }
        if (!allowed.contains(spatialAttribute)) {
            throw new IllegalStateException(entity.getName() + "." + spatialAttribute + " is not a public attribute");
        }
        return em.createQuery("select " + select + " from " + place.entityName() + " x where bbox_overlaps(x." + spatialAttribute
                + ", :g) and st_intersects(x." + spatialAttribute + ", :g) = true order by x." + attributes[0], Object[].class)
                .setParameter("g", geometry).getResultList();
    }

    /** The (id, element) pairs of a public collection attribute of every row, e.g. the villages along each border. */
    public List<Object[]> publicElements(Class<?> entity, String collection) {
        EntityPlace place = place(entity);
        if (place.bound() == null || !List.of(place.bound().publicAttributes()).contains(collection)) {
            throw new IllegalStateException(entity.getName() + "." + collection + " is not a public attribute");
        }
        return em.createQuery("select x." + place.idAttribute() + ", e from " + place.entityName() + " x join x."
                + collection + " e order by x." + place.idAttribute(), Object[].class).getResultList();
    }

    /**
     * The database's own SQL over one area-bound (or unbound) table, for what JPQL cannot say (vector tiles:
     * {@code ST_AsMVT} on PostGIS, the {@code &&} index operator on H2GIS). {@code sql} must hold the marker
     * {@value #SCOPE_MARKER} exactly once, in its WHERE clause: it becomes the caller's scope condition over the
     * table aliased {@code alias} (or {@code 1 = 1} for the whole town), with the same columns, bound parameters and
     * "empty means none" rule as {@link #from}. Values are bound as named parameters ({@code :name}); a query without
     * the marker is refused, so the scope cannot be left out. Rows come back as the driver gives them (one column:
     * the value itself). Not for entities placed by a parent or a village collection (no tile needs them).
     */
    public List<Object[]> nativeRows(Class<?> entity, String alias, String sql, Map<String, ?> values) {
        int at = sql.indexOf(SCOPE_MARKER);
        if (at < 0 || sql.indexOf(SCOPE_MARKER, at + 1) >= 0) {
            throw new IllegalArgumentException("native SQL must hold " + SCOPE_MARKER + " exactly once: " + sql);
        }
        Map<String, Object> parameters = new java.util.LinkedHashMap<>(values);
        String condition = nativeCondition(place(entity), alias, scope(), parameters);
        var query = em.createNativeQuery(sql.replace(SCOPE_MARKER, condition));
        parameters.forEach(query::setParameter);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] columns ? columns : new Object[] { row });
        }
        return rows;
    }

    /** Where {@link #nativeRows} puts the scope condition. */
    public static final String SCOPE_MARKER = "/*scope*/";

    /** Which database's SQL {@link #nativeRows} must speak. */
    public SpatialDialect dialect() {
        SpatialDialect known = dialect;
        if (known == null) {
            var factory = em.getEntityManagerFactory().unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class);
            known = factory.getJdbcServices().getDialect() instanceof org.hibernate.dialect.PostgreSQLDialect
                    ? SpatialDialect.POSTGIS : SpatialDialect.H2GIS;
            dialect = known;
        }
        return known;
    }

    /** The row with this id if the scope holds it; a foreign row is as absent as an unknown one. */
    public <T> Optional<T> find(Class<T> entity, Object id) {
        return from(entity, "x").where("x." + place(entity).idAttribute() + " = :id", Map.of("id", id)).first();
    }

    /**
     * Writes a new row after checking that the scope covers where it is placed (context alone is not enough: a
     * grid manager cannot add a row to their village as a whole). Refused as {@link OutsideScopeException}.
     */
    public <T> T add(T row) {
        EntityPlace place = place(row.getClass());
        AreaScope scope = scope();
        if (place.bound() != null && !scope.wholeTown()) {
            requireCovered(place, row, scope);
        }
        em.persist(row);
        return row;
    }

    public void addAll(Collection<?> rows) {
        rows.forEach(this::add);
    }

    /** Sends pending changes and forgets loaded rows: between batches of a long unscoped job. */
    public void flushAndClear() {
        em.flush();
        em.clear();
    }

    /** Sends pending changes now, so that a constraint violation is seen inside the caller's step. */
    public void flush() {
        em.flush();
    }

    /** Deletes rows that a scoped read returned (the scope was applied by that read). */
    public void remove(Object row) {
        em.remove(row);
    }

    private void requireCovered(EntityPlace place, Object row, AreaScope scope) {
        AreaBound bound = place.bound();
        if (bound.parent() != void.class) {
            Object parentId = read(row, bound.parentId());
            if (parentId == null || find(bound.parent(), parentId).isEmpty()) {
                throw new OutsideScopeException();
            }
            return;
        }
        String village = bound.village().isEmpty() ? null : (String) read(row, bound.village());
        String grid = bound.grid().isEmpty() ? null : (String) read(row, bound.grid());
        boolean covered = scope.covers(village, grid);
        if (!covered && !bound.villages().isEmpty() && read(row, bound.villages()) instanceof Collection<?> codes) {
            covered = codes.stream().anyMatch(code -> scope.coversVillage((String) code));
        }
        if (!covered) {
            throw new OutsideScopeException();
        }
    }

    /** The scope condition on {@code alias}, or null when the scope lets everything through. */
    private String condition(EntityPlace place, String alias, AreaScope scope, ScopedQuery<?> query) {
        AreaBound bound = place.bound();
        if (bound == null || scope.wholeTown()) {
            return null;
        }
        if (bound.parent() != void.class) {
            EntityPlace parent = place(bound.parent());
            String parentAlias = alias + "_p";
            String inner = condition(parent, parentAlias, scope, query);
            return alias + "." + bound.parentId() + " in (select " + parentAlias + "." + parent.idAttribute()
                    + " from " + parent.entityName() + " " + parentAlias
                    + (inner == null ? "" : " where " + inner) + ")";
        }
        List<String> any = new ArrayList<>();
        var villages = bound.contextForGridUsers() ? scope.visibleVillages() : scope.villages();
        if (!bound.village().isEmpty() && !villages.isEmpty()) {
            any.add(alias + "." + bound.village() + " in :" + query.parameter(villages));
        }
        if (!bound.grid().isEmpty() && !scope.grids().isEmpty()) {
            any.add(alias + "." + bound.grid() + " in :" + query.parameter(scope.grids()));
        }
        if (!bound.grid().isEmpty() && bound.village().isEmpty() && !scope.villages().isEmpty()) {
            any.add("substring(" + alias + "." + bound.grid() + ", 1, " + AreaScope.VILLAGE_CODE_LENGTH + ") in :"
                    + query.parameter(scope.villages()));
        }
        if (!bound.villages().isEmpty() && !villages.isEmpty()) {
            String other = alias + "_v";
            any.add("exists (select 1 from " + place.entityName() + " " + other + " join " + other + "."
                    + bound.villages() + " " + other + "c where " + other + " = " + alias + " and " + other
                    + "c in :" + query.parameter(villages) + ")");
        }
        if (!bound.referralUnit().isEmpty() && scope.referralUnit() != null) {
            any.add(alias + "." + bound.referralUnit() + " = :" + query.parameter(scope.referralUnit()));
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    /** {@link #condition} in the database's SQL: the same rule over the mapped columns. */
    private String nativeCondition(EntityPlace place, String alias, AreaScope scope, Map<String, Object> parameters) {
        AreaBound bound = place.bound();
        if (bound == null || scope.wholeTown()) {
            return "1 = 1";
        }
        if (bound.parent() != void.class || !bound.villages().isEmpty()) {
            throw new UnsupportedOperationException(place.entityName() + ": native SQL supports rows placed by "
                    + "their own village, grid or referral unit only");
        }
        List<String> any = new ArrayList<>();
        var villages = bound.contextForGridUsers() ? scope.visibleVillages() : scope.villages();
        String p = "scope" + parameters.size() + "_";
        if (!bound.village().isEmpty() && !villages.isEmpty()) {
            parameters.put(p + "v", villages);
            any.add(alias + "." + column(place.type(), bound.village()) + " in (:" + p + "v)");
        }
        if (!bound.grid().isEmpty() && !scope.grids().isEmpty()) {
            parameters.put(p + "g", scope.grids());
            any.add(alias + "." + column(place.type(), bound.grid()) + " in (:" + p + "g)");
        }
        if (!bound.grid().isEmpty() && bound.village().isEmpty() && !scope.villages().isEmpty()) {
            parameters.put(p + "gv", scope.villages());
            any.add("substring(" + alias + "." + column(place.type(), bound.grid()) + ", 1, "
                    + AreaScope.VILLAGE_CODE_LENGTH + ") in (:" + p + "gv)");
        }
        if (!bound.referralUnit().isEmpty() && scope.referralUnit() != null) {
            parameters.put(p + "r", scope.referralUnit());
            any.add(alias + "." + column(place.type(), bound.referralUnit()) + " = :" + p + "r");
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    /** The column an attribute is mapped to: its {@code @Column(name)}, else the snake_case of its name. */
    private static String column(Class<?> type, String attribute) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(attribute);
                jakarta.persistence.Column mapped = field.getAnnotation(jakarta.persistence.Column.class);
                return mapped != null && !mapped.name().isEmpty() ? mapped.name()
                        : attribute.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no attribute " + attribute);
    }

    private EntityPlace place(Class<?> type) {
        return places.computeIfAbsent(type, this::describe);
    }

    private EntityPlace describe(Class<?> type) {
        AreaBound bound = type.getAnnotation(AreaBound.class);
        if (bound == null && type.getAnnotation(Unbound.class) == null) {
            throw new IllegalStateException(type.getName() + " is neither @AreaBound nor @Unbound: "
                    + "say which part of the town its rows belong to before querying it");
        }
        var entity = em.getMetamodel().entity(type);
        String id = entity.getId(entity.getIdType().getJavaType()).getName();
        return new EntityPlace(type, entity.getName(), id, bound);
    }

    private static Object read(Object row, String attribute) {
        for (Class<?> c = row.getClass(); c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(attribute);
                field.setAccessible(true);
                return field.get(row);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(row.getClass().getName() + " has no attribute " + attribute);
    }

    private record EntityPlace(Class<?> type, String entityName, String idAttribute, AreaBound bound) {
    }
}
