package dev.cairn.api.data;

import java.util.List;
import java.util.UUID;

/**
 * The human-level figures a project's team recorded from its label reviews. Implemented by the data plugin; read by
 * scoping (feasibility's human-level baseline) and modeling (shown beside its baseline run). The tenant in scope only;
 * callers check their own permissions (reading a project's figures is reading its data).
 */
public interface HumanLevelFigures {

    /** The project's figures, newest first; empty when none was recorded. */
    List<HumanLevelFigure> figures(UUID projectId);
}
