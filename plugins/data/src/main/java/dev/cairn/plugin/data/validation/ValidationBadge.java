package dev.cairn.plugin.data.validation;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;

/**
 * A version's newest verdict in its dataset's history ("Failed · schema v1"), linking to its
 * validation page; "Validate" for a version never validated; "training" beside the training version.
 */
public class ValidationBadge extends Div {

    public ValidationBadge(VersionValidations validations, ProjectRef project, DatasetVersionRecord version, boolean training) {
        addClassName("validation-badge");
        if (version.getDeletedAt() != null) {
            return;
        }
        String text = validations.newest(project.id(), version.getId())
                .map(run -> run.verdict().label + " · schema v" + run.schemaVersion() + " · " + run.environment()).orElse("Validate");
        Anchor link = new Anchor(ValidationView.url(project.id(), version.getId()), text);
        validations.newest(project.id(), version.getId()).ifPresent(run -> link.getElement().setAttribute("theme", ValidationView.theme(run.verdict())));
        add(link);
        if (training) {
            Span mark = new Span("training");
            mark.getElement().setAttribute("theme", "badge contrast");
            add(new Span(" "), mark);
        }
    }
}
