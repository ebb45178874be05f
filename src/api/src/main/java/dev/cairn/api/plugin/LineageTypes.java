package dev.cairn.api.plugin;

import java.util.List;

/** Artifact and execution types a plugin records, each prefixed "{plugin id}.". */
public record LineageTypes(List<String> artifactTypes, List<String> executionTypes) {
    public LineageTypes {
        artifactTypes = List.copyOf(artifactTypes);
        executionTypes = List.copyOf(executionTypes);
    }
}
