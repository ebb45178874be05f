package dev.cairn.plugin.data.labels;

import dev.cairn.plugin.data.DataPart;

/** Agreement between a version's labellers: its page (nothing recorded in lineage yet). */
public final class LabelsPart {

    public static final DataPart PART = DataPart.builder().route(LabelAgreementView.class).build();

    private LabelsPart() {
    }
}
