package dev.cairn.plugin.scoping.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.scoping.db.tables.records.ScopingReviewRecord;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The review: what is missing, the decision with its reason, and every earlier decision. */
public class ReviewTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ScopingReviewService reviews;
    private final ProjectRef project;
    private final boolean canDecide;
    private final Runnable onDecided;

    public ReviewTab(ScopingReviewService reviews, ProjectRef project, boolean canDecide, Runnable onDecided) {
        this.reviews = reviews;
        this.project = project;
        this.canDecide = canDecide;
        this.onDecided = onDecided;
        setPadding(false);
        refresh();
    }

    public void refresh() {
        removeAll();
        // The decision is about what the reviewer sees now: this revision and nothing later.
        int revision = reviews.revision(project.id());
        List<String> missing = reviews.missing(project.id());
        if (missing.isEmpty()) {
            add(new Paragraph("Every required part is written: the document can be approved."));
        } else {
            add(new H3("Still missing"));
            UnorderedList list = new UnorderedList();
            list.setId("scoping-missing");
            missing.forEach(item -> list.add(new ListItem(item)));
            add(list);
        }
        var decided = reviews.history(project.id()).stream().filter(r -> r.getRevision() == revision).findFirst();
        decided.ifPresent(r -> add(new Paragraph("Revision " + revision + " was " + r.getDecision().toLowerCase() + " by "
                + r.getDecidedBy() + ". Any change to the document starts a new revision, which needs its own review.")));
        if (canDecide && decided.isEmpty()) {
            TextArea reason = new TextArea("Reason for the decision on revision " + revision);
            reason.setHelperText("Recorded with your name in the review history, the audit log and the lineage graph.");
            reason.setMaxLength(2000);
            reason.setWidthFull();
            Button approve = new Button("Approve", click -> decide(() -> reviews.approve(project.id(), revision, reason.getValue()), "approved"));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            approve.setEnabled(missing.isEmpty());
            Button reject = new Button("Reject", click -> decide(() -> reviews.reject(project.id(), revision, reason.getValue()), "rejected"));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(reason, new HorizontalLayout(approve, reject), status);
        }
        add(new H3("Review history"));
        Grid<ScopingReviewRecord> history = new Grid<>();
        history.addColumn(r -> "r" + r.getRevision()).setHeader("Revision").setAutoWidth(true);
        history.addColumn(ScopingReviewRecord::getDecision).setHeader("Decision").setAutoWidth(true);
        history.addColumn(ScopingReviewRecord::getDecidedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(r -> r.getDecidedAt().format(WHEN)).setHeader("When").setAutoWidth(true);
        history.addColumn(r -> r.getContractNumber() == null ? "" : "v" + r.getContractNumber()).setHeader("Contract").setAutoWidth(true);
        history.addColumn(ScopingReviewRecord::getReason).setHeader("Why").setFlexGrow(3);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setItems(reviews.history(project.id()));
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No decision yet.");
        add(history);
    }

    private void decide(Runnable decision, String what) {
        if (status.attempt(decision)) {
            Notices.success("Scoping document " + what);
            refresh();
            onDecided.run();
        }
    }
}
