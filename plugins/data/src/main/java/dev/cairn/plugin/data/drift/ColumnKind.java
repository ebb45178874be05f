package dev.cairn.plugin.data.drift;

/** Numbers or categories: which measures apply to a column. */
public enum ColumnKind {
    NUMERIC,
    CATEGORICAL;

    static ColumnKind of(ColumnDistribution distribution) {
        return distribution instanceof NumericDistribution ? NUMERIC : CATEGORICAL;
    }
}
