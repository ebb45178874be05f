package dev.cairn.plugin.scoping.review;

import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.ScopingPermissions;
import static dev.cairn.plugin.scoping.db.Tables.SCOPING_REVIEW;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.scoping.MetricKind;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.scoping.ProblemStatementService;
import dev.cairn.plugin.scoping.canvas.Canvas;
import dev.cairn.plugin.scoping.canvas.CanvasBox;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.db.tables.records.ScopingDocumentRecord;
import dev.cairn.plugin.scoping.db.tables.records.ScopingReviewRecord;
import dev.cairn.plugin.scoping.document.Approvers;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.template.ScopingTemplates;
import dev.cairn.plugin.scoping.value.ValueService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoping gate: what is still missing, and the approval or rejection of a document revision,
 * recorded with who, when and why in the review history, the audit log and the lineage graph.
 */
@Service
public class ScopingReviewService {

    public static final String DOCUMENT_ARTIFACT = "scoping.document";
    public static final String REVIEW_EXECUTION = "scoping.review";

    public enum Decision { APPROVED, REJECTED }

    /** Where the current revision stands. */
    public enum GateState { NOT_STARTED, NOT_REVIEWED, APPROVED, REJECTED, CHANGED_SINCE_APPROVAL }

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final ScopingDocuments documents;
    private final ProblemStatementService problems;
    private final CanvasService canvas;
    private final FeasibilityService feasibility;
    private final ValueService value;
    private final MetricContractService contracts;
    private final Approvers approvers;
    private final LineageRecorder lineage;
    private final AuditLog audit;

