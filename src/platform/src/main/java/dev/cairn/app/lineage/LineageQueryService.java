package dev.cairn.app.lineage;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;

import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.TenantDb;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** Plugins find each other's artifacts through the lineage graph, never through each other's tables. */
@Service
class LineageQueryService implements LineageQueries {

    private final TenantDb db;
    private final LineageStore store;
    private final ProjectDirectory projects;
    // Lazy like the directory: the type names come from the plugins, and plugins use these queries.
    private final LineageTypeNames typeNames;

    LineageQueryService(TenantDb db, LineageStore store, @Lazy ProjectDirectory projects,
                        @Lazy LineageTypeNames typeNames) {
        this.db = db;
        this.store = store;
        this.projects = projects;
        this.typeNames = typeNames;
    }

    @Override
    public List<ArtifactRef> artifacts(UUID projectId, String type) {
        projects.require(projectId);
        return store.projectContext(projectId)
                .map(context -> db.fetch(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.CONTEXT_ID.eq(context).and(LINEAGE_ARTIFACT.TYPE.eq(type)),
                                LINEAGE_ARTIFACT.CREATED_AT.desc())
                        .map(a -> new ArtifactRef(a.getId(), a.getType(), a.getName())))
                .orElse(List.of());
    }

    // Properties are stored as JSON text, which H2 and PostgreSQL query differently; a project has few
    // artifacts of one type, so they are read and matched here.
    @Override
    public Optional<ArtifactRef> artifactWith(UUID projectId, String type, String property, String value) {
        projects.require(projectId);
        return store.projectContext(projectId)
                .flatMap(context -> db.fetch(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.CONTEXT_ID.eq(context).and(LINEAGE_ARTIFACT.TYPE.eq(type)),
                                LINEAGE_ARTIFACT.CREATED_AT.desc()).stream()
                        .filter(a -> value.equals(LineageProperties.fromJson(a.getProperties()).get(property)))
                        .findFirst()
                        .map(a -> new ArtifactRef(a.getId(), a.getType(), a.getName())));
    }

    @Override
    public List<Dependent> downstream(UUID projectId, UUID nodeId) {
        projects.require(projectId);
        Optional<UUID> context = store.projectContext(projectId);
        if (context.isEmpty() || !inContext(nodeId, context.get())) {
            return List.of();
        }
        return store.downstream(nodeId).stream()
                .map(node -> new Dependent(node.id(), node.kind() == NodeKind.EXECUTION, node.type(), typeNames.nameOf(node.type()),
                        node.name(), node.distance()))
                .toList();
    }

    private boolean inContext(UUID nodeId, UUID context) {
        return db.count(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.ID.eq(nodeId).and(LINEAGE_ARTIFACT.CONTEXT_ID.eq(context))) > 0
                || db.count(LINEAGE_EXECUTION, LINEAGE_EXECUTION.ID.eq(nodeId).and(LINEAGE_EXECUTION.CONTEXT_ID.eq(context))) > 0;
    }
}
