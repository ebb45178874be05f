package dev.cairn.api.data;

import java.util.Objects;
import java.util.Set;

/** The values a feature may take; a value outside is an anomaly when a batch is validated. */
public sealed interface FeatureDomain {

    /** No constraint beyond the type. */
    record Any() implements FeatureDomain {
    }

    /**
     * A numeric range, bounds included; a null bound is open.
     */
    record Range(Double min, Double max) implements FeatureDomain {
        public Range {
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("A range's min (" + min + ") exceeds its max (" + max + ")");
            }
        }
    }

    /** The allowed categories, as they appear in the data. */
    record Categories(Set<String> values) implements FeatureDomain {
        public Categories {
            values = Set.copyOf(Objects.requireNonNull(values, "values"));
        }
    }
}
