package dev.cairn.plugin.data.schema;

/** The lineage types of schema versions, declared by the data plugin. */
public final class SchemaLineage {

    /** A schema version (one per version of a dataset's schema). */
    public static final String VERSION_ARTIFACT = "data.schema-version";
    /** A schema version 1 inferred from a dataset version's profile. */
    public static final String INFERENCE_EXECUTION = "data.schema-inference";
    /** A new schema version saved from the previous one. */
    public static final String EDIT_EXECUTION = "data.schema-edit";
    /** A manager's approval of a schema version. */
    public static final String APPROVAL_EXECUTION = "data.schema-approval";

    private SchemaLineage() {
    }
}
