package dev.cairn.api.lineage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records artifacts and executions in a project's lineage (after ML Metadata). Types are namespaced
 * by the plugin that declared them ("data.dataset"); an undeclared type is refused.
 */
public interface LineageRecorder {

    UUID recordArtifact(UUID projectId, String type, String name, String uri, Map<String, String> properties);

    /** Records an execution and its input/output events in one transaction. */
    UUID recordExecution(UUID projectId, String type, String name, List<UUID> inputArtifacts,
                         List<UUID> outputArtifacts, Map<String, String> properties);
}
