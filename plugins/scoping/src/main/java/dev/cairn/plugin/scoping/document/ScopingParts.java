package dev.cairn.plugin.scoping.document;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.TenantDb;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jooq.UpdatableRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reading and saving a one-row part of the scoping document (problem, canvas, feasibility,
 * value) always involves: the project must be the tenant's; a save needs a manager, valid input
 * and the version the user started from, and moves the revision on, with an activity line and an
 * audit entry.
 */
@Component
public class ScopingParts {

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final ScopingDocuments documents;
    private final AuditLog audit;

    ScopingParts(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, ScopingDocuments documents, AuditLog audit) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.documents = documents;
        this.audit = audit;
    }

    public <R extends UpdatableRecord<R>> Optional<R> find(VersionedPart<R> part, UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return part.find(db, projectId);
    }

    /**
     * Saves a part in the caller's transaction. {@code fill} writes the input into the row and is
     * given the username; {@code detail} (asked for after validation) is added to the activity line and audit entry. Returns the
     * new version.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <R extends UpdatableRecord<R>> int save(VersionedPart<R> part, UUID projectId, Integer basedOnVersion, Runnable validate,
                                                   BiConsumer<R, String> fill, Supplier<String> detail) {
        var user = permissions.require(ScopingPermissions.EDIT);
        var project = projects.require(projectId);
        validate.run();
        int version = part.save(db, projectId, basedOnVersion, user.username(), record -> fill.accept(record, user.username()));
        String more = detail.get();
        documents.recordChange(projectId, user.username(), "saved the " + part.title() + " (version " + version + more + ")");
        audit.record("scoping." + part.key() + ".save", project.key(), AuditLog.Outcome.SUCCESS, "version " + version + more);
        return version;
    }
}
