package dev.cairn.plugin.scoping.portfolio;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import static dev.cairn.plugin.scoping.db.Tables.CANDIDATE_SOLUTION;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.CandidateSolutionRecord;
import dev.cairn.plugin.scoping.document.ConcurrentEditException;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Candidate solutions per project, and the tenant's portfolio of all of them. */
@Service
public class CandidateService {

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final ScopingDocuments documents;

    CandidateService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, ScopingDocuments documents) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.documents = documents;
    }

    public List<CandidateSolutionRecord> list(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return db.fetch(CANDIDATE_SOLUTION, CANDIDATE_SOLUTION.PROJECT_ID.eq(projectId), CANDIDATE_SOLUTION.TITLE.asc());
    }

    /** Every candidate of every project of the tenant, with its project, for the portfolio chart. */
    public List<PortfolioPoint> portfolio() {
        permissions.require(ScopingPermissions.READ);
        Map<UUID, ProjectRef> byId = new java.util.HashMap<>();
        return db.fetch(CANDIDATE_SOLUTION, DSL.noCondition(), CANDIDATE_SOLUTION.TITLE.asc()).stream()
                .map(c -> {
                    ProjectRef project = byId.computeIfAbsent(c.getProjectId(), projects::require);
                    return new PortfolioPoint(project, c.getTitle(), c.getFeasibility(), c.getValueScore(), c.getChosen());
                }).sorted(java.util.Comparator.comparing((PortfolioPoint p) -> p.project().key()).thenComparing(PortfolioPoint::title))
                .toList();
    }

    /** The tenant's projects with no point in the portfolio yet: it names them so none is forgotten. */
    public List<ProjectRef> projectsWithout(List<PortfolioPoint> portfolio) {
        permissions.require(ScopingPermissions.READ);
        var scored = portfolio.stream().map(point -> point.project().id()).collect(java.util.stream.Collectors.toSet());
        return projects.all().stream().filter(p -> !scored.contains(p.id())).toList();
    }

    /** Adds (candidateId null) or changes a candidate, based on the version the user saw. */
    @Transactional
    public CandidateSolutionRecord save(UUID projectId, UUID candidateId, CandidateSolution candidate, Integer basedOnVersion) {
        var user = permissions.require(ScopingPermissions.EDIT);
        projects.require(projectId);
        candidate.validate();
        CandidateSolutionRecord record;
        if (candidateId == null) {
            record = db.newRecord(CANDIDATE_SOLUTION);
            record.setId(UUID.randomUUID());
            record.setProjectId(projectId);
            record.setChosen(false);
            record.setVersion(1);
        } else {
            record = find(projectId, candidateId);
            if (basedOnVersion == null || record.getVersion() != basedOnVersion.intValue()) {
                throw new ConcurrentEditException("candidate '" + record.getTitle() + "'", record.getUpdatedBy(), record.getUpdatedAt());
            }
        }
        record.setTitle(candidate.title().strip());
        record.setApproach(candidate.approach() == null || candidate.approach().isBlank() ? null : candidate.approach().strip());
        record.setFeasibility(candidate.feasibility());
        record.setValueScore(candidate.value());
        record.setUpdatedBy(user.username());
        record.setUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        if (candidateId == null) {
            db.insert(record);
        } else if (!db.updateVersioned(record, CANDIDATE_SOLUTION.VERSION, basedOnVersion)) {
            var latest = find(projectId, candidateId);
            throw new ConcurrentEditException("candidate '" + latest.getTitle() + "'", latest.getUpdatedBy(), latest.getUpdatedAt());
        }
        documents.recordActivity(projectId, user.username(), "scored the candidate " + record.getTitle() + " (feasibility "
                + record.getFeasibility() + ", value " + record.getValueScore() + ")");
        return record;
    }

    /** Makes this candidate the project's chosen solution; the others are no longer chosen. */
    @Transactional
    public void choose(UUID projectId, UUID candidateId) {
        var user = permissions.require(ScopingPermissions.EDIT);
        projects.require(projectId);
        var chosen = find(projectId, candidateId);
        db.update(CANDIDATE_SOLUTION, Map.of(CANDIDATE_SOLUTION.CHOSEN, false), CANDIDATE_SOLUTION.PROJECT_ID.eq(projectId));
        db.update(CANDIDATE_SOLUTION, Map.of(CANDIDATE_SOLUTION.CHOSEN, true), CANDIDATE_SOLUTION.ID.eq(candidateId));
        documents.recordActivity(projectId, user.username(), "chose the solution " + chosen.getTitle());
    }

    /**
     * Removes a candidate, provided nobody changed it since the user saw it. The chosen solution is
     * refused: the scoping document and the portfolio rest on it, so another is chosen first.
     */
    @Transactional
    public void delete(UUID projectId, UUID candidateId, int versionSeen) {
        var user = permissions.require(ScopingPermissions.EDIT);
        projects.require(projectId);
        var record = find(projectId, candidateId);
        if (Boolean.TRUE.equals(record.getChosen())) {
            throw new IllegalStateException("'" + record.getTitle() + "' is the chosen solution: choose another candidate first, "
                    + "then delete this one.");
        }
        if (db.delete(CANDIDATE_SOLUTION, CANDIDATE_SOLUTION.ID.eq(candidateId).and(CANDIDATE_SOLUTION.VERSION.eq(versionSeen))) == 0) {
            throw new ConcurrentEditException("candidate '" + record.getTitle() + "'", record.getUpdatedBy(), record.getUpdatedAt());
        }
        documents.recordActivity(projectId, user.username(), "removed the candidate " + record.getTitle());
    }

    private CandidateSolutionRecord find(UUID projectId, UUID candidateId) {
        return db.fetchOptional(CANDIDATE_SOLUTION, CANDIDATE_SOLUTION.ID.eq(candidateId).and(CANDIDATE_SOLUTION.PROJECT_ID.eq(projectId)))
                .orElseThrow(() -> new NotFoundException("Candidate solution"));
    }

    /** One candidate on the portfolio chart. */
    public record PortfolioPoint(ProjectRef project, String title, int feasibility, int value, boolean chosen) {
    }
}
