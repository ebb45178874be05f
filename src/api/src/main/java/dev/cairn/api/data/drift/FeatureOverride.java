package dev.cairn.api.data.drift;

/**
 * A feature's own method or threshold, or both, in place of the defaults.
 *
 * @param method    the measure that decides, or null for the default choice
 * @param threshold the threshold, or null for the method's default
 */
public record FeatureOverride(DriftMethod method, Double threshold) {

    public FeatureOverride {
        if (method == null && threshold == null) {
            throw new IllegalArgumentException("An override names a method, a threshold or both; this one names neither");
        }
        if (method != null && threshold != null) {
            String problem = method.thresholdProblem(threshold);
            if (problem != null) {
                throw new IllegalArgumentException("Override: " + problem);
            }
        }
    }

    public static FeatureOverride method(DriftMethod method) {
        return new FeatureOverride(method, null);
    }

    public static FeatureOverride threshold(double threshold) {
        return new FeatureOverride(null, threshold);
    }
}
