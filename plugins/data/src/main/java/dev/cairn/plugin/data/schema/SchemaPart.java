package dev.cairn.plugin.data.schema;

import dev.cairn.plugin.data.DataPart;

/** A dataset's schema: its page, and its versions with the inference, edits and approvals that made them. */
public final class SchemaPart {

    public static final DataPart PART = DataPart.builder()
            .route(SchemaView.class)
            .ownArtifact(SchemaLineage.VERSION_ARTIFACT, "Schema version")
            .ownExecution(SchemaLineage.INFERENCE_EXECUTION, "Schema inference")
            .ownExecution(SchemaLineage.EDIT_EXECUTION, "Schema edit")
            .ownExecution(SchemaLineage.APPROVAL_EXECUTION, "Schema approval")
            .build();

    private SchemaPart() {
    }
}
