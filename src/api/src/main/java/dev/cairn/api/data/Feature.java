package dev.cairn.api.data;

import java.util.Objects;
import java.util.Set;

/**
 * One column of a dataset schema.
 *
 * @param name               the column's name in the data
 * @param type               what values it holds
 * @param required           true when every row must have a value (a missing one is an anomaly)
 * @param domain             the values it may take
 * @param label              true for the column a model predicts (at most one per schema)
 * @param environments       the schema environments the feature is present in ({@link #TRAINING},
 *                           {@link #SERVING}, ...); empty means all. The label is typically absent at
 *                           serving.
 * @param minFractionPresent the least share of rows that must have a value, between 0 and 1 (TFDV's
 *                           presence.min_fraction); 1 when required
 * @param minDistinct        the fewest distinct values expected, or null for no bound
 * @param maxDistinct        the most distinct values expected, or null for no bound
 */
public record Feature(String name, FeatureType type, boolean required, FeatureDomain domain, boolean label,
                      Set<String> environments, double minFractionPresent, Integer minDistinct, Integer maxDistinct) {

    /** The environment of the data a model is trained on. */
    public static final String TRAINING = "TRAINING";
    /** The environment of the inputs a deployed model receives. */
    public static final String SERVING = "SERVING";

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        domain = domain == null ? new FeatureDomain.Any() : domain;
        environments = environments == null ? Set.of() : Set.copyOf(environments);
        if (!(minFractionPresent >= 0 && minFractionPresent <= 1)) {
            throw new IllegalArgumentException("Feature " + name + ": the least share present must be between 0 and 1, was "
                    + minFractionPresent);
        }
        if (required) {
            minFractionPresent = 1;
        }
        if (minDistinct != null && minDistinct < 0 || maxDistinct != null && maxDistinct < 0) {
            throw new IllegalArgumentException("Feature " + name + ": a distinct-value bound must not be negative");
        }
        if (minDistinct != null && maxDistinct != null && minDistinct > maxDistinct) {
            throw new IllegalArgumentException("Feature " + name + ": the fewest distinct values (" + minDistinct
                    + ") exceed the most (" + maxDistinct + ")");
        }
    }

    /** A feature without presence share or distinct-value bounds beyond {@code required}. */
    public Feature(String name, FeatureType type, boolean required, FeatureDomain domain, boolean label, Set<String> environments) {
        this(name, type, required, domain, label, environments, required ? 1 : 0, null, null);
    }

    /** Whether the feature is expected in the given environment. */
    public boolean presentIn(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
