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
import dev.cairn.plugin.scoping.document.Feedback;
import java.util.OptionalInt;

/** Candidate ML solutions for the business problem, scored on feasibility and value, one of them chosen. */
public class CandidatesTab extends VerticalLayout {

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
        grid.addColumn(c -> c.getChosen() ? "✔ chosen" : "").setHeader("").setAutoWidth(true);
        grid.addColumn(CandidateSolutionRecord::getTitle).setHeader("Candidate").setFlexGrow(2);
        grid.addColumn(CandidateSolutionRecord::getApproach).setHeader("Approach").setFlexGrow(3);
        grid.addColumn(CandidateSolutionRecord::getFeasibility).setHeader("Feasibility").setAutoWidth(true);
        grid.addColumn(CandidateSolutionRecord::getValueScore).setHeader("Value").setAutoWidth(true);
        if (canEdit) {
            grid.addComponentColumn(c -> new HorizontalLayout(new Button("Edit", click -> openEditor(c)),
                    new Button("Choose", click -> {
                        if (Feedback.attempt(() -> candidates.choose(project.id(), c.getId()))) {
                            refresh();
                        }
                    }))).setAutoWidth(true);
            Button add = new Button("Add candidate", click -> openEditor(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No candidate solutions yet.");
        add(grid);
        refresh();
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
        FormLayout form = new FormLayout(title, approach, feasibility, value);
        form.setColspan(approach, 2);
        dialog.add(form);
        Button save = new Button("Save candidate", click -> {
            if (Feedback.attempt(() -> candidates.save(project.id(), existing == null ? null : existing.getId(),
                    new CandidateSolution(title.getValue(), approach.getValue(), feasibility.getValue(), value.getValue()),
                    existing == null ? null : existing.getVersion()))) {
                dialog.close();
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
