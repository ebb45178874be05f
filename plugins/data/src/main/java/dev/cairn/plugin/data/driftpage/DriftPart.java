package dev.cairn.plugin.data.driftpage;

import dev.cairn.plugin.data.DataPart;

/** Drift between a dataset's versions: its page and the recorded comparisons. */
public final class DriftPart {

    public static final DataPart PART = DataPart.builder()
            .route(DatasetDriftView.class)
            .ownArtifact(DatasetDrift.REPORT_ARTIFACT, "Drift report")
            .ownExecution(DatasetDrift.COMPARISON_EXECUTION, "Drift comparison")
            .build();

    private DriftPart() {
    }
}
