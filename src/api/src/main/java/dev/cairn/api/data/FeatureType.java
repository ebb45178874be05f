package dev.cairn.api.data;

/** What values a feature holds, as the data stage's schema inference decides it. */
public enum FeatureType {
    /** Whole numbers. */
    INTEGER,
    /** Real numbers. */
    DECIMAL,
    /** One value of a known set (a category, a code). */
    CATEGORICAL,
    /** Free text. */
    TEXT,
    BOOLEAN,
    /** A point in time (ISO-8601 in the file). */
    TIMESTAMP
}
