package dev.cairn.api.data.drift;

import java.util.List;
import java.util.Objects;

/**
 * One feature's comparison.
 *
 * @param feature      the column's name
 * @param kind         numbers or categories (null when the two sides disagree)
 * @param verdict      the measure that decides (the default choice or the override), or null when
 *                     the feature was not compared
 * @param overridden   whether the verdict's method or threshold came from an override
 * @param measurements every measure that applies, the deciding one first; the others are read
 *                     against their own default thresholds (raw values for the reader)
 * @param histogram    both sides on common bins, or null when not compared
 * @param notCompared  why the feature was not compared, or null when it was
 */
public record FeatureDrift(String feature, ColumnKind kind, DriftMeasurement verdict, boolean overridden,
                           List<DriftMeasurement> measurements, OverlaidHistogram histogram, String notCompared) {

    public FeatureDrift {
        Objects.requireNonNull(feature, "feature");
        measurements = List.copyOf(Objects.requireNonNull(measurements, "measurements"));
        if ((verdict == null) == (notCompared == null)) {
            throw new IllegalArgumentException("A feature has either a verdict or a reason it was not compared");
        }
    }

    public static FeatureDrift notCompared(String feature, ColumnKind kind, String reason) {
        return new FeatureDrift(feature, kind, null, false, List.of(), null, reason);
    }

    public boolean compared() {
        return verdict != null;
    }

    public boolean drifted() {
        return verdict != null && verdict.drifted();
    }

    /** The measurement of the given method, when it applied. */
    public java.util.Optional<DriftMeasurement> measurement(DriftMethod method) {
        return measurements.stream().filter(m -> m.method() == method).findFirst();
    }
}
