package dev.cairn.plugin.data.validation;

import dev.cairn.plugin.data.DataPart;

/** Validation of a dataset's versions: its page, stored reports and the runs that made them (both part of the dataset's own history). */
public final class ValidationPart {

    public static final DataPart PART = DataPart.builder()
            .route(ValidationView.class)
            .ownArtifact(ValidationLineage.REPORT_ARTIFACT, "Validation report")
            .ownExecution(ValidationLineage.VALIDATION_EXECUTION, "Validation")
            .build();

    private ValidationPart() {
    }
}
