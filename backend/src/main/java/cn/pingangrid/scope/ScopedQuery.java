package cn.pingangrid.scope;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.locationtech.jts.geom.Geometry;

/**
 * A JPQL query over one entity that starts with the caller's scope as its first condition; further conditions
 * only narrow it. Every value is bound as a parameter (never concatenated); optional conditions with a null or
 * empty value are left out. Made by {@link ScopedQueries#from}.
 */
public final class ScopedQuery<T> {

    private final EntityManager em;
    private final Class<T> type;
    private final String from;
    private final String alias;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String orderBy = "";
    private int next;
    private int firstResult;
    private int maxResults = Integer.MAX_VALUE;

    ScopedQuery(EntityManager em, Class<T> type, String entityName, String alias) {
        this.em = em;
        this.type = type;
        this.alias = alias;
        this.from = " from " + entityName + " " + alias;
    }

    /** Adds {@code condition} (JPQL over the alias, naming its own parameters) with their values. */
    public ScopedQuery<T> where(String condition, Map<String, ?> values) {
        where.append(where.isEmpty() ? " where " : " and ").append(condition);
        parameters.putAll(values);
        return this;
    }

    public ScopedQuery<T> equal(String path, Object value) {
        return value == null ? this : where(path + " = :" + parameter(value), Map.of());
    }

    public ScopedQuery<T> in(String path, java.util.Collection<?> values) {
        return values == null || values.isEmpty() ? this : where(path + " in :" + parameter(values), Map.of());
    }

    /** {@code from} ≤ path ≤ {@code to}, either bound optional. */
    public ScopedQuery<T> between(String path, Object from, Object to) {
        if (from != null) {
            where(path + " >= :" + parameter(from), Map.of());
        }
        if (to != null) {
            where(path + " <= :" + parameter(to), Map.of());
        }
        return this;
    }

    /**
     * The spatial filter, evaluated in the database and indexed on both: the bounding-box operator first (the only
     * way H2GIS reaches its spatial index), then the exact test; skipped for a null geometry.
     */
    public ScopedQuery<T> intersects(String path, Geometry geometry) {
        if (geometry == null) {
            return this;
        }
        String g = parameter(geometry);
        return where("bbox_overlaps(" + path + ", :" + g + ") and st_intersects(" + path + ", :" + g + ") = true",
                Map.of());
    }

    public ScopedQuery<T> orderBy(String order) {
        this.orderBy = " order by " + order;
        return this;
    }

    /** An order that needs values (e.g. the distance to a point), bound as parameters like any condition's. */
    public ScopedQuery<T> orderBy(String order, Map<String, ?> values) {
        parameters.putAll(values);
        return orderBy(order);
    }

    /**
     * Only the rows {@code offset} .. {@code offset + limit - 1} of the ordered result, for {@link #list()} and
     * {@link #select}: one page (the database skips the rest). Pages are stable only when the order ends with a
     * unique key (e.g. {@code x.id}); {@link #count()} still counts every row.
     */
    public ScopedQuery<T> page(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        this.firstResult = offset;
        this.maxResults = limit;
        return this;
    }

    public List<T> list() {
        return list(Integer.MAX_VALUE);
    }

    public List<T> list(int limit) {
        return window(create("select " + alias + from + where + orderBy, type, Map.of()),
                Math.min(limit, maxResults)).getResultList();
    }

    public Optional<T> first() {
        return list(1).stream().findFirst();
    }

    public long count() {
        return create("select count(" + alias + ")" + from + where, Long.class, Map.of()).getSingleResult();
    }

    /**
     * A projection or aggregate over the scoped rows: {@code select} is the select list (e.g.
     * {@code "new cn.pingangrid.x.Row(d.id, d.type)"} or {@code "d.villageCode, count(d)"}), {@code tail} what
     * follows the conditions (group by, order by), {@code extra} parameters used in either.
     */
    public <R> List<R> select(String select, String tail, Class<R> resultType, Map<String, ?> extra) {
        return window(create("select " + select + from + where + " " + tail
                + (tail.contains("order by") ? "" : orderBy), resultType, extra), maxResults).getResultList();
    }

    public <R> List<R> select(String select, String tail, Class<R> resultType) {
        return select(select, tail, resultType, Map.of());
    }

    private <Q> TypedQuery<Q> window(TypedQuery<Q> query, int limit) {
        if (firstResult > 0) {
            query.setFirstResult(firstResult);
        }
        return limit == Integer.MAX_VALUE ? query : query.setMaxResults(limit);
    }

    /** Binds {@code value} to a fresh parameter name and returns the name. */
    String parameter(Object value) {
        String name = "q" + next++;
        parameters.put(name, value);
        return name;
    }

    /**
     * The query with every value bound. A collection (the scope's villages or grids, a set of statuses) is bound
     * as one parameter per element, {@code in :p} written as {@code in (:p_0, :p_1, …)}: Hibernate does not keep
     * the translation of a query with a list parameter (it parses HQL to SQL again on every call, most of a map
     * request's CPU at county scale), but does keep one per distinct text, and a user's lists keep their size.
     */
    private <Q> TypedQuery<Q> create(String jpql, Class<Q> resultType, Map<String, ?> extra) {
        Map<String, Object> values = new LinkedHashMap<>(parameters);
        values.putAll(extra);
        Map<String, Object> scalars = new LinkedHashMap<>();
        String text = jpql;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (value.getValue() instanceof Collection<?> elements && !elements.isEmpty()) {
                StringJoiner list = new StringJoiner(", ", "(", ")");
                int i = 0;
                for (Object element : elements) {
                    String name = value.getKey() + "_" + i++;
                    scalars.put(name, element);
                    list.add(":" + name);
                }
                text = text.replaceAll(":" + value.getKey() + "(?!\\w)", Matcher.quoteReplacement(list.toString()));
            } else {
                scalars.put(value.getKey(), value.getValue());
            }
        }
        TypedQuery<Q> query = em.createQuery(text, resultType);
        scalars.forEach(query::setParameter);
        return query;
    }
}
