package cn.pingangrid.scope;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * {@code bbox_overlaps(a, b)} in JPQL: the {@code &&} operator (bounding boxes overlap) of both databases. H2GIS
 * uses its spatial index only through this operator — {@code ST_Intersects} alone is a Java function evaluated
 * on every row — so {@link ScopedQuery#intersects} puts it before the exact test. PostGIS's {@code ST_Intersects}
 * already contains it: there it changes the result of nothing, but the planner counts the box's selectivity twice
 * (a point-in-box filter can use this operator alone). Registered through {@code META-INF/services}.
 */
public class IndexOverlapFunction implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        contributions.getFunctionRegistry().patternDescriptorBuilder("bbox_overlaps", "(?1 && ?2)")
                .setExactArgumentCount(2)
                .setInvariantType(contributions.getTypeConfiguration().getBasicTypeRegistry()
                        .resolve(StandardBasicTypes.BOOLEAN))
                .register();
    }
}
