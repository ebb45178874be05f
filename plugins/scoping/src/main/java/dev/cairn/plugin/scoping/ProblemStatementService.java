package dev.cairn.plugin.scoping;

import static dev.cairn.plugin.scoping.db.Tables.PROBLEM_STATEMENT;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.ProblemStatementRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem statement of a project. Saves are optimistic: a save based on an old version is
 * refused with a message naming who changed it, and the user's text stays in the form.
 */
@Service
public class ProblemStatementService {

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ProblemStatementService(TenantDb db, ProjectDirectory projects, CurrentUser currentUser, AuditLog audit) {
        this.db = db;
        this.projects = projects;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    public Optional<ProblemStatementRecord> find(UUID projectId) {
        projects.require(projectId);
        return db.fetchOptional(PROBLEM_STATEMENT, PROBLEM_STATEMENT.PROJECT_ID.eq(projectId));
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
        Optional<ProblemStatementRecord> existing = db.fetchOptional(PROBLEM_STATEMENT, PROBLEM_STATEMENT.PROJECT_ID.eq(projectId));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (existing.isEmpty()) {
            if (basedOnVersion != null) {
                throw new IllegalStateException("The statement was deleted meanwhile; reload the page.");
            }
            ProblemStatementRecord record = db.newRecord(PROBLEM_STATEMENT);
            record.setId(UUID.randomUUID());
            record.setProjectId(projectId);
            fill(record, statement, user.username(), now);
            record.setVersion(1);
            db.insert(record);
            audit.record("scoping.problem.save", project.key(), AuditLog.Outcome.SUCCESS, "version 1");
            return 1;
        }
        ProblemStatementRecord record = existing.get();
        int expected = basedOnVersion == null ? -1 : basedOnVersion;
        if (record.getVersion() != expected) {
            throw new ConcurrentEditException(record.getUpdatedBy(), record.getUpdatedAt());
        }
        fill(record, statement, user.username(), now);
        if (!db.updateVersioned(record, PROBLEM_STATEMENT.VERSION, expected)) {
            var latest = db.fetchOptional(PROBLEM_STATEMENT, PROBLEM_STATEMENT.PROJECT_ID.eq(projectId)).orElseThrow();
            throw new ConcurrentEditException(latest.getUpdatedBy(), latest.getUpdatedAt());
        }
        audit.record("scoping.problem.save", project.key(), AuditLog.Outcome.SUCCESS, "version " + (expected + 1));
        return expected + 1;
    }

    private static void fill(ProblemStatementRecord record, ProblemStatement statement, String username, OffsetDateTime now) {
        record.setBusinessProblem(statement.businessProblem().strip());
        record.setAffected(statement.affected().strip());
        record.setDecision(statement.decision().strip());
        record.setCurrentApproach(statement.currentApproach().strip());
        record.setUpdatedBy(username);
        record.setUpdatedAt(now);
    }

    /** Someone else saved first. */
    public static class ConcurrentEditException extends IllegalStateException {
        ConcurrentEditException(String who, OffsetDateTime when) {
            super(who + " changed the problem statement at " + when.toLocalTime().withNano(0)
                    + " UTC while you were editing. Your text is still in the form: reload to see theirs, then merge.");
        }
    }
}
