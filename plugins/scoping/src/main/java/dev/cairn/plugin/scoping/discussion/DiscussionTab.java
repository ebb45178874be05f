package dev.cairn.plugin.scoping.discussion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import dev.cairn.plugin.scoping.document.ScopingDocuments;
import java.time.format.DateTimeFormatter;

/** Comments on the document, and the activity history of every change and decision. */
public class DiscussionTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final CommentService comments;
    private final ScopingDocuments documents;
    private final ProjectRef project;
    private final VerticalLayout thread = new VerticalLayout();
    private final UnorderedList activity = new UnorderedList();
    private final boolean canComment;

    public DiscussionTab(CommentService comments, ScopingDocuments documents, ProjectRef project, boolean canComment) {
        this.comments = comments;
        this.documents = documents;
        this.project = project;
        this.canComment = canComment;
        setPadding(false);
        thread.setPadding(false);
        thread.setId("scoping-comments");
        activity.setId("scoping-activity");
        add(new H3("Comments"), thread);
        if (canComment) {
            TextArea body = new TextArea("Your comment");
            body.setMaxLength(CommentService.MAX_LENGTH);
            body.setWidthFull();
            Button post = new Button("Post comment", click -> {
                if (status.attempt(() -> comments.add(project.id(), body.getValue()))) {
                    body.clear();
                    refresh();
                }
            });
            add(body, post, status);
        }
        add(new H3("Activity"), activity);
        refresh();
    }

    public void refresh() {
        thread.removeAll();
        var all = comments.list(project.id());
        if (all.isEmpty()) {
            thread.add(new Paragraph(canComment ? "No comments yet. Ask a question or note a concern about the document here."
                    : "No comments yet."));
        }
        for (var comment : all) {
            Span who = new Span(comment.getAuthorName() + " · " + comment.getCreatedAt().format(WHEN));
            who.getStyle().set("font-weight", "600");
            Paragraph text = new Paragraph(comment.getBody());
            text.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            thread.add(new Div(who, text));
        }
        activity.removeAll();
        documents.activity(project.id()).forEach(line -> activity.add(new ListItem(line.getAt().format(WHEN) + " · " + line.getActor()
                + " " + line.getWhat())));
    }
}
