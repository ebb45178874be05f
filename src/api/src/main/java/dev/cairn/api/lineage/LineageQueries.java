package dev.cairn.api.lineage;

import java.util.List;
import java.util.UUID;

/** Read access to a project's lineage for plugins: how one stage finds another stage's artifacts. */
public interface LineageQueries {

    /** Artifacts of one type in the project, newest first. */
    List<ArtifactRef> artifacts(UUID projectId, String type);

    record ArtifactRef(UUID id, String type, String name) {
    }
}
