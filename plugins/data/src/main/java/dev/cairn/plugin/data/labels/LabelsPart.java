package dev.cairn.plugin.data.labels;

import dev.cairn.plugin.data.DataPart;

/** Agreement between a version's labellers: its page, and the label reviews kept as human-level figures. */
public final class LabelsPart {

    public static final DataPart PART = DataPart.builder().route(LabelAgreementView.class)
            .ownArtifact(HumanLevelFigureStore.REVIEW_ARTIFACT, "Label review")
            .ownExecution(HumanLevelFigureStore.AGREEMENT_EXECUTION, "Label agreement")
            .build();

    private LabelsPart() {
    }
}
