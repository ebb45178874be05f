package dev.cairn.plugin.data.validation;

/**
 * The kinds of anomaly validation finds, after TensorFlow Data Validation's (its name in
 * {@link #tfdv}). TFDV makes every anomaly an error unless configured otherwise; Cairn keeps that
 * default and makes three kinds warnings, because no schema change is owed for them (the table
 * is in the user guide, "Validation"): a new column (TFDV's {@code new_features_are_warnings}: a
 * model reads the features it knows), NaN or infinity (TFDV checks them only where the schema
 * disallows them, which Cairn's schema cannot say), and a count that only a sketch estimated.
 */
public enum AnomalyType {
    MISSING_COLUMN("SCHEMA_MISSING_COLUMN", "Missing column"),
    NEW_COLUMN("SCHEMA_NEW_COLUMN", "New column"),
    /** A feature the schema says is absent in this environment (such as the label at serving) is present. */
    NOT_IN_ENVIRONMENT("SCHEMA_NEW_COLUMN", "Column not expected in this environment"),
    TYPE_CHANGE("INT_TYPE_NOT_INT_STRING, FLOAT_TYPE_STRING_NOT_FLOAT", "Type change"),
    OUT_OF_RANGE("INT_TYPE_SMALL_INT, INT_TYPE_BIG_INT, FLOAT_TYPE_SMALL_FLOAT, FLOAT_TYPE_BIG_FLOAT", "Value out of range"),
    UNEXPECTED_CATEGORY("ENUM_TYPE_UNEXPECTED_STRING_VALUES", "Unexpected category"),
    TOO_FEW_PRESENT("FEATURE_TYPE_LOW_FRACTION_PRESENT", "Too few values present"),
    NAN_OR_INFINITY("FLOAT_TYPE_HAS_NAN, FLOAT_TYPE_HAS_INF", "NaN or infinity"),
    TOO_FEW_DISTINCT("FEATURE_TYPE_LOW_UNIQUE", "Too few distinct values"),
    TOO_MANY_DISTINCT("FEATURE_TYPE_HIGH_UNIQUE", "Too many distinct values"),
    TOO_FEW_ROWS("DATASET_LOW_NUM_EXAMPLES", "Too few rows");

    /** TFDV's anomaly type(s) this one follows. */
    public final String tfdv;
    /** A short title for lists. */
    public final String title;

    AnomalyType(String tfdv, String title) {
        this.tfdv = tfdv;
        this.title = title;
    }
}
