package dev.cairn.api.data.drift;

/** What a measure was computed from, so that a reader knows how far to trust it. */
public enum Basis {
    /** Every value of both columns (numeric columns of at most 1,000 values). */
    EXACT_VALUES,
    /** At least one side's KLL sketch (about 1.3% rank error at k = 200): an approximation. */
    SKETCH,
    /** The exact category counts of both columns. */
    CATEGORY_COUNTS
}
