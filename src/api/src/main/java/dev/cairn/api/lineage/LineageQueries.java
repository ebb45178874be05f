package dev.cairn.api.lineage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to a project's lineage for plugins: how one stage finds another stage's artifacts, and
 * what was made from one of its own. Every query is the current tenant's: a node of another tenant
 * reads like an unknown one.
 */
public interface LineageQueries {

    /** Artifacts of one type in the project, newest first. */
    List<ArtifactRef> artifacts(UUID projectId, String type);

    /**
     * The project's artifact of this type recorded with this property value, e.g. a dataset's
     * artifact by its "dataset_id"; the newest when there are several.
     */
    Optional<ArtifactRef> artifactWith(UUID projectId, String type, String property, String value);

    /**
     * Everything made from this node of the project (executions that read it, what they made, and so
     * on), nearest first; empty for a node outside the project. A plugin asks before it deletes what
     * others depend on.
     */
    List<Dependent> downstream(UUID projectId, UUID nodeId);

    default boolean hasDownstream(UUID projectId, UUID nodeId) {
        return !downstream(projectId, nodeId).isEmpty();
    }

    record ArtifactRef(UUID id, String type, String name) {
    }

    /**
     * A node downstream of another: its type, the type's display name as its plugin declared it, its
     * name and how many edges away it is.
     */
    record Dependent(UUID id, boolean execution, String type, String typeName, String name, int distance) {

        /** How a message names it: "Baseline 'rule of thumb'". */
        public String describe() {
            return typeName + " '" + name + "'";
        }
    }
}
