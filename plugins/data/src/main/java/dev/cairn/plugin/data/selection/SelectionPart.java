package dev.cairn.plugin.data.selection;

import dev.cairn.plugin.data.DataPart;

/** Feature selection: its page, and the ranking it records from a version (part of the dataset's own history). */
public final class SelectionPart {

    public static final DataPart PART = DataPart.builder()
            .route(FeatureSelectionView.class)
            .ownArtifact(SelectionLineage.RANKING_ARTIFACT, "Feature ranking")
            .ownExecution(SelectionLineage.SELECTION_EXECUTION, "Feature selection")
            .build();

    private SelectionPart() {
    }
}
