package cn.pingangrid.scope;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.pingangrid.geo.Feature;
import cn.pingangrid.geo.FeatureLayer;
import cn.pingangrid.geo.FeaturePage;
import cn.pingangrid.geo.FeatureQuery;

/**
 * A {@link FeatureLayer} over one entity, every read a {@link ScopedQuery}: the caller's area is the first
 * condition of the count, the page and the single feature alike. Pages are ordered by the entity's id.
 */
final class ScopedLayer implements FeatureLayer {

    private static final String ALIAS = "x";

    private final ScopedQueries queries;
    private final LayerDefinition definition;

    ScopedLayer(ScopedQueries queries, LayerDefinition definition) {
        this.queries = queries;
        this.definition = definition;
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public String title() {
        return definition.title();
    }

    @Override
    public String description() {
        return definition.description();
    }

    @Override
    public boolean temporal() {
        return definition.dateAttribute() != null;
    }

    @Override
    public FeaturePage page(FeatureQuery query) {
        ScopedQuery<?> matching = base().intersects(path(definition.geometryAttribute()), query.bbox());
        if (temporal()) {
            matching.between(path(definition.dateAttribute()), query.from(), query.to());
        }
        long matched = matching.count();
        if (matched <= query.offset() || query.limit() == 0) {
            return new FeaturePage(List.of(), matched);
        }
        List<Feature> features = matching.page(query.offset(), query.limit())
                .select(definition.select(), "order by " + path(definition.idAttribute()), Object[].class).stream()
                .map(definition.feature()).toList();
        return new FeaturePage(features, matched);
    }

    @Override
    public Optional<Feature> one(String id) {
        Object key;
        try {
            key = definition.parseId().apply(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return base().where(path(definition.idAttribute()) + " = :featureId", Map.of("featureId", key))
                .select(definition.select(), "", Object[].class).stream().findFirst().map(definition.feature());
    }

    private ScopedQuery<?> base() {
        ScopedQuery<?> query = queries.from(definition.entity(), ALIAS);
        return definition.condition() == null ? query : query.where(definition.condition(), Map.of());
    }

    private static String path(String attribute) {
        return ALIAS + "." + attribute;
    }
}
