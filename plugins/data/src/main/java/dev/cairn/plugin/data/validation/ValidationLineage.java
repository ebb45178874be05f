package dev.cairn.plugin.data.validation;

/** What validation records in the lineage graph (declared in {@link ValidationPart}). */
public final class ValidationLineage {

    /** A stored validation report: one version checked against one schema version in one environment. */
    public static final String REPORT_ARTIFACT = "data.validation-report";
    /** The validation run that made it from the dataset version and the schema version. */
    public static final String VALIDATION_EXECUTION = "data.validation";

    private ValidationLineage() {
    }
}
