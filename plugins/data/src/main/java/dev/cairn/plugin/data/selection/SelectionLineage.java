package dev.cairn.plugin.data.selection;

/** What feature selection records in the lineage graph (declared in {@link SelectionPart}). */
public final class SelectionLineage {

    /** A version's features ranked against a label. */
    public static final String RANKING_ARTIFACT = "data.feature-ranking";
    /** The ranking run that scored them from the version. */
    public static final String SELECTION_EXECUTION = "data.feature-selection";

    private SelectionLineage() {
    }
}
