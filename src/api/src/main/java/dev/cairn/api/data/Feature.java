package dev.cairn.api.data;

import java.util.Objects;
import java.util.Set;

/**
 * One column of a dataset schema.
 *
 * @param name         the column's name in the data
 * @param type         what values it holds
 * @param required     true when every row must have a value (a missing one is an anomaly)
 * @param domain       the values it may take
 * @param label        true for the column a model predicts (at most one per schema)
 * @param environments the schema environments the feature is present in ("TRAINING", "SERVING",
 *                     ...); empty means all. The label is typically absent at serving.
 */
public record Feature(String name, FeatureType type, boolean required, FeatureDomain domain, boolean label,
                      Set<String> environments) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        domain = domain == null ? new FeatureDomain.Any() : domain;
        environments = environments == null ? Set.of() : Set.copyOf(environments);
    }

    /** Whether the feature is expected in the given environment. */
    public boolean presentIn(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
