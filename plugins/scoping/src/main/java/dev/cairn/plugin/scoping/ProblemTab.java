package dev.cairn.plugin.scoping;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;

/** The problem, in the business's words: managers write it, everyone else in the project reads it. */
class ProblemTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private final TextArea businessProblem = area("Business problem", "In the business's words: what goes wrong, and what it costs.", 4000);
    private final TextArea affected = area("Who is affected", "Customers, teams or processes that feel the problem.", 2000);
    private final TextArea decision = area("Decision supported", "The decision the prediction will inform, and who makes it.", 2000);
    private final TextArea currentApproach = area("How it is done today", "The heuristic or process the model must beat.", 2000);
    private final Paragraph lastChange = new Paragraph();
    private Integer version;

    ProblemTab(ProblemStatementService statements, ProjectRef project, boolean canEdit, Runnable onSaved) {
        setPadding(false);
        statements.find(project.id()).ifPresent(saved -> {
            businessProblem.setValue(saved.getBusinessProblem());
            affected.setValue(saved.getAffected());
            decision.setValue(saved.getDecision());
            currentApproach.setValue(saved.getCurrentApproach());
            version = saved.getVersion();
            lastChange.setText("Last changed by " + saved.getUpdatedBy() + " (version " + saved.getVersion() + ")");
        });
        FormLayout form = new FormLayout(businessProblem, affected, decision, currentApproach);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        add(lastChange, form);
        for (TextArea area : new TextArea[] {businessProblem, affected, decision, currentApproach}) {
            area.setReadOnly(!canEdit);
        }
        if (canEdit) {
            Button save = new Button("Save problem", click -> Saving.attemptVersioned(status, () -> {
                version = statements.save(project.id(), new ProblemStatement(businessProblem.getValue(), affected.getValue(),
                        decision.getValue(), currentApproach.getValue()), version);
                lastChange.setText("Saved (version " + version + ")");
                Notices.success("Problem saved (version " + version + ")");
                onSaved.run();
            }, () -> version = statements.find(project.id()).map(saved -> saved.getVersion()).orElse(null)));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save, status);
        }
    }

    static TextArea area(String label, String helper, int max) {
        TextArea area = new TextArea(label);
        area.setHelperText(helper);
        area.setMaxLength(max);
        area.setMinHeight("6em");
        return area;
    }
}
