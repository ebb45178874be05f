package dev.cairn.api.data.drift;

import java.util.Set;

/**
 * The drift measures, each with the default threshold and the direction of its rule as the tool
 * that made it known has them (Evidently's stattests, TFDV's comparators).
 */
public enum DriftMethod {
    /** Two-sample Kolmogorov-Smirnov p-value; drift at p <= 0.05 (Evidently's "ks" uses <=). */
    KOLMOGOROV_SMIRNOV("Kolmogorov-Smirnov p-value", 0.05, Rule.P_VALUE_AT_OR_BELOW, Set.of(ColumnKind.NUMERIC)),
    /** First Wasserstein distance divided by the reference's standard deviation; drift at >= 0.1. */
    WASSERSTEIN_NORMED("Wasserstein distance (normed)", 0.1, Rule.AT_OR_ABOVE, Set.of(ColumnKind.NUMERIC)),
    /** Chi-squared goodness of fit of the current counts to the reference's shares; drift at p < 0.05. */
    CHI_SQUARED("chi-squared p-value", 0.05, Rule.P_VALUE_BELOW, Set.of(ColumnKind.CATEGORICAL, ColumnKind.NUMERIC)),
    /** Two-proportion Z-test (the first value against the rest); drift at p < 0.05. */
    Z_TEST("Z-test p-value", 0.05, Rule.P_VALUE_BELOW, Set.of(ColumnKind.CATEGORICAL, ColumnKind.NUMERIC)),
    /** Jensen-Shannon distance (natural log, the square root of the divergence); drift at >= 0.1. */
    JENSEN_SHANNON_DISTANCE("Jensen-Shannon distance", 0.1, Rule.AT_OR_ABOVE,
            Set.of(ColumnKind.CATEGORICAL, ColumnKind.NUMERIC)),
    /** Population stability index; 0.1 = watch (Evidently's default threshold), 0.25 = act. */
    PSI("population stability index", 0.1, Rule.AT_OR_ABOVE, Set.of(ColumnKind.CATEGORICAL, ColumnKind.NUMERIC)),
    /**
     * TFDV's L-infinity distance: the largest difference of a category's share. TFDV has no default;
     * 0.01 is the threshold of its guide's example. Drift above it.
     */
    L_INFINITY("L-infinity distance", 0.01, Rule.ABOVE, Set.of(ColumnKind.CATEGORICAL)),
    /**
     * TFDV's approximate Jensen-Shannon divergence (log base 2, capped at 1) over its ten-bucket
     * standard histograms, or over the categories. TFDV has no default; 0.01 here. Drift above it.
     */
    APPROXIMATE_JS_DIVERGENCE("approximate Jensen-Shannon divergence", 0.01, Rule.ABOVE,
            Set.of(ColumnKind.NUMERIC, ColumnKind.CATEGORICAL));

    private final String label;
    private final double defaultThreshold;
    private final Rule rule;
    private final Set<ColumnKind> kinds;

    DriftMethod(String label, double defaultThreshold, Rule rule, Set<ColumnKind> kinds) {
        this.label = label;
        this.defaultThreshold = defaultThreshold;
        this.rule = rule;
        this.kinds = kinds;
    }

    /** What a report calls the measure. */
    public String label() {
        return label;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the measure applies to the kind of column. */
    public boolean appliesTo(ColumnKind kind) {
        return kinds.contains(kind);
    }

    /** Whether the value means drift under the threshold. */
    public boolean drifted(double value, double threshold) {
        return switch (rule) {
            case P_VALUE_AT_OR_BELOW -> value <= threshold;
            case P_VALUE_BELOW -> value < threshold;
            case AT_OR_ABOVE -> value >= threshold;
            case ABOVE -> value > threshold;
        };
    }

    /** Whether the value is a p-value (small means drift) rather than a distance (large means drift). */
    public boolean isPValue() {
        return rule == Rule.P_VALUE_AT_OR_BELOW || rule == Rule.P_VALUE_BELOW;
    }

    /**
     * Null when the threshold suits the measure, else why not: a p-value's threshold lies strictly
     * between 0 and 1, a distance's is finite and not negative.
     */
    public String thresholdProblem(double threshold) {
        if (isPValue() && !(threshold > 0 && threshold < 1)) {
            return "the " + label + " threshold must lie strictly between 0 and 1, was " + threshold;
        }
        if (!isPValue() && !(Double.isFinite(threshold) && threshold >= 0)) {
            return "the " + label + " threshold must be a finite number of at least 0, was " + threshold;
        }
        return null;
    }

    private enum Rule {
        P_VALUE_AT_OR_BELOW,
        P_VALUE_BELOW,
        AT_OR_ABOVE,
        ABOVE
    }
}
