package dev.cairn.plugin.scoping.feasibility;

import static dev.cairn.plugin.scoping.db.Tables.FEASIBILITY;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.Permissions;
import dev.cairn.api.security.Role;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.FeasibilityRecord;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.document.VersionedPart;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Diligence on feasibility: the answers, and the rating computed from them. */
@Service
public class FeasibilityService {

    static final VersionedPart<FeasibilityRecord> PART = new VersionedPart<>("feasibility answers", FEASIBILITY, FEASIBILITY.ID,
            FEASIBILITY.PROJECT_ID, FEASIBILITY.VERSION, FEASIBILITY.UPDATED_BY, FEASIBILITY.UPDATED_AT);

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final CurrentUser currentUser;
    private final ScopingDocuments documents;
    private final AuditLog audit;

    FeasibilityService(TenantDb db, ProjectDirectory projects, CurrentUser currentUser, ScopingDocuments documents, AuditLog audit) {
        this.db = db;
        this.projects = projects;
        this.currentUser = currentUser;
        this.documents = documents;
        this.audit = audit;
    }

    public Optional<Saved> find(UUID projectId) {
        projects.require(projectId);
        return PART.find(db, projectId).map(r -> new Saved(toAnswers(r), r.getVersion(), r.getUpdatedBy()));
    }

    /** The rating of the saved answers, with its reasons; empty before any answer is saved. */
    public Optional<FeasibilityRating> rating(UUID projectId) {
        return find(projectId).map(saved -> FeasibilityRating.of(saved.answers()));
    }

    @Transactional
    public int save(UUID projectId, FeasibilityAnswers answers, Integer basedOnVersion) {
        var user = Permissions.requireAnyRole(currentUser, "edit the feasibility diligence", Role.TENANT_ADMIN, Role.PROJECT_MANAGER);
        var project = projects.require(projectId);
        answers.validate();
        int version = PART.save(db, projectId, basedOnVersion, user.username(), record -> {
            record.setDataKind(answers.dataKind().name());
            record.setHlpApplies(answers.hlpApplies());
            record.setHlpMethod(blankToNull(answers.hlpMethod()));
            record.setHlpExamples(answers.hlpExamples());
            record.setHlpMetric(blankToNull(answers.hlpMetric()));
            record.setHlpValue(answers.hlpValue());
            record.setPredictiveFeatures(answers.predictiveFeatures().name());
            record.setFeatureNotes(blankToNull(answers.featureNotes()));
            record.setPriorWork(answers.priorWork().name());
            record.setPriorWorkNotes(blankToNull(answers.priorWorkNotes()));
        });
        documents.recordChange(projectId, user.username(), "saved the feasibility answers (version " + version + ", rated "
                + FeasibilityRating.of(answers).level() + ")");
        audit.record("scoping.feasibility.save", project.key(), AuditLog.Outcome.SUCCESS,
                "version " + version + ", rated " + FeasibilityRating.of(answers).level());
        return version;
    }

    static FeasibilityAnswers toAnswers(FeasibilityRecord r) {
        return new FeasibilityAnswers(DataKind.valueOf(r.getDataKind()), r.getHlpApplies(), r.getHlpMethod(), r.getHlpExamples(),
                r.getHlpMetric(), r.getHlpValue(), Evidence.valueOf(r.getPredictiveFeatures()), r.getFeatureNotes(),
                PriorWork.valueOf(r.getPriorWork()), r.getPriorWorkNotes());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public record Saved(FeasibilityAnswers answers, int version, String updatedBy) {
    }
}
