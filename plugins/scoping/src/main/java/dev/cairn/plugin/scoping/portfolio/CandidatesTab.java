package dev.cairn.plugin.scoping.portfolio;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.plugin.scoping.db.tables.records.CandidateSolutionRecord;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.scoping.document.Saving;
import java.util.OptionalInt;

/** Candidate ML solutions for the business problem, scored on feasibility and value, one of them chosen. */
public class CandidatesTab extends VerticalLayout {

    private final StatusLine status = new StatusLine();

    private final CandidateService candidates;
    private final ProjectRef project;
    private final OptionalInt suggestedFeasibility;
    private final Grid<CandidateSolutionRecord> grid = new Grid<>();

    public CandidatesTab(CandidateService candidates, ProjectRef project, OptionalInt suggestedFeasibility, boolean canEdit) {
        this.candidates = candidates;
        this.project = project;
        this.suggestedFeasibility = suggestedFeasibility;
        setPadding(false);
        add(new Paragraph("Several ways to solve the business problem, each scored from 1 (poor) to 5 (excellent) on feasibility "
                + "and on value. The portfolio (in the main menu) plots every project's candidates side by side."));
        grid.addColumn(c -> c.getChosen() ? "✔ chosen" : "").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CandidateSolutionRecord::getTitle).setHeader("Candidate").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(CandidateSolutionRecord::getApproach).setHeader("Approach").setFlexGrow(3);
        grid.addColumn(CandidateSolutionRecord::getFeasibility).setHeader("Feasibility").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CandidateSolutionRecord::getValueScore).setHeader("Value").setAutoWidth(true).setFlexGrow(0);
        // Long titles and approaches wrap instead of being cut off.
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (canEdit) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
            Button add = new Button("Add candidate", click -> openEditor(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(canEdit ? "No candidate solutions yet. Add the first way to solve the problem and score it."
                : "No candidate solutions yet.");
        add(status, grid);
        refresh();
    }

    /** Edit and delete for every candidate; "Choose" only for those not chosen already. */
    private HorizontalLayout actions(CandidateSolutionRecord candidate) {
        HorizontalLayout actions = new HorizontalLayout(new Button("Edit", click -> openEditor(candidate)));
        if (!Boolean.TRUE.equals(candidate.getChosen())) {
            actions.add(new Button("Choose", click -> {
                if (status.attempt(() -> candidates.choose(project.id(), candidate.getId()))) {
                    Notices.success("'" + candidate.getTitle() + "' is the chosen solution");
                    refresh();
                }
            }));
        }
        Button delete = new Button("Delete", click -> ConfirmDelete.ask("candidate " + candidate.getTitle(),
                "It leaves the project's candidates and the portfolio; the document's activity notes the removal.",
                () -> candidates.delete(project.id(), candidate.getId(), candidate.getVersion()), this::refresh, status));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(delete);
        return actions;
    }

    private void refresh() {
        grid.setItems(candidates.list(project.id()));
    }

    private void openEditor(CandidateSolutionRecord existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New candidate solution" : "Candidate solution");
        TextField title = new TextField("Title");
        title.setMaxLength(200);
        TextArea approach = new TextArea("Approach");
        approach.setMaxLength(2000);
        IntegerField feasibility = score("Feasibility (1-5)");
        suggestedFeasibility.ifPresent(s -> feasibility.setHelperText("The feasibility diligence suggests " + s + "."));
        IntegerField value = score("Value (1-5)");
        if (existing != null) {
            title.setValue(existing.getTitle());
            approach.setValue(existing.getApproach() == null ? "" : existing.getApproach());
            feasibility.setValue(existing.getFeasibility());
            value.setValue(existing.getValueScore());
        } else {
            suggestedFeasibility.ifPresent(feasibility::setValue);
        }
        FormLayout layout = new FormLayout(title, approach, feasibility, value);
        layout.setColspan(approach, 2);
        EditForm form = new EditForm(dialog).required(title, "Title").field(approach, "Approach").required(feasibility, "Feasibility")
                .required(value, "Value");
        dialog.add(layout, form.status());
        Button save = new Button("Save candidate", click -> {
            if (form.submit(() -> candidates.save(project.id(), existing == null ? null : existing.getId(),
                    new CandidateSolution(title.getValue(), approach.getValue(), feasibility.getValue(), value.getValue()),
                    existing == null ? null : existing.getVersion()))) {
                dialog.close();
                Notices.success("Candidate saved");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static IntegerField score(String label) {
        IntegerField field = new IntegerField(label);
        field.setMin(1);
        field.setMax(5);
        field.setStepButtonsVisible(true);
        return field;
    }
}
