package dev.cairn.plugin.scoping.workflow;

import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_CONTEXT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;
import static dev.cairn.plugin.scoping.db.Tables.SCOPING_DOCUMENT;
import static dev.cairn.plugin.scoping.db.Tables.VALUE_ASSESSMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.scoping.Direction;
import dev.cairn.api.scoping.Measurement;
import dev.cairn.api.scoping.MetricContracts;
import dev.cairn.api.scoping.MetricKind;
import dev.cairn.api.scoping.MetricTarget;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.admin.TenantAdminService;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.scoping.ProblemStatement;
import dev.cairn.plugin.scoping.ProblemStatementService;
import dev.cairn.plugin.scoping.canvas.Canvas;
import dev.cairn.plugin.scoping.canvas.CanvasBox;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.discussion.CommentService;
import dev.cairn.plugin.scoping.export.ScopingExport;
import dev.cairn.plugin.scoping.milestone.Milestone;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.document.ConcurrentEditException;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.document.SeparationOfDutiesException;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.PriorWork;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.review.ScopingReviewService;
import dev.cairn.plugin.scoping.review.ScopingReviewService.GateState;
import dev.cairn.plugin.scoping.template.ScopingStarter;
import dev.cairn.plugin.scoping.value.ValueAssessment;
import dev.cairn.plugin.scoping.value.ValueAssessment.Risk;
import dev.cairn.plugin.scoping.value.ValueService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scoping stage end to end through its services, on the real database (H2, and PostgreSQL in
 * the second run): start from a template, complete, approve with separation of duties, record the
 * decision in the review history, audit log and lineage, and offer the approved metric contract to
 * other stages through cairn-api.
 */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:scoping;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class ScopingWorkflowIT {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    TenantAdminService tenants;
    @Autowired
    ScopingStarter starter;
    @Autowired
    ScopingDocuments documents;
    @Autowired
    ProblemStatementService problems;
    @Autowired
    CanvasService canvas;
    @Autowired
    FeasibilityService feasibility;
    @Autowired
    ValueService value;
    @Autowired
    MetricContractService contractEditor;
    @Autowired
    MetricContracts contracts;
    @Autowired
    ScopingReviewService reviews;
    @Autowired
    CommentService comments;
    @Autowired
    MilestoneService milestones;
    @Autowired
    ScopingExport export;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    dev.cairn.plugin.scoping.portfolio.CandidateService candidates;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private ProjectRef newProject(String pm) {
        String key = "S" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        return actors().as(pm, () -> projects.create("Scoping " + key, key, "scoping workflow test"));
    }

    /** The document's current revision, read directly (whatever the tenant of the caller). */
    private int revision(ProjectRef project) {
        return TenantScope.callAsPlatform(() -> dsl.select(SCOPING_DOCUMENT.REVISION).from(SCOPING_DOCUMENT)
                .where(SCOPING_DOCUMENT.PROJECT_ID.eq(project.id())).fetchOptional(SCOPING_DOCUMENT.REVISION).orElse(0));
    }

    private int valueVersion(ProjectRef project) {
        return TenantScope.callAsPlatform(() -> dsl.select(VALUE_ASSESSMENT.VERSION).from(VALUE_ASSESSMENT)
                .where(VALUE_ASSESSMENT.PROJECT_ID.eq(project.id())).fetchSingle(VALUE_ASSESSMENT.VERSION));
    }

    /** The test's own check, whatever the tenant of the caller (on PostgreSQL a platform read past row-level security). */
    private boolean existsInAnyTenant(org.jooq.Table<?> table, org.jooq.Condition condition) {
        return TenantScope.callAsPlatform(() -> dsl.fetchExists(table, condition));
    }

    /** The lineage of one project only (other tests write the same names in theirs). */
    private org.jooq.Condition inLineageOf(ProjectRef project, org.jooq.TableField<?, java.util.UUID> contextId) {
        return contextId.in(dsl.select(LINEAGE_CONTEXT.ID).from(LINEAGE_CONTEXT).where(LINEAGE_CONTEXT.PROJECT_ID.eq(project.id())));
    }

    /** Everything but the approval, as the project manager, from the churn template, with the canvas in the project's own words. */
    private void completeFromTemplate(String pm, ProjectRef project) {
        actors().run(pm, () -> {
            if (documents.find(project.id()).isEmpty()) {
                starter.start(project.id(), "churn-prediction");
            }
            problems.save(project.id(), new ProblemStatement("Customers leave", "Retention team", "Whom to call", "A 30-day rule"), null);
            Map<CanvasBox, String> ownWords = new EnumMap<>(CanvasBox.class);
            for (CanvasBox box : CanvasBox.values()) {
                ownWords.put(box, box.title() + " for " + project.key());
            }
            canvas.save(project.id(), new Canvas(ownWords), canvas.find(project.id()).map(CanvasService.Saved::version).orElse(null));
            feasibility.save(project.id(), new FeasibilityAnswers(DataKind.STRUCTURED, false, null, null, null, null, Evidence.STRONG,
                    null, PriorWork.ESTABLISHED, null), null);
            value.save(project.id(), new ValueAssessment("churn rate", "recall", "more churners called, more retained", null, null, null,
                    Risk.LOW, Risk.LOW, null), null);
        });
    }

    @Test
    void aTemplateStartsTheDocumentWithItsCanvasAndADraftContract() {
        ProjectRef project = newProject("acme-pm");
        actors().run("acme-pm", () -> starter.start(project.id(), "visual-defect-detection"));
        actors().run("acme-viewer", () -> {
            assertThat(documents.find(project.id()).orElseThrow().getTemplate()).isEqualTo("visual-defect-detection");
            assertThat(canvas.find(project.id()).orElseThrow().canvas().text(CanvasBox.PREDICTION_TASK)).contains("image");
            var draft = contractEditor.latest(project.id());
            assertThat(draft.number()).isEqualTo(1);
            assertThat(draft.status()).isEqualTo(MetricContractService.Status.DRAFT);
            assertThat(draft.targets()).extracting(MetricTarget::metric).contains("recall", "p95 latency");
            assertThat(contracts.approvedContract(project.id())).as("a draft is not offered to other stages").isEmpty();
            assertThat(reviews.missing(project.id())).anyMatch(m -> m.startsWith("Problem"))
                    .anyMatch(m -> m.startsWith("Feasibility")).noneMatch(m -> m.startsWith("Canvas: fill"))
                    .anyMatch(m -> m.contains("adapt the template's draft in Value proposition"));
        });
        assertThatThrownBy(() -> actors().run("acme-pm", () -> starter.start(project.id(), "blank")))
                .hasMessageContaining("already has a scoping document");
        assertThatThrownBy(() -> actors().run("acme-member", () -> starter.start(newProject("acme-pm").id(), "blank")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void approvalNeedsACompleteDocumentAndAnotherManagerAndIsRecordedEverywhere() {
        ProjectRef project = newProject("acme-pm");
        actors().run("acme-pm", () -> starter.start(project.id(), "churn-prediction"));
        assertThatThrownBy(() -> actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), "looks fine")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not complete").hasMessageContaining("Problem");

        completeFromTemplate("acme-pm", project);
        assertThat(actors().as("acme-pm", () -> reviews.missing(project.id()))).isEmpty();
        assertThatThrownBy(() -> actors().run("acme-pm", () -> reviews.approve(project.id(), revision(project), "my own work")))
                .isInstanceOf(SeparationOfDutiesException.class).hasMessageContaining("another project manager or tenant admin");
        assertThatThrownBy(() -> actors().run("acme-member", () -> reviews.approve(project.id(), revision(project), "ok")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), " ")))
                .hasMessageContaining("Say why");

        actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), "Targets agreed with the retention lead"));
        actors().run("acme-viewer", () -> {
            assertThat(reviews.state(project.id())).isEqualTo(GateState.APPROVED);
            var review = reviews.history(project.id()).getFirst();
            assertThat(review.getDecidedBy()).isEqualTo("acme-admin");
            assertThat(review.getReason()).isEqualTo("Targets agreed with the retention lead");
            assertThat(review.getContractNumber()).isEqualTo(1);
            var approved = contracts.approvedContract(project.id()).orElseThrow();
            assertThat(approved.version()).isEqualTo(1);
            assertThat(approved.approvedBy()).isEqualTo("acme-admin");
            assertThat(approved.check(List.of(Measurement.overall("recall", 0.65), Measurement.overall("precision", 0.2))))
                    .extracting(c -> c.outcome().name()).startsWith("MET", "MISSED");
        });
        int revision = actors().as("acme-pm", () -> documents.revision(project.id()));
        assertThat(existsInAnyTenant(LINEAGE_ARTIFACT, LINEAGE_ARTIFACT.TYPE.eq("scoping.document")
                .and(LINEAGE_ARTIFACT.NAME.eq("Scoping document r" + revision)).and(inLineageOf(project, LINEAGE_ARTIFACT.CONTEXT_ID)))).isTrue();
        assertThat(existsInAnyTenant(LINEAGE_EXECUTION, LINEAGE_EXECUTION.TYPE.eq("scoping.review")
                .and(LINEAGE_EXECUTION.NAME.eq("Approve scoping r" + revision)).and(LINEAGE_EXECUTION.PROPERTIES.contains("acme-admin"))
                .and(inLineageOf(project, LINEAGE_EXECUTION.CONTEXT_ID)))).isTrue();
        assertThat(existsInAnyTenant(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("scoping.review.approve").and(AUDIT_ENTRY.ACTOR.eq("acme-admin"))
                .and(AUDIT_ENTRY.TARGET.eq(project.key())))).isTrue();
        assertThatThrownBy(() -> actors().run("acme-admin", () -> reviews.reject(project.id(), revision(project), "changed my mind")))
                .hasMessageContaining("already reviewed");
    }

    @Test
    void changingTheContractAfterApprovalStartsANewVersionThatNeedsItsOwnApproval() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), "first approval"));

        actors().run("acme-pm", () -> contractEditor.saveTargets(project.id(),
                List.of(new MetricTarget(MetricKind.ML, "recall", null, Direction.AT_LEAST, 0.7, null),
                        new MetricTarget(MetricKind.ML, "recall", "new customers", Direction.AT_LEAST, 0.6, null)),
                contractEditor.latest(project.id())));
        actors().run("acme-member", () -> {
            assertThat(contractEditor.latest(project.id()).number()).isEqualTo(2);
            assertThat(reviews.state(project.id())).isEqualTo(GateState.CHANGED_SINCE_APPROVAL);
            assertThat(contracts.approvedContract(project.id()).orElseThrow().version()).as("v1 stays in force").isEqualTo(1);
        });
        actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), "stricter recall agreed"));
        actors().run("acme-member", () -> {
            var approved = contracts.approvedContract(project.id()).orElseThrow();
            assertThat(approved.version()).isEqualTo(2);
            assertThat(approved.targets()).extracting(MetricTarget::describe)
                    .containsExactly("recall >= 0.7", "recall >= 0.6 (slice: new customers)");
        });
    }

    @Test
    void twoManagersSavingTheSamePartAtOnceLoseNothingAndTheSecondIsToldWhoChangedIt() {
        ProjectRef project = newProject("acme-pm");
        actors().run("acme-pm", () -> starter.start(project.id(), "blank"));
        Map<CanvasBox, String> first = new EnumMap<>(CanvasBox.class);
        first.put(CanvasBox.VALUE_PROPOSITION, "Paula's wording");
        Map<CanvasBox, String> second = new EnumMap<>(CanvasBox.class);
        second.put(CanvasBox.VALUE_PROPOSITION, "Ada's wording");
        actors().run("acme-pm", () -> canvas.save(project.id(), new Canvas(first), null));
        assertThatThrownBy(() -> actors().run("acme-admin", () -> canvas.save(project.id(), new Canvas(second), null)))
                .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("acme-pm changed the canvas");
        var saved = actors().as("acme-admin", () -> canvas.find(project.id()).orElseThrow());
        assertThat(saved.canvas().text(CanvasBox.VALUE_PROPOSITION)).isEqualTo("Paula's wording");
        actors().run("acme-admin", () -> canvas.save(project.id(), new Canvas(second), saved.version()));
        assertThat(actors().as("acme-pm", () -> canvas.find(project.id()).orElseThrow().canvas().text(CanvasBox.VALUE_PROPOSITION)))
                .isEqualTo("Ada's wording");

        var stale = actors().as("acme-pm", () -> contractEditor.latest(project.id()));
        actors().run("acme-admin", () -> contractEditor.saveTargets(project.id(),
                List.of(new MetricTarget(MetricKind.ML, "accuracy", null, Direction.AT_LEAST, 0.9, null)), stale));
        assertThatThrownBy(() -> actors().run("acme-pm", () -> contractEditor.saveTargets(project.id(),
                List.of(new MetricTarget(MetricKind.ML, "accuracy", null, Direction.AT_LEAST, 0.8, null)), stale)))
                .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("acme-admin changed the metric contract");
    }

    @Test
    void aHighRiskNeedsAnEthicsSignOffByAnotherManagerAndAChangedRiskWithdrawsIt() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        actors().run("acme-pm", () -> value.save(project.id(), new ValueAssessment("churn rate", "recall", "link", null, null, null,
                Risk.HIGH, Risk.LOW, "Discounts could go mostly to one age group"), value.find(project.id()).orElseThrow().version()));
        assertThat(actors().as("acme-pm", () -> reviews.missing(project.id()))).anyMatch(m -> m.contains("ethics sign-off"));
        assertThatThrownBy(() -> actors().run("acme-pm", () -> value.signOffEthics(project.id(), "checked", valueVersion(project))))
                .isInstanceOf(SeparationOfDutiesException.class);
        actors().run("acme-admin", () -> value.signOffEthics(project.id(), "Reviewed recall per age group", valueVersion(project)));
        assertThat(actors().as("acme-pm", () -> reviews.missing(project.id()))).isEmpty();

        actors().run("acme-pm", () -> value.save(project.id(), new ValueAssessment("churn rate", "recall", "link", null, null, null,
                Risk.HIGH, Risk.HIGH, "Discounts by age group; call notes are personal data"), value.find(project.id()).orElseThrow().version()));
        assertThat(actors().as("acme-pm", () -> value.find(project.id()).orElseThrow().signOff())).as("withdrawn by the new risk").isEmpty();
        assertThatThrownBy(() -> actors().run("acme-pm", () -> value.save(project.id(), new ValueAssessment("churn rate", "recall", "link",
                null, null, null, Risk.HIGH, Risk.LOW, " "), value.find(project.id()).orElseThrow().version())))
                .hasMessageContaining("who could be harmed");
    }

    @Test
    void aSoleManagerMayApproveTheirOwnDocumentAndItIsRecordedAsSuch() {
        String slug = "solo" + UUID.randomUUID().toString().substring(0, 6);
        actors().run("platform", () -> tenants.create("Solo " + slug, slug, slug + "-admin", "Solo Admin", "a long enough password"));
        ProjectRef project = newProject(slug + "-admin");
        completeFromTemplate(slug + "-admin", project);
        actors().run(slug + "-admin", () -> reviews.approve(project.id(), revision(project), "only manager here"));
        assertThat(existsInAnyTenant(LINEAGE_EXECUTION, LINEAGE_EXECUTION.TYPE.eq("scoping.review")
                .and(LINEAGE_EXECUTION.PROPERTIES.contains("self-approval")).and(inLineageOf(project, LINEAGE_EXECUTION.CONTEXT_ID)))).isTrue();
        assertThat(existsInAnyTenant(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("scoping.review.approve").and(AUDIT_ENTRY.TARGET.eq(project.key()))
                .and(AUDIT_ENTRY.DETAIL.contains("self, no other manager")))).isTrue();
    }

    @Test
    void anotherTenantsProjectHasNoContractAndNoDocument() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), "ok"));
        assertThatThrownBy(() -> actors().run("globex-pm", () -> contracts.approvedContract(project.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("globex-admin", () -> reviews.approve(project.id(), revision(project), "sneaky")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("globex-pm", () -> canvas.find(project.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void membersCommentViewersReadAndTheActivityHistorySaysWhoDidWhat() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        actors().run("acme-member", () -> comments.add(project.id(), "Is recall the right metric for the call list?"));
        assertThatThrownBy(() -> actors().run("acme-viewer", () -> comments.add(project.id(), "hello")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors().run("acme-member", () -> comments.add(project.id(), "   ")))
                .hasMessageContaining("Write something");
        assertThatThrownBy(() -> actors().run("acme-member", () -> comments.add(project.id(), "x".repeat(4001))))
                .hasMessageContaining("at most 4000");
        actors().run("acme-viewer", () -> {
            assertThat(comments.list(project.id())).extracting(c -> c.getAuthorName() + ": " + c.getBody())
                    .containsExactly("Max Member (Acme): Is recall the right metric for the call list?");
            assertThat(documents.activity(project.id())).extracting(a -> a.getActor() + " " + a.getWhat())
                    .anyMatch(line -> line.startsWith("acme-pm started the document from the template Churn prediction"))
                    .anyMatch(line -> line.startsWith("acme-pm saved the feasibility answers (version 1, rated HIGH)"))
                    .anyMatch(line -> line.startsWith("acme-member commented: Is recall"));
        });
        assertThatThrownBy(() -> actors().run("globex-member", () -> comments.list(project.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void managersPlanMilestonesWithOwnersFromTheTenantAndClearMessagesForBadDates() {
        ProjectRef project = newProject("acme-pm");
        java.time.LocalDate monday = java.time.LocalDate.of(2027, 1, 4);
        var saved = actors().as("acme-pm", () -> milestones.save(project.id(), null, new Milestone("Labelled sample", "acme-member",
                monday, monday.plusDays(10), 5.0, Milestone.Status.PLANNED, "Two labellers"), null));
        assertThatThrownBy(() -> actors().run("acme-pm", () -> milestones.save(project.id(), null, new Milestone("Backwards", "acme-member",
                monday, monday.minusDays(1), 1.0, Milestone.Status.PLANNED, null), null)))
                .hasMessageContaining("before the start date");
        assertThatThrownBy(() -> actors().run("acme-pm", () -> milestones.save(project.id(), null, new Milestone("Outsider", "globex-pm",
                monday, monday, 1.0, Milestone.Status.PLANNED, null), null)))
                .hasMessageContaining("not an active user of this organisation");
        assertThatThrownBy(() -> actors().run("acme-member", () -> milestones.save(project.id(), null, new Milestone("Mine", "acme-member",
                monday, monday, 1.0, Milestone.Status.PLANNED, null), null))).isInstanceOf(AccessDeniedException.class);

        actors().run("acme-admin", () -> milestones.save(project.id(), saved.getId(), new Milestone("Labelled sample", "acme-member",
                monday, monday.plusDays(12), 6.0, Milestone.Status.AT_RISK, "One labeller is ill"), saved.getVersion()));
        assertThatThrownBy(() -> actors().run("acme-pm", () -> milestones.save(project.id(), saved.getId(), new Milestone("Labelled sample",
                "acme-member", monday, monday.plusDays(10), 5.0, Milestone.Status.DONE, null), saved.getVersion())))
                .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("acme-admin changed the milestone");
        var now = actors().as("acme-viewer", () -> milestones.list(project.id()));
        assertThat(now).hasSize(1);
        assertThat(now.getFirst().getStatus()).isEqualTo("AT_RISK");
        assertThat(now.getFirst().getDueOn()).isEqualTo(monday.plusDays(12));
    }

    @Test
    void theDocumentExportsAsMarkdownAndPdfForAnyReaderWithUserTextKeptAsText() throws Exception {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        actors().run("acme-pm", () -> problems.save(project.id(), new ProblemStatement("<img src=x onerror=alert(1)> # not a heading",
                "Отдел удержания (the retention team)", "Whom to call", "A 30-day rule"), problems.find(project.id()).orElseThrow().getVersion()));
        String markdown = actors().as("acme-viewer", () -> export.markdown(project.id()));
        assertThat(markdown).startsWith("# Scoping: " + project.name()).contains("## Machine Learning Canvas", "## Metric contract v1 (draft)",
                "**Business problem:** \\<img src=x onerror=alert(1)> \\# not a heading", "- ML metric: recall >= 0.6")
                .as("every '<' of user text is backslash-escaped, so no tag opens").doesNotContainPattern("(?<!\\\\)<");
        byte[] pdf = actors().as("acme-viewer", () -> export.pdf(project.id()));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var reader = new org.openpdf.text.pdf.PdfReader(pdf)) {
            var text = new StringBuilder();
            var extractor = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page));
            }
            assertThat(text.toString()).contains("Machine Learning Canvas").contains("<img src=x onerror=alert(1)>")
                    .as("letters outside Latin-1 survive (embedded Unicode font)").contains("Отдел удержания");
        }
        assertThat(actors().as("acme-viewer", () -> export.fileName(project.id(), "pdf"))).matches("scoping-s[0-9a-z]+-r\\d+\\.pdf");
        assertThatThrownBy(() -> actors().run("globex-pm", () -> export.markdown(project.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDecisionOnARevisionThatChangedSinceTheReviewerLookedIsRefusedAndNothingIsApproved() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        int seen = revision(project);
        actors().run("acme-pm", () -> contractEditor.saveTargets(project.id(),
                List.of(new MetricTarget(MetricKind.ML, "recall", null, Direction.AT_LEAST, 0.99, null)), contractEditor.latest(project.id())));
        assertThatThrownBy(() -> actors().run("acme-admin", () -> reviews.approve(project.id(), seen, "looked fine an hour ago")))
                .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("you looked at " + seen);
        actors().run("acme-viewer", () -> {
            assertThat(reviews.history(project.id())).isEmpty();
            assertThat(contracts.approvedContract(project.id())).isEmpty();
        });
    }

    @Test
    void aRejectionIsRecordedWithItsReasonInTheHistoryAuditAndLineageAndTheGateStaysClosed() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        actors().run("acme-admin", () -> reviews.reject(project.id(), revision(project), "Value estimate is missing"));
        actors().run("acme-viewer", () -> {
            assertThat(reviews.state(project.id())).isEqualTo(GateState.REJECTED);
            assertThat(reviews.history(project.id()).getFirst().getReason()).isEqualTo("Value estimate is missing");
            assertThat(contracts.approvedContract(project.id())).isEmpty();
        });
        assertThat(existsInAnyTenant(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("scoping.review.reject").and(AUDIT_ENTRY.TARGET.eq(project.key()))
                .and(AUDIT_ENTRY.DETAIL.contains("Value estimate is missing")))).isTrue();
        assertThat(existsInAnyTenant(LINEAGE_EXECUTION, LINEAGE_EXECUTION.NAME.startsWith("Reject scoping r")
                .and(inLineageOf(project, LINEAGE_EXECUTION.CONTEXT_ID)))).isTrue();
    }

    @Test
    void withTwoManagersTheAuthorWritesTheOtherSignsOffAndApprovesAndNoOneIsLockedOut() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        actors().run("acme-pm", () -> value.save(project.id(), new ValueAssessment("churn rate", "recall", "link", null, null, null,
                Risk.HIGH, Risk.LOW, "Offers by age group"), valueVersion(project)));
        actors().run("acme-admin", () -> value.signOffEthics(project.id(), "Checked recall per age group", valueVersion(project)));
        actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), "Signed off and complete"));
        assertThat(actors().as("acme-pm", () -> reviews.state(project.id()))).isEqualTo(GateState.APPROVED);
    }

    @Test
    void milestonesAndCandidatesOfAnotherProjectCannotBeChangedThroughThisOne() {
        ProjectRef mine = newProject("acme-pm");
        ProjectRef other = newProject("acme-pm");
        java.time.LocalDate day = java.time.LocalDate.of(2027, 2, 1);
        var theirMilestone = actors().as("acme-pm", () -> milestones.save(other.id(), null, new Milestone("Theirs", "acme-pm", day, day, 1.0,
                Milestone.Status.PLANNED, null), null));
        var theirCandidate = actors().as("acme-pm", () -> candidates.save(other.id(), null,
                new dev.cairn.plugin.scoping.portfolio.CandidateSolution("Theirs", null, 3, 3), null));
        assertThatThrownBy(() -> actors().run("acme-pm", () -> milestones.save(mine.id(), theirMilestone.getId(), new Milestone("Hijack",
                "acme-pm", day, day, 1.0, Milestone.Status.DONE, null), theirMilestone.getVersion()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("acme-pm", () -> milestones.delete(mine.id(), theirMilestone.getId(), theirMilestone.getVersion())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("acme-pm", () -> candidates.choose(mine.id(), theirCandidate.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("globex-pm", () -> candidates.choose(other.id(), theirCandidate.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(actors().as("acme-pm", () -> milestones.list(other.id()).getFirst().getTitle())).isEqualTo("Theirs");
        assertThat(actors().as("acme-pm", () -> candidates.list(other.id()).getFirst().getChosen())).isFalse();
    }

    @Test
    void whenEveryManagerWrotePartOfItOneOfThemMayApproveAndItIsRecordedAsASelfApproval() {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        Map<CanvasBox, String> adminsWords = new EnumMap<>(CanvasBox.class);
        for (CanvasBox box : CanvasBox.values()) {
            adminsWords.put(box, box.title() + ", as the admin sees it");
        }
        actors().run("acme-admin", () -> canvas.save(project.id(), new Canvas(adminsWords), canvas.find(project.id()).orElseThrow().version()));
        actors().run("acme-admin", () -> reviews.approve(project.id(), revision(project), "Both managers wrote it"));
        assertThat(existsInAnyTenant(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("scoping.review.approve").and(AUDIT_ENTRY.TARGET.eq(project.key()))
                .and(AUDIT_ENTRY.DETAIL.contains("self, no other manager")).and(AUDIT_ENTRY.DETAIL.contains("metric contract v1")))).isTrue();
    }

    @Test
    void aPartSavedWhileADecisionIsBeingRecordedWaitsForItAndBecomesTheNextRevision() throws Exception {
        ProjectRef project = newProject("acme-pm");
        completeFromTemplate("acme-pm", project);
        int seen = revision(project);
        int problemVersion = actors().as("acme-pm", () -> problems.find(project.id()).orElseThrow().getVersion());
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var decision = pool.submit(() -> actors().run("acme-admin", () -> transactions.executeWithoutResult(status -> {
                reviews.approve(project.id(), seen, "approved while someone types");
                locked.countDown();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS); // keep the decision's transaction open
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
            assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var save = pool.submit(() -> actors().as("acme-pm", () -> problems.save(project.id(),
                    new ProblemStatement("Customers leave, and now we know why", "Retention team", "Whom to call", "A 30-day rule"),
                    problemVersion)));
            Thread.sleep(300);
            assertThat(save.isDone()).as("the save waits for the decision to commit").isFalse();
            release.countDown();
            decision.get(10, java.util.concurrent.TimeUnit.SECONDS);
            save.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(revision(project)).isEqualTo(seen + 1);
        actors().run("acme-viewer", () -> {
            assertThat(reviews.history(project.id())).extracting(r -> r.getRevision()).containsExactly(seen);
            assertThat(reviews.state(project.id())).isEqualTo(GateState.CHANGED_SINCE_APPROVAL);
        });
    }
}