    ScopingReviewService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, ScopingDocuments documents,
                         ProblemStatementService problems, CanvasService canvas, FeasibilityService feasibility, ValueService value,
                         MetricContractService contracts, Approvers approvers, LineageRecorder lineage, AuditLog audit) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.documents = documents;
        this.problems = problems;
        this.canvas = canvas;
        this.feasibility = feasibility;
        this.value = value;
        this.contracts = contracts;
        this.approvers = approvers;
        this.lineage = lineage;
        this.audit = audit;
    }

    /** What must still be written before the document can be approved, in the document's order. Empty when complete. */
    public List<String> missing(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        List<String> missing = new ArrayList<>();
        if (problems.find(projectId).isEmpty()) {
            missing.add("Problem: write the business problem, who is affected, the decision and today's approach.");
        }
        var savedCanvas = canvas.find(projectId);
        List<CanvasBox> boxes = savedCanvas.map(saved -> saved.canvas().missingRequired())
                .orElse(java.util.Arrays.stream(CanvasBox.values()).filter(CanvasBox::required).toList());
        if (!boxes.isEmpty()) {
            missing.add("Canvas: fill " + String.join(", ", boxes.stream().map(CanvasBox::title).toList()) + ".");
        }
        List<CanvasBox> unadapted = savedCanvas.map(saved -> templateDraftsLeft(projectId, saved.canvas())).orElse(List.of());
        if (!unadapted.isEmpty()) {
            missing.add("Canvas: adapt the template's draft in " + String.join(", ", unadapted.stream().map(CanvasBox::title).toList())
                    + " (it describes a typical project, not this one).");
        }
        if (feasibility.find(projectId).isEmpty()) {
            missing.add("Feasibility: answer the diligence questions.");
        }
        var assessment = value.find(projectId);
        if (assessment.isEmpty()) {
            missing.add("Value and ethics: name the business and ML metrics and rate the risks.");
        } else if (assessment.get().assessment().highRisk() && assessment.get().signOff().isEmpty()) {
            missing.add("Value and ethics: a high risk needs an ethics sign-off by another manager.");
        }
        if (contracts.latest(projectId).targets().stream().noneMatch(t -> t.kind() == MetricKind.ML)) {
            missing.add("Metric contract: add at least one ML metric target.");
        }
        return missing;
    }

    /** Required boxes still holding the template's text word for word. */
    private List<CanvasBox> templateDraftsLeft(UUID projectId, Canvas saved) {
        return documents.find(projectId).flatMap(d -> ScopingTemplates.byId(d.getTemplate()))
                .map(template -> java.util.Arrays.stream(CanvasBox.values()).filter(CanvasBox::required)
                        .filter(box -> !saved.text(box).isEmpty() && saved.text(box).equals(template.canvas().getOrDefault(box, "").strip()))
                        .toList())
                .orElse(List.of());
    }

    /** The gate's first check: every required part is written. */
    public dev.cairn.api.plugin.StageGateCheck.GateResult completenessGate(dev.cairn.api.project.ProjectRef project) {
        List<String> missing = missing(project.id());
        return missing.isEmpty()
                ? dev.cairn.api.plugin.StageGateCheck.GateResult.pass("Problem, canvas, diligence and metric contract are written.")
                : dev.cairn.api.plugin.StageGateCheck.GateResult.fail(String.join(" ", missing));
    }

    /** The gate's second check: the current revision is approved. */
    public dev.cairn.api.plugin.StageGateCheck.GateResult approvalGate(dev.cairn.api.project.ProjectRef project) {
        return switch (state(project.id())) {
            case APPROVED -> dev.cairn.api.plugin.StageGateCheck.GateResult.pass("The current revision is approved.");
            case CHANGED_SINCE_APPROVAL -> dev.cairn.api.plugin.StageGateCheck.GateResult.fail(
                    "Changed since the last approval: needs a new approval.");
            case REJECTED -> dev.cairn.api.plugin.StageGateCheck.GateResult.fail("The current revision was rejected: see the review history.");
            case NOT_REVIEWED -> dev.cairn.api.plugin.StageGateCheck.GateResult.fail(
                    "Not reviewed yet: another manager approves it on the Review tab.");
            case NOT_STARTED -> dev.cairn.api.plugin.StageGateCheck.GateResult.fail("Start the scoping document, from a template or blank.");
        };
    }

    public GateState state(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        Optional<ScopingDocumentRecord> document = documents.find(projectId);
        if (document.isEmpty()) {
            return GateState.NOT_STARTED;
        }
        int revision = document.get().getRevision();
        List<ScopingReviewRecord> history = history(projectId);
        Optional<ScopingReviewRecord> current = history.stream().filter(r -> r.getRevision() == revision).findFirst();
        if (current.isPresent()) {
            return Decision.valueOf(current.get().getDecision()) == Decision.APPROVED ? GateState.APPROVED : GateState.REJECTED;
        }
        return history.stream().anyMatch(r -> r.getDecision().equals(Decision.APPROVED.name()))
                ? GateState.CHANGED_SINCE_APPROVAL : GateState.NOT_REVIEWED;
    }

    /** The document's current revision (0 before it was started). */
    public int revision(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        return documents.revision(projectId);
    }

    /** Every decision, newest first. */
    public List<ScopingReviewRecord> history(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        projects.require(projectId);
        return db.fetch(SCOPING_REVIEW, SCOPING_REVIEW.PROJECT_ID.eq(projectId), SCOPING_REVIEW.DECIDED_AT.desc(),
                SCOPING_REVIEW.REVISION.desc()).stream().toList();
    }

    /** Approves the revision the approver looked at; if the document changed since, nothing happens and they are told. */
    @Transactional
    public void approve(UUID projectId, int revisionSeen, String reason) {
        decide(projectId, revisionSeen, Decision.APPROVED, reason);
    }

    @Transactional
    public void reject(UUID projectId, int revisionSeen, String reason) {
        decide(projectId, revisionSeen, Decision.REJECTED, reason);
    }

    /**
     * Who wrote the revision under review: whoever started the document and whoever last saved
     * each part (problem, canvas, feasibility, value, the draft contract). None of them may decide on it.
     */
    Set<String> authors(UUID projectId, ScopingDocumentRecord document) {
        Set<String> authors = new LinkedHashSet<>();
        authors.add(document.getCreatedBy());
        problems.find(projectId).ifPresent(p -> authors.add(p.getUpdatedBy()));
        canvas.find(projectId).ifPresent(c -> authors.add(c.updatedBy()));
        feasibility.find(projectId).ifPresent(f -> authors.add(f.updatedBy()));
        value.find(projectId).ifPresent(v -> authors.add(v.updatedBy()));
        var contract = contracts.latest(projectId);
        if (contract.status() == MetricContractService.Status.DRAFT && contract.updatedBy() != null) {
            authors.add(contract.updatedBy());
        }
        return authors;
    }

    private void decide(UUID projectId, int revisionSeen, Decision decision, String reason) {
        String verb = decision == Decision.APPROVED ? "approve" : "reject";
        var user = permissions.require(ScopingPermissions.REVIEW);
        var project = projects.require(projectId);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why you " + verb + " the document.");
        }
        if (reason.strip().length() > 2000) {
            throw new IllegalArgumentException("The reason must have at most 2000 characters.");
        }
        // Holds the document's row until this decision commits: a part saved meanwhile waits, and a
        // part saved since the approver looked makes this fail instead of approving unseen text.
        documents.lockRevision(projectId, revisionSeen);
        ScopingDocumentRecord document = documents.find(projectId).orElseThrow();
        if (decision == Decision.APPROVED) {
            List<String> missing = missing(projectId);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The document is not complete: " + String.join(" ", missing));
            }
        }
        boolean self = approvers.requireIndependent(user, authors(projectId, document), verb + " the scoping document");
        int revision = revisionSeen;
        if (history(projectId).stream().anyMatch(r -> r.getRevision() == revision)) {
            throw new IllegalStateException("Revision " + revision + " was already reviewed; it must change before a new decision.");
        }
        Integer contractNumber = decision == Decision.APPROVED
                ? contracts.approveDraft(projectId, user.username()).orElse(null) : null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ScopingReviewRecord review = db.newRecord(SCOPING_REVIEW);
        review.setId(UUID.randomUUID());
        review.setProjectId(projectId);
        review.setRevision(revision);
        review.setDecision(decision.name());
        review.setReason(reason.strip());
        review.setDecidedBy(user.username());
        review.setDecidedAt(now);
        review.setContractNumber(contractNumber);
        db.insert(review);

        Map<String, String> documentProperties = new LinkedHashMap<>();
        documentProperties.put("revision", String.valueOf(revision));
        documentProperties.put("template", document.getTemplate());
        if (contractNumber != null) {
            documentProperties.put("metric contract", "v" + contractNumber);
        }
        feasibility.rating(projectId).ifPresent(rating -> documentProperties.put("feasibility", rating.level().name()));
        UUID artifact = lineage.recordArtifact(projectId, DOCUMENT_ARTIFACT, "Scoping document r" + revision, null, documentProperties);
        Map<String, String> reviewProperties = new LinkedHashMap<>();
        reviewProperties.put("decision", decision.name());
        reviewProperties.put("by", user.username());
        reviewProperties.put("reason", reason.strip());
        if (self) {
            reviewProperties.put("self-approval", "the tenant has no other manager");
        }
        lineage.recordExecution(projectId, REVIEW_EXECUTION, (decision == Decision.APPROVED ? "Approve" : "Reject") + " scoping r" + revision,
                List.of(artifact), List.of(), reviewProperties);
        documents.recordActivity(projectId, user.username(), (decision == Decision.APPROVED ? "approved" : "rejected") + " revision "
                + revision + (self ? " (self-approval: no other manager)" : "") + ": " + reason.strip());
        audit.record("scoping.review." + verb, project.key(), AuditLog.Outcome.SUCCESS, "revision " + revision
                + (contractNumber == null ? "" : ", metric contract v" + contractNumber) + (self ? " (self, no other manager)" : "")
                + ": " + reason.strip());
    }
}
