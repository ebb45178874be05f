package dev.cairn.api.data.drift;

/** Numbers or categories: which measures apply to a column. */
public enum ColumnKind {
    NUMERIC,
    CATEGORICAL;

    public static ColumnKind of(ColumnDistribution distribution) {
        return distribution instanceof NumericDistribution ? NUMERIC : CATEGORICAL;
    }
}
