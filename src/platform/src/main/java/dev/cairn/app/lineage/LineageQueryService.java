package dev.cairn.app.lineage;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;

import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.TenantDb;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** Plugins find each other's artifacts through the lineage graph, never through each other's tables. */
@Service
class LineageQueryService implements LineageQueries {

    private final TenantDb db;
    private final LineageStore store;
    private final ProjectDirectory projects;

    LineageQueryService(TenantDb db, LineageStore store, @Lazy ProjectDirectory projects) {
        this.db = db;
        this.store = store;
        this.projects = projects;
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
}
