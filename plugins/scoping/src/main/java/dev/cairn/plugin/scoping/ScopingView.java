package dev.cairn.plugin.scoping;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.cairn.plugin.scoping.export.ScopingExport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.scoping.canvas.CanvasService;
import dev.cairn.plugin.scoping.canvas.CanvasTab;
import dev.cairn.plugin.scoping.contract.ContractTab;
import dev.cairn.plugin.scoping.contract.MetricContractService;
import dev.cairn.plugin.scoping.discussion.CommentService;
import dev.cairn.plugin.scoping.discussion.DiscussionTab;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.LazyTabSheet;
import dev.cairn.api.ui.StatusLine;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import dev.cairn.plugin.scoping.document.Saving;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import dev.cairn.plugin.scoping.feasibility.FeasibilityService;
import dev.cairn.plugin.scoping.feasibility.FeasibilityTab;
import dev.cairn.plugin.scoping.milestone.MilestoneService;
import dev.cairn.plugin.scoping.milestone.MilestonesTab;
import dev.cairn.plugin.scoping.portfolio.CandidateService;
import dev.cairn.plugin.scoping.portfolio.CandidatesTab;
import dev.cairn.plugin.scoping.review.ReviewTab;
import dev.cairn.plugin.scoping.review.ScopingReviewService;
import dev.cairn.plugin.scoping.template.ScopingStarter;
import dev.cairn.plugin.scoping.template.ScopingTemplate;
import dev.cairn.plugin.scoping.template.ScopingTemplates;
import dev.cairn.plugin.scoping.value.ValueService;
import dev.cairn.plugin.scoping.value.ValueTab;
import jakarta.annotation.security.PermitAll;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.ui.ProjectPage;

/**
 * A project's scoping document: start it from a template, then the problem, the canvas, the
 * feasibility and value diligence, the metric contract, milestones, the review and the discussion,
 * one tab each. Managers edit; members comment; everyone in the tenant reads.
 */
@Route("scoping/document")
@PageTitle("Scoping · Cairn")
@PermitAll
public class ScopingView extends ProjectPage {

    private final StatusLine status = new StatusLine();

    private final ScopingDocuments documents;
    private final ScopingStarter starter;
    private final ProblemStatementService problems;
    private final CanvasService canvas;
    private final FeasibilityService feasibility;
    private final ValueService value;
    private final MetricContractService contracts;
    private final ScopingReviewService reviews;
    private final MilestoneService milestones;
    private final CommentService comments;
    private final ScopingExport export;
    private final CandidateService candidates;
    private final boolean canEdit;
    private final boolean canComment;
    private final Span state = new Span();
    private final VerticalLayout content = new VerticalLayout();

    public ScopingView(ProjectDirectory projects, ScopingDocuments documents, ScopingStarter starter, ProblemStatementService problems,
                       CanvasService canvas, FeasibilityService feasibility, ValueService value, MetricContractService contracts,
                       ScopingReviewService reviews, MilestoneService milestones, CommentService comments, ScopingExport export,
                       CandidateService candidates, PermissionCheck permissions) {
        super(projects, permissions, Stage.SCOPING, "Scoping document", ScopingPermissions.READ);
        this.candidates = candidates;
        this.export = export;
        this.milestones = milestones;
        this.comments = comments;
        this.canComment = permissions.can(ScopingPermissions.COMMENT);
        this.documents = documents;
        this.starter = starter;
        this.problems = problems;
        this.canvas = canvas;
        this.feasibility = feasibility;
        this.value = value;
        this.contracts = contracts;
        this.reviews = reviews;
        this.canEdit = permissions.can(ScopingPermissions.EDIT);
        state.setId("scoping-state");
    }

    @Override
    protected void render(ProjectRef project) {
        content.setPadding(false);
        content.setWidthFull();
        add(new Div(state), exports(project), content);
        show(project);
    }

