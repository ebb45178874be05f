package dev.cairn.plugin.scoping.value;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import static dev.cairn.plugin.scoping.db.Tables.VALUE_ASSESSMENT;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.db.tables.records.ValueAssessmentRecord;
import dev.cairn.plugin.scoping.document.Approvers;
import dev.cairn.plugin.scoping.document.ConcurrentEditException;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.document.ScopingParts;
import dev.cairn.plugin.scoping.document.VersionedPart;
import dev.cairn.plugin.scoping.value.ValueAssessment.Risk;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Diligence on value and the ethical review, with its sign-off. */
@Service
public class ValueService {

    static final VersionedPart<ValueAssessmentRecord> PART = new VersionedPart<>("value", "value and ethics review", VALUE_ASSESSMENT,
            VALUE_ASSESSMENT.ID, VALUE_ASSESSMENT.PROJECT_ID, VALUE_ASSESSMENT.VERSION, VALUE_ASSESSMENT.UPDATED_BY,
            VALUE_ASSESSMENT.UPDATED_AT);

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final ScopingDocuments documents;
    private final AuditLog audit;
    private final Approvers approvers;
    private final ScopingParts parts;

    ValueService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, ScopingDocuments documents, AuditLog audit,
                 Approvers approvers, ScopingParts parts) {
        this.approvers = approvers;
        this.parts = parts;
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.documents = documents;
        this.audit = audit;
    }

    public Optional<Saved> find(UUID projectId) {
        return parts.find(PART, projectId).map(r -> new Saved(toAssessment(r), r.getVersion(), r.getUpdatedBy(),
                Optional.ofNullable(r.getEthicsSignedOffBy()).map(by -> new SignOff(by, r.getEthicsSignedOffAt(), r.getEthicsSignoffNote()))));
    }

    /**
     * Saves the assessment. A change to the risks or to who could be harmed withdraws an earlier
     * ethics sign-off: the sign-off was of what was written then.
     */
    @Transactional
    public int save(UUID projectId, ValueAssessment assessment, Integer basedOnVersion) {
        return parts.save(PART, projectId, basedOnVersion, assessment::validate, (record, username) -> {
            boolean ethicsChanged = record.getFairnessRisk() == null || !assessment.fairnessRisk().name().equals(record.getFairnessRisk())
                    || !assessment.privacyRisk().name().equals(record.getPrivacyRisk())
                    || !java.util.Objects.equals(strip(assessment.harmNotes()), record.getHarmNotes());
            record.setBusinessMetric(assessment.businessMetric().strip());
            record.setMlMetric(assessment.mlMetric().strip());
            record.setMetricLink(assessment.metricLink().strip());
            record.setValueEstimate(assessment.valueEstimate());
            record.setValueUnit(strip(assessment.valueUnit()));
            record.setValueNotes(strip(assessment.valueNotes()));
            record.setFairnessRisk(assessment.fairnessRisk().name());
            record.setPrivacyRisk(assessment.privacyRisk().name());
            record.setHarmNotes(strip(assessment.harmNotes()));
            if (ethicsChanged) {
                record.setEthicsWrittenBy(username);
                record.setEthicsSignedOffBy(null);
                record.setEthicsSignedOffAt(null);
                record.setEthicsSignoffNote(null);
            }
        }, () -> "");
    }

    /**
     * Records the ethics sign-off of the review as the signer saw it ({@code versionSeen}): a manager
     * other than the one who last wrote the risks (the same person only when the tenant has no
     * other manager) confirms it. If the review changed since, nothing is signed.
     */
    @Transactional
    public void signOffEthics(UUID projectId, String note, int versionSeen) {
        var user = permissions.require(ScopingPermissions.SIGN_OFF_ETHICS);
        var project = projects.require(projectId);
        var saved = PART.find(db, projectId).orElseThrow(() -> new IllegalStateException("Write the value and ethics review first."));
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("Say what was checked in the sign-off note.");
        }
        if (note.strip().length() > 1000) {
            throw new IllegalArgumentException("The sign-off note must have at most 1000 characters.");
        }
        boolean self = approvers.requireIndependent(user, java.util.List.of(saved.getEthicsWrittenBy()), "sign off the ethics review");
        int signed = db.update(VALUE_ASSESSMENT, Map.of(VALUE_ASSESSMENT.ETHICS_SIGNED_OFF_BY, user.username(),
                VALUE_ASSESSMENT.ETHICS_SIGNED_OFF_AT, OffsetDateTime.now(ZoneOffset.UTC),
                VALUE_ASSESSMENT.ETHICS_SIGNOFF_NOTE, note.strip(), VALUE_ASSESSMENT.VERSION, versionSeen + 1),
                VALUE_ASSESSMENT.ID.eq(saved.getId()).and(VALUE_ASSESSMENT.VERSION.eq(versionSeen)));
        if (signed == 0) {
            throw new ConcurrentEditException("value and ethics review", saved.getUpdatedBy(), saved.getUpdatedAt());
        }
        documents.recordChange(projectId, user.username(), (self ? "signed off their own ethics review (no other manager): "
                : "signed off the ethics review: ") + note.strip());
        audit.record("scoping.ethics.signoff", project.key(), AuditLog.Outcome.SUCCESS, (self ? "self sign-off (no other manager): " : "")
                + note.strip());
    }

    static ValueAssessment toAssessment(ValueAssessmentRecord r) {
        return new ValueAssessment(r.getBusinessMetric(), r.getMlMetric(), r.getMetricLink(), r.getValueEstimate(), r.getValueUnit(),
                r.getValueNotes(), Risk.valueOf(r.getFairnessRisk()), Risk.valueOf(r.getPrivacyRisk()), r.getHarmNotes());
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public record SignOff(String by, OffsetDateTime at, String note) {
    }

    public record Saved(ValueAssessment assessment, int version, String updatedBy, Optional<SignOff> signOff) {
    }
}
