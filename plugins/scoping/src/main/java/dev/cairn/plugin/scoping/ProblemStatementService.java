package dev.cairn.plugin.scoping;

import static dev.cairn.plugin.scoping.db.Tables.PROBLEM_STATEMENT;

import dev.cairn.plugin.scoping.db.tables.records.ProblemStatementRecord;
import dev.cairn.plugin.scoping.document.ScopingParts;
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

    static final VersionedPart<ProblemStatementRecord> PART = new VersionedPart<>("problem", "problem statement", PROBLEM_STATEMENT,
            PROBLEM_STATEMENT.ID, PROBLEM_STATEMENT.PROJECT_ID, PROBLEM_STATEMENT.VERSION, PROBLEM_STATEMENT.UPDATED_BY,
            PROBLEM_STATEMENT.UPDATED_AT);

    private final ScopingParts parts;

    ProblemStatementService(ScopingParts parts) {
        this.parts = parts;
    }

    public Optional<ProblemStatementRecord> find(UUID projectId) {
        return parts.find(PART, projectId);
    }

    /**
     * Saves the statement. {@code basedOnVersion} is the version the user started from (null for
     * a new statement). Returns the new version.
     */
    @Transactional
    public int save(UUID projectId, ProblemStatement statement, Integer basedOnVersion) {
        return parts.save(PART, projectId, basedOnVersion, statement::validate, (record, username) -> {
            record.setBusinessProblem(statement.businessProblem().strip());
            record.setAffected(statement.affected().strip());
            record.setDecision(statement.decision().strip());
            record.setCurrentApproach(statement.currentApproach().strip());
        }, () -> "");
    }
}