    private void show(ProjectRef project) {
        content.removeAll();
        var document = documents.find(project.id());
        if (document.isEmpty()) {
            // Nothing to edit before the document is started: a manager picks a template first, so
            // that the choice is never lost to a blank document created by an early save.
            content.add(canEdit ? templatePicker(project)
                    : new Paragraph("Scoping has not started yet: a project manager starts it from a template."));
            refreshState(project);
            return;
        }
        ScopingTemplate template = document.flatMap(d -> ScopingTemplates.byId(d.getTemplate())).orElse(ScopingTemplates.BLANK);
        // Each tab is built when first opened (LazyTabSheet): nine eager tabs held five times the
        // session memory of any other page. "changed" refreshes only the tabs that exist.
        LazyTabSheet tabs = new LazyTabSheet();
        tabs.setWidthFull();
        AtomicReference<ReviewTab> review = new AtomicReference<>();
        AtomicReference<DiscussionTab> discussion = new AtomicReference<>();
        Runnable refreshDiscussion = () -> Optional.ofNullable(discussion.get()).ifPresent(DiscussionTab::refresh);
        Runnable changed = () -> {
            refreshState(project);
            Optional.ofNullable(review.get()).ifPresent(ReviewTab::refresh);
            refreshDiscussion.run();
        };
        tabs.addLazy("Problem", () -> new ProblemTab(problems, project, canEdit, changed));
        tabs.addLazy("Canvas", () -> new CanvasTab(canvas, project, canEdit, changed));
        tabs.addLazy("Feasibility", () -> new FeasibilityTab(feasibility, project, template.dataKind(), canEdit, changed));
        tabs.addLazy("Value and ethics", () -> new ValueTab(value, project, canEdit, changed));
        tabs.addLazy("Metric contract", () -> new ContractTab(contracts, project, canEdit, changed));
        tabs.addLazy("Candidates", () -> new CandidatesTab(candidates, project, feasibility.rating(project.id())
                .map(r -> OptionalInt.of(r.score())).orElse(OptionalInt.empty()), canEdit));
        tabs.addLazy("Milestones", () -> new MilestonesTab(milestones, project, canEdit));
        tabs.addLazy("Review", () -> {
            review.set(new ReviewTab(reviews, project, canEdit, () -> {
                refreshState(project);
                refreshDiscussion.run();
            }));
            return review.get();
        });
        tabs.addLazy("Discussion", () -> {
            discussion.set(new DiscussionTab(comments, documents, project, canComment));
            return discussion.get();
        });
        content.add(tabs);
        refreshState(project);
    }

    /** Downloads of the document as it is now; anyone who may read it may export it. */
    private HorizontalLayout exports(ProjectRef project) {
        Anchor markdown = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = export.markdown(project.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), export.fileName(project.id(), "md"), "text/markdown", bytes.length);
        }), "Export as Markdown");
        markdown.setId("export-markdown");
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = export.pdf(project.id());
            return new DownloadResponse(new ByteArrayInputStream(bytes), export.fileName(project.id(), "pdf"), "application/pdf", bytes.length);
        }), "Export as PDF");
        pdf.setId("export-pdf");
        return new HorizontalLayout(markdown, pdf);
    }

    private VerticalLayout templatePicker(ProjectRef project) {
        RadioButtonGroup<ScopingTemplate> choice = new RadioButtonGroup<>("Start from a template");
        choice.setItems(ScopingTemplates.ALL);
        choice.setItemLabelGenerator(t -> t.title() + " — " + t.summary());
        choice.setValue(ScopingTemplates.BLANK);
        choice.addThemeName("vertical");
        Button start = new Button("Start scoping", click -> {
            if (status.attempt(() -> starter.start(project.id(), choice.getValue().id()))) {
                Notices.success("Scoping started from " + choice.getValue().title());
                show(project);
            }
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout picker = new VerticalLayout(new H3("New scoping document"),
                new Paragraph("A template fills the canvas with a draft in the words of a typical project and proposes the usual "
                        + "metric targets. Everything stays editable."), choice, start, status);
        picker.setPadding(false);
        return picker;
    }

    private void refreshState(ProjectRef project) {
        int revision = documents.revision(project.id());
        String text = switch (reviews.state(project.id())) {
            case NOT_STARTED -> "Not started";
            case NOT_REVIEWED -> "Revision " + revision + " · not reviewed yet";
            case APPROVED -> "Revision " + revision + " · approved";
            case REJECTED -> "Revision " + revision + " · rejected: change it and ask for a new review";
            case CHANGED_SINCE_APPROVAL -> "Revision " + revision + " · changed since the last approval: needs a new approval";
        };
        int missing = reviews.missing(project.id()).size();
        state.setText(text + (missing == 0 ? " · complete" : " · " + missing + " part(s) missing"));
    }
}
