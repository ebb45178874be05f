package dev.cairn.plugin.scoping.export;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.plugin.scoping.ScopingPermissions;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.scoping.ProblemStatementService;
import dev.cairn.plugin.scoping.canvas.CanvasBox;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.export.ScopingReport.Block;
import dev.cairn.plugin.scoping.export.ScopingReport.Bullets;
import dev.cairn.plugin.scoping.export.ScopingReport.Field;
import dev.cairn.plugin.scoping.export.ScopingReport.Section;
import dev.cairn.plugin.scoping.export.ScopingReport.Text;
import dev.cairn.plugin.scoping.feasibility.FeasibilityRating;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.portfolio.CandidateService;
import dev.cairn.plugin.scoping.review.ScopingReviewService;
import dev.cairn.plugin.scoping.value.ValueService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The scoping document as Markdown or PDF, for anyone who may read it. */
@Service
public class ScopingExport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ProjectDirectory projects;
    private final ScopingDocuments documents;
    private final ProblemStatementService problems;
    private final CanvasService canvas;
    private final FeasibilityService feasibility;
    private final ValueService value;
    private final MetricContractService contracts;
    private final MilestoneService milestones;
    private final ScopingReviewService reviews;
    private final CandidateService candidates;
    private final PermissionCheck permissions;

    ScopingExport(ProjectDirectory projects, ScopingDocuments documents, ProblemStatementService problems, CanvasService canvas,
                  FeasibilityService feasibility, ValueService value, MetricContractService contracts, MilestoneService milestones,
                  ScopingReviewService reviews, CandidateService candidates, PermissionCheck permissions) {
        this.candidates = candidates;
        this.permissions = permissions;
        this.projects = projects;
        this.documents = documents;
        this.problems = problems;
        this.canvas = canvas;
        this.feasibility = feasibility;
        this.value = value;
        this.contracts = contracts;
        this.milestones = milestones;
        this.reviews = reviews;
    }

    public String markdown(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        return MarkdownRenderer.render(report(projectId));
    }

    public byte[] pdf(UUID projectId) {
        permissions.require(ScopingPermissions.READ);
        return PdfRenderer.render(report(projectId));
    }

    /** A file name safe on every system: the project key and the revision. */
    public String fileName(UUID projectId, String extension) {
        permissions.require(ScopingPermissions.READ);
        ProjectRef project = projects.require(projectId);
        return "scoping-" + project.key().toLowerCase() + "-r" + documents.revision(projectId) + "." + extension;
    }

    ScopingReport report(UUID projectId) {
        ProjectRef project = projects.require(projectId);
        int revision = documents.revision(projectId);
        List<String> subtitle = List.of("Project " + project.key() + " · revision " + revision + " · " + state(projectId),
                "Exported " + OffsetDateTime.now(ZoneOffset.UTC).format(WHEN));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Problem", problems.find(projectId).<List<Block>>map(p -> List.of(
                new Field("Business problem", p.getBusinessProblem()), new Field("Who is affected", p.getAffected()),
                new Field("Decision supported", p.getDecision()), new Field("How it is done today", p.getCurrentApproach())))
                .orElse(List.of(new Text("Not written yet.")))));
        List<Block> canvasBlocks = new ArrayList<>();
        var savedCanvas = canvas.find(projectId);
        for (CanvasBox box : CanvasBox.values()) {
            canvasBlocks.add(new Field(box.title(), savedCanvas.map(c -> c.canvas().text(box)).orElse("")));
        }
        sections.add(new Section("Machine Learning Canvas", canvasBlocks));
        sections.add(new Section("Feasibility", feasibility.find(projectId).<List<Block>>map(saved -> {
            var a = saved.answers();
            FeasibilityRating rating = FeasibilityRating.of(a);
            List<Block> blocks = new ArrayList<>(List.of(new Field("Rating", rating.level().name()),
                    new Field("Kind of data", a.dataKind().label()),
                    new Field("Human-level baseline", !a.hlpApplies() ? "does not apply" : a.hlpMeasured()
                            ? a.hlpMetric() + " " + ReportNumbers.format(a.hlpValue()) + " on " + ReportNumbers.format(a.hlpExamples()) + " examples" : "applies, not measured"),
                    new Field("How HLP was measured", a.hlpMethod()),
                    new Field("Predictive features", a.predictiveFeatures().label()), new Field("Features and evidence", a.featureNotes()),
                    new Field("Prior work", a.priorWork().label()), new Field("Prior work notes", a.priorWorkNotes())));
            blocks.add(new Bullets(rating.reasons()));
            return blocks;
        }).orElse(List.of(new Text("Not answered yet.")))));
        sections.add(new Section("Value and ethics", value.find(projectId).<List<Block>>map(saved -> {
            var a = saved.assessment();
            List<Block> blocks = new ArrayList<>(List.of(new Field("Business metric", a.businessMetric()), new Field("ML metric", a.mlMetric()),
                    new Field("How one moves the other", a.metricLink()),
                    new Field("Estimated value", a.valueEstimate() == null ? "" : ReportNumbers.format(a.valueEstimate()) + " " + a.valueUnit()),
                    new Field("How the value was estimated", a.valueNotes()),
                    new Field("Fairness risk", a.fairnessRisk().name()), new Field("Privacy risk", a.privacyRisk().name()),
                    new Field("Who could be harmed", a.harmNotes())));
            saved.signOff().ifPresent(s -> blocks.add(new Field("Ethics sign-off", s.by() + ", " + s.at().format(WHEN) + ": " + s.note())));
            return blocks;
        }).orElse(List.of(new Text("Not written yet.")))));
        var contract = contracts.latest(projectId);
        sections.add(new Section("Metric contract" + (contract.number() == 0 ? "" : " v" + contract.number() + " (" + contract.status().name()
                .toLowerCase() + ")"), contract.targets().isEmpty() ? List.of(new Text("No targets yet."))
                : List.of(new Bullets(contract.targets().stream().map(t -> t.kind().label() + ": " + t.describe()).toList()))));
        var options = candidates.list(projectId);
        sections.add(new Section("Candidate solutions", options.isEmpty() ? List.of(new Text("None scored."))
                : List.of(new Bullets(options.stream().map(c -> c.getTitle() + (c.getChosen() ? " (chosen)" : "") + " — feasibility "
                + c.getFeasibility() + "/5, value " + c.getValueScore() + "/5" + (c.getApproach() == null ? "" : ": " + c.getApproach()))
                .toList()))));
        var plan = milestones.list(projectId);
        sections.add(new Section("Milestones", plan.isEmpty() ? List.of(new Text("None planned."))
                : List.of(new Bullets(plan.stream().map(m -> m.getTitle() + " — " + m.getOwner() + ", " + m.getStartsOn() + " to "
                + m.getDueOn() + ", " + ReportNumbers.format(m.getEffortDays()) + " person-days, " + m.getStatus().toLowerCase().replace('_', ' ')
                + (m.getNotes() == null ? "" : " (" + m.getNotes() + ")")).toList()))));
        var history = reviews.history(projectId);
        sections.add(new Section("Reviews", history.isEmpty() ? List.of(new Text("No decision yet."))
                : List.of(new Bullets(history.stream().map(r -> r.getDecision().toLowerCase() + " revision " + r.getRevision() + " by "
                + r.getDecidedBy() + ", " + r.getDecidedAt().format(WHEN) + ": " + r.getReason()).toList()))));
        return new ScopingReport("Scoping: " + project.name(), subtitle, sections);
    }

    private String state(UUID projectId) {
        return switch (reviews.state(projectId)) {
            case NOT_STARTED -> "not started";
            case NOT_REVIEWED -> "not reviewed";
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case CHANGED_SINCE_APPROVAL -> "changed since the last approval";
        };
    }
}
