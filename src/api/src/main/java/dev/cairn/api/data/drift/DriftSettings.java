package dev.cairn.api.data.drift;

import java.util.Map;
import java.util.Objects;

/**
 * How a comparison decides: per-feature overrides of method or threshold, and the share of drifted
 * features from which the dataset as a whole has drifted.
 *
 * @param overrides  feature name to its override; features not named use the defaults
 * @param driftShare the dataset drifts when drifted / compared features reaches it (Evidently: 0.5)
 */
public record DriftSettings(Map<String, FeatureOverride> overrides, double driftShare) {

    /** Evidently's dataset-level default. */
    public static final double DEFAULT_DRIFT_SHARE = 0.5;

    public DriftSettings {
        Objects.requireNonNull(overrides, "overrides");
        if (!(driftShare > 0 && driftShare <= 1)) {
            throw new IllegalArgumentException("The drift share must be above 0 and at most 1, was " + driftShare);
        }
        overrides = Map.copyOf(overrides);
    }

    public static DriftSettings defaults() {
        return new DriftSettings(Map.of(), DEFAULT_DRIFT_SHARE);
    }

    public DriftSettings withOverride(String feature, FeatureOverride override) {
        java.util.Map<String, FeatureOverride> copy = new java.util.HashMap<>(overrides);
        copy.put(Objects.requireNonNull(feature, "feature"), Objects.requireNonNull(override, "override"));
        return new DriftSettings(copy, driftShare);
    }

    public DriftSettings withDriftShare(double share) {
        return new DriftSettings(overrides, share);
    }
}
