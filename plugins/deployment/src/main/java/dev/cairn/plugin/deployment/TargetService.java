package dev.cairn.plugin.deployment;

import dev.cairn.api.security.PermissionCheck;
import static dev.cairn.plugin.deployment.db.Tables.TARGET;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NotFoundException;
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
        Input input = Input.checked(name, environment, mode, notes);
        requireUniqueName(project, input.name(), null);
        TargetRecord target = db.newRecord(TARGET);
        target.setId(UUID.randomUUID());
        target.setProjectId(projectId);
        input.applyTo(target);
        target.setCreatedBy(user.username());
        target.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        db.insert(target);
        return target;
    }

    /** Changes a target's name, environment, serving mode and notes; who defined it, and when, stay. */
    @Transactional
    public TargetRecord update(UUID projectId, UUID targetId, String name, Environment environment, ServingMode mode, String notes) {
        permissions.require(DeploymentPermissions.DEFINE_TARGET);
        ProjectRef project = projects.require(projectId);
        TargetRecord target = require(projectId, targetId);
        Input input = Input.checked(name, environment, mode, notes);
        requireUniqueName(project, input.name(), targetId);
        input.applyTo(target);
        db.update(target);
        return target;
    }

    /**
     * Removes a target. Nothing depends on a target in lineage today (no plugin records one); once
     * deployments record them, the delete must be refused while lineage shows a deployment to it.
     */
    @Transactional
    public void delete(UUID projectId, UUID targetId) {
        permissions.require(DeploymentPermissions.DEFINE_TARGET);
        projects.require(projectId);
        require(projectId, targetId);
        db.delete(TARGET, TARGET.PROJECT_ID.eq(projectId).and(TARGET.ID.eq(targetId)));
    }

    private TargetRecord require(UUID projectId, UUID targetId) {
        return db.fetchOptional(TARGET, TARGET.PROJECT_ID.eq(projectId).and(TARGET.ID.eq(targetId)))
                .orElseThrow(() -> new NotFoundException("Deployment target"));
    }

    private void requireUniqueName(ProjectRef project, String name, UUID except) {
        var sameName = TARGET.PROJECT_ID.eq(project.id()).and(TARGET.NAME.eq(name));
        if (db.count(TARGET, except == null ? sameName : sameName.and(TARGET.ID.ne(except))) > 0) {
            throw new IllegalArgumentException("Name: a target named " + name + " already exists in " + project.key() + ".");
        }
    }

    /** A target's fields as the user gave them, checked and stripped; one message per wrong field. */
    private record Input(String name, Environment environment, ServingMode mode, String notes) {

        static Input checked(String name, Environment environment, ServingMode mode, String notes) {
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
            return new Input(cleanName, environment, mode, cleanNotes);
        }

        void applyTo(TargetRecord target) {
            target.setName(name);
            target.setEnvironment(environment.name());
            target.setServingMode(mode.name());
            target.setNotes(notes);
        }
    }

    /** The deployment gate: at least one target defined. */
    public dev.cairn.api.plugin.StageGateCheck.GateResult gate(ProjectRef project) {
        int count = db.count(TARGET, TARGET.PROJECT_ID.eq(project.id()));
        return count > 0 ? dev.cairn.api.plugin.StageGateCheck.GateResult.pass(count + " target(s) defined")
                : dev.cairn.api.plugin.StageGateCheck.GateResult.fail("Define where and how the model will serve predictions.");
    }
}
