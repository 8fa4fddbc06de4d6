package cn.pingangrid.geo;

import java.util.List;

/** One page of a {@link FeatureLayer}: its features, and how many features the query matches in all. */
public record FeaturePage(List<Feature> features, long numberMatched) {

    public FeaturePage {
        features = List.copyOf(features);
    }
}
