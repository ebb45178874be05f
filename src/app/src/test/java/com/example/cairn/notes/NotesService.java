package com.example.cairn.notes;

import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.lineage.LineageQueries.ArtifactRef;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.security.PermissionCheck;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Notes are lineage artifacts of type example.note: the plugin needs no table of its own. */
@Service
public class NotesService {

    static final String NOTE = "example.note";

    private final LineageRecorder lineage;
    private final LineageQueries queries;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;

    NotesService(LineageRecorder lineage, LineageQueries queries, ProjectDirectory projects, PermissionCheck permissions) {
        this.lineage = lineage;
        this.queries = queries;
        this.projects = projects;
        this.permissions = permissions;
    }

    public UUID write(UUID projectId, String text) {
        permissions.require(NotesPermissions.WRITE);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A note needs some text.");
        }
        projects.require(projectId.toString());
        return lineage.recordArtifact(projectId, NOTE, text.strip(), null, Map.of());
    }

    public List<ArtifactRef> notes(UUID projectId) {
        permissions.require(NotesPermissions.READ);
        return queries.artifacts(projectId, NOTE);
    }

    /** The gate's question, asked without a permission: the project page shows every gate to its readers. */
    int count(UUID projectId) {
        return queries.artifacts(projectId, NOTE).size();
    }
}
