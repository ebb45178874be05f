package dev.cairn.plugin.deployment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import dev.cairn.api.ui.ProjectPage;
import dev.cairn.plugin.deployment.TargetService.Environment;
import dev.cairn.plugin.deployment.TargetService.ServingMode;
import dev.cairn.plugin.deployment.db.tables.records.TargetRecord;
import jakarta.annotation.security.PermitAll;

/** A project's deployment targets: where the model will run and how it serves (managers define them). */
@Route("deployment/targets")
@PageTitle("Deployment targets · Cairn")
@PermitAll
public class TargetsView extends ProjectPage {

    private final TargetService targets;
    private final Grid<TargetRecord> grid = new Grid<>();

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
            add(form(project));
        }
        add(grid);
        refresh(project);
    }

    private void refresh(ProjectRef project) {
        grid.setItems(targets.list(project.id()));
    }

    private FormLayout form(ProjectRef project) {
        TextField name = new TextField("Target name");
        Select<Environment> environment = new Select<>();
        environment.setLabel("Environment");
        environment.setItems(Environment.values());
        Select<ServingMode> mode = new Select<>();
        mode.setLabel("Serving mode");
        mode.setItems(ServingMode.values());
        TextArea notes = new TextArea("Notes");
        FormLayout layout = new FormLayout();
        EditForm form = new EditForm(layout).required(name, "Name").required(environment, "Environment")
                .required(mode, "Serving mode").field(notes, "Notes");
        Button save = new Button("Define target", click -> {
            if (form.submit(() -> targets.define(project.id(), name.getValue(), environment.getValue(), mode.getValue(),
                    notes.getValue()))) {
                Notices.success("Target defined");
                form.clear();
                refresh(project);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        layout.add(name, environment, mode, notes, save, form.status());
        layout.setColspan(form.status(), 3);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        return layout;
    }
}
