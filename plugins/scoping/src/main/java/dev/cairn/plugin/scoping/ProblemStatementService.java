package dev.cairn.plugin.scoping;

import static dev.cairn.plugin.scoping.db.Tables.PROBLEM_STATEMENT;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.ProblemStatementRecord;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.document.VersionedPart;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem statement of a project, the first part of its scoping document. Saves are
 * optimistic: a save based on an old version is refused with a message naming who changed it.
 */
@Service
public class ProblemStatementService {

    static final VersionedPart<ProblemStatementRecord> PART = new VersionedPart<>("problem statement", PROBLEM_STATEMENT,
            PROBLEM_STATEMENT.ID, PROBLEM_STATEMENT.PROJECT_ID, PROBLEM_STATEMENT.VERSION, PROBLEM_STATEMENT.UPDATED_BY,
            PROBLEM_STATEMENT.UPDATED_AT);

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ScopingDocuments documents;

    ProblemStatementService(TenantDb db, ProjectDirectory projects, CurrentUser currentUser, AuditLog audit, ScopingDocuments documents) {
        this.documents = documents;
        this.db = db;
        this.projects = projects;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    public Optional<ProblemStatementRecord> find(UUID projectId) {
        projects.require(projectId);
        return PART.find(db, projectId);
    }

    /**
     * Saves the statement. {@code basedOnVersion} is the version the user started from (null for
     * a new statement). Returns the new version.
     */
    @Transactional
    public int save(UUID projectId, ProblemStatement statement, Integer basedOnVersion) {
        var user = Permissions.requireAnyRole(currentUser, "edit the problem statement", Role.TENANT_ADMIN, Role.PROJECT_MANAGER);
        var project = projects.require(projectId);
        statement.validate();
        int version = PART.save(db, projectId, basedOnVersion, user.username(), record -> {
            record.setBusinessProblem(statement.businessProblem().strip());
            record.setAffected(statement.affected().strip());
            record.setDecision(statement.decision().strip());
            record.setCurrentApproach(statement.currentApproach().strip());
        });
        documents.recordChange(projectId, user.username(), "saved the problem (version " + version + ")");
        audit.record("scoping.problem.save", project.key(), AuditLog.Outcome.SUCCESS, "version " + version);
        return version;
    }
}
