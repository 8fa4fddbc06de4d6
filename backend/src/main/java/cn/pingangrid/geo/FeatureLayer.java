package cn.pingangrid.geo;

import java.util.Optional;

/**
 * A layer of features that a module offers to feature services (OGC API – Features at {@code /ogc}): a stable id,
 * a Chinese title and description, and paged, filtered reads that the module cuts to the caller's area itself
 * (through the one scope). A module adds a collection by declaring a bean of this type; the feature service knows
 * no module.
 *
 * <p>Guarantees a service may rely on: {@link #page} orders by a unique key, so consecutive pages neither repeat
 * nor skip a feature; {@link FeaturePage#numberMatched()} counts every feature the query matches in the caller's
 * area, whatever the page; {@link #one} answers empty for a feature outside the caller's area, as for an unknown id.
 */
public interface FeatureLayer {

    /** The collection id in URLs, lower case with hyphens ({@code border-segments}). */
    String id();

    /** The collection's Chinese title. */
    String title();

    /** What the features are, which properties they carry and how the layer is cut to the caller's area. */
    String description();

    /** Whether the features have a date that {@link FeatureQuery#from()}/{@link FeatureQuery#to()} filter on. */
    default boolean temporal() {
        return false;
    }

    /** One page of the features matching {@code query}, with the total count. */
    FeaturePage page(FeatureQuery query);

    /** One feature by its id as written in {@link Feature#id()}; empty when unknown or outside the caller's area. */
    Optional<Feature> one(String id);
}
