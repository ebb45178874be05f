package dev.cairn.api.data.drift;

/**
 * What the profiler keeps of one column for drift: enough to compare two versions without
 * re-reading either file. Missing values (empty, NaN, infinities) are not part of it, as Evidently
 * drops them before comparing.
 */
public sealed interface ColumnDistribution permits NumericDistribution, CategoricalDistribution {

    /** How many values the distribution holds. */
    long count();
}
