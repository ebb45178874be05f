package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.ColumnKind;
import dev.cairn.api.data.drift.DriftMethod;
/**
 * Evidently's default test per column ({@code _get_default_stattest}): on a reference of at most
 * 1,000 values, Kolmogorov-Smirnov for numbers and chi-squared for categories, or the Z-test when
 * both sides together hold at most two values; above 1,000, normed Wasserstein for numbers and
 * Jensen-Shannon for categories. A number with at most five distinct values (both sides together)
 * is treated as a category, as Evidently does.
 */
final class MethodChoice {

    /** Evidently's limit between a small and a large reference. */
    static final long SMALL_REFERENCE = 1000;
    /** Up to this many distinct values a number is tested as a category. */
    static final int FEW_NUMERIC_VALUES = 5;
    /** Up to this many values the Z-test replaces chi-squared. */
    static final int TWO_VALUES = 2;

    private MethodChoice() {
    }

    static DriftMethod evidentlyDefault(ColumnKind kind, long referenceCount, int distinctOnBothSides) {
        boolean small = referenceCount <= SMALL_REFERENCE;
        boolean categoryLike = kind == ColumnKind.CATEGORICAL || distinctOnBothSides <= FEW_NUMERIC_VALUES;
        if (categoryLike) {
            if (!small) {
                return DriftMethod.JENSEN_SHANNON_DISTANCE;
            }
            return distinctOnBothSides > TWO_VALUES ? DriftMethod.CHI_SQUARED : DriftMethod.Z_TEST;
        }
        return small ? DriftMethod.KOLMOGOROV_SMIRNOV : DriftMethod.WASSERSTEIN_NORMED;
    }
}
