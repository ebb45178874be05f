package dev.cairn.plugin.deployment;

import dev.cairn.api.security.PermissionCheck;
import static dev.cairn.plugin.deployment.db.Tables.TARGET;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.deployment.db.tables.records.TargetRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deployment targets of a project: where the model will run, and how it serves. */
@Service
public class TargetService {

    public enum Environment { STAGING, PRODUCTION }

    public enum ServingMode { BATCH, ONLINE, EDGE }

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;

    TargetService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
    }

    public List<TargetRecord> list(UUID projectId) {
        permissions.require(DeploymentPermissions.READ);
        projects.require(projectId);
        return db.fetch(TARGET, TARGET.PROJECT_ID.eq(projectId), TARGET.NAME.asc());
    }

    @Transactional
    public TargetRecord define(UUID projectId, String name, Environment environment, ServingMode mode, String notes) {
        var user = permissions.require(DeploymentPermissions.DEFINE_TARGET);
        ProjectRef project = projects.require(projectId);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new IllegalArgumentException("Name is required (at most 120 characters).");
        }
        if (environment == null) {
            throw new IllegalArgumentException("Environment is required.");
        }
        if (mode == null) {
            throw new IllegalArgumentException("Serving mode is required.");
        }
        String cleanNotes = notes == null ? "" : notes.strip();
        if (cleanNotes.length() > 2000) {
            throw new IllegalArgumentException("Notes must have at most 2000 characters.");
        }
        if (db.count(TARGET, TARGET.PROJECT_ID.eq(projectId).and(TARGET.NAME.eq(cleanName))) > 0) {
            throw new IllegalArgumentException("Name: a target named " + cleanName + " already exists in " + project.key() + ".");
        }
        TargetRecord target = db.newRecord(TARGET);
        target.setId(UUID.randomUUID());
        target.setProjectId(projectId);
        target.setName(cleanName);
        target.setEnvironment(environment.name());
        target.setServingMode(mode.name());
        target.setNotes(cleanNotes);
        target.setCreatedBy(user.username());
        target.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        db.insert(target);
        return target;
    }

    /** The deployment gate: at least one target defined. */
    public dev.cairn.api.plugin.StageGateCheck.GateResult gate(ProjectRef project) {
        int count = db.count(TARGET, TARGET.PROJECT_ID.eq(project.id()));
        return count > 0 ? dev.cairn.api.plugin.StageGateCheck.GateResult.pass(count + " target(s) defined")
                : dev.cairn.api.plugin.StageGateCheck.GateResult.fail("Define where and how the model will serve predictions.");
    }
}
