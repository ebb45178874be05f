package dev.cairn.plugin.deployment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.ConfirmDelete;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.plugin.deployment.TargetService.Environment;
import dev.cairn.plugin.deployment.TargetService.ServingMode;
import dev.cairn.plugin.deployment.db.tables.records.TargetRecord;
import jakarta.annotation.security.PermitAll;

/** A project's deployment targets: where the model will run and how it serves (managers define, edit and delete them). */
@Route("deployment/targets")
@PageTitle("Deployment targets · Cairn")
@PermitAll
public class TargetsView extends ProjectPage {

    private final TargetService targets;
    private final Grid<TargetRecord> grid = new Grid<>();
    private final StatusLine tableStatus = new StatusLine();

    public TargetsView(TargetService targets, ProjectDirectory projects, PermissionCheck permissions) {
        super(projects, permissions, Stage.DEPLOYMENT, "Deployment targets", DeploymentPermissions.READ);
        this.targets = targets;
    }

    @Override
    protected void render(ProjectRef project) {
        grid.removeAllColumns();
        grid.addColumn(TargetRecord::getName).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TargetRecord::getEnvironment).setHeader("Environment").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TargetRecord::getServingMode).setHeader("Serving").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TargetRecord::getNotes).setHeader("Notes").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(can(DeploymentPermissions.DEFINE_TARGET)
                ? "No deployment targets yet. Start by defining where the model will run (staging first) and how it serves."
                : "No deployment targets yet. A project manager defines them here.");
        if (can(DeploymentPermissions.DEFINE_TARGET)) {
            TargetForm form = new TargetForm(project);
            add(form);
            grid.addComponentColumn(target -> actions(project, target, form)).setAutoWidth(true).setFlexGrow(0)
                    .setTextAlign(ColumnTextAlign.END);
        }
        add(tableStatus, grid);
        refresh(project);
    }

    private HorizontalLayout actions(ProjectRef project, TargetRecord target, TargetForm form) {
        Button edit = new Button("Edit", click -> form.edit(target));
        Button delete = new Button("Delete", click -> ConfirmDelete.ask("target " + target.getName(),
                "It is no longer listed for the project.",
                () -> targets.delete(project.id(), target.getId()), () -> refresh(project), tableStatus));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void refresh(ProjectRef project) {
        grid.setItems(targets.list(project.id()));
    }

    /** Defines a new target, or edits the one chosen in the table. */
    private final class TargetForm extends FormLayout {
        private final TextField name = new TextField("Target name");
        private final Select<Environment> environment = new Select<>();
        private final Select<ServingMode> mode = new Select<>();
        private final TextArea notes = new TextArea("Notes");
        private final H3 heading = new H3("Define a target");
        private final Button save = new Button("Define target");
        private final Button cancel = new Button("Cancel edit");
        private final EditForm form = new EditForm(this);
        private TargetRecord editing;

        TargetForm(ProjectRef project) {
            name.setMaxLength(120);
            environment.setLabel("Environment");
            environment.setItems(Environment.values());
            mode.setLabel("Serving mode");
            mode.setItems(ServingMode.values());
            notes.setMaxLength(2000);
            form.required(name, "Name").required(environment, "Environment").required(mode, "Serving mode").field(notes, "Notes");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> {
                boolean isNew = editing == null;
                if (form.submit(() -> save(project))) {
                    Notices.success(isNew ? "Target defined" : "Target saved");
                    reset();
                    refresh(project);
                }
            });
            cancel.setVisible(false);
            cancel.addClickListener(click -> reset());
            add(heading, name, environment, mode, notes, new HorizontalLayout(save, cancel), form.status());
            setColspan(heading, 3);
            setColspan(form.status(), 3);
            setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3));
        }

        private void save(ProjectRef project) {
            if (editing == null) {
                targets.define(project.id(), name.getValue(), environment.getValue(), mode.getValue(), notes.getValue());
            } else {
                targets.update(project.id(), editing.getId(), name.getValue(), environment.getValue(), mode.getValue(), notes.getValue());
            }
        }

        void edit(TargetRecord target) {
            editing = target;
            name.setValue(target.getName());
            environment.setValue(Environment.valueOf(target.getEnvironment()));
            mode.setValue(ServingMode.valueOf(target.getServingMode()));
            notes.setValue(target.getNotes() == null ? "" : target.getNotes());
            heading.setText("Edit target " + target.getName());
            save.setText("Save target");
            cancel.setVisible(true);
            form.markSaved();
        }

        private void reset() {
            editing = null;
            form.clear();
            heading.setText("Define a target");
            save.setText("Define target");
            cancel.setVisible(false);
            form.markSaved();
        }
    }
}
