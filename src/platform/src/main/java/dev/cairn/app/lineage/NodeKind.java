package dev.cairn.app.lineage;

/** What a node of the lineage graph stands for (after ML Metadata). */
public enum NodeKind {
    ARTIFACT,
    EXECUTION,
    /** The project's context; every artifact and execution of the project belongs to it. */
    CONTEXT
}
