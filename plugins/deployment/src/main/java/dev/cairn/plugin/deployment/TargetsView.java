package dev.cairn.plugin.deployment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.security.Role;
import dev.cairn.plugin.deployment.TargetService.Environment;
import dev.cairn.plugin.deployment.TargetService.ServingMode;
import dev.cairn.plugin.deployment.db.tables.records.TargetRecord;
import jakarta.annotation.security.RolesAllowed;

/** A project's deployment targets; project managers define them. */
@Route("deployment/targets")
@PageTitle("Deployment targets · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class TargetsView extends VerticalLayout implements HasUrlParameter<String> {

    private final TargetService targets;
    private final ProjectDirectory projects;
    private final boolean canDefine;
    private final Grid<TargetRecord> grid = new Grid<>();

    public TargetsView(TargetService targets, ProjectDirectory projects, PermissionCheck permissions) {
        this.targets = targets;
        this.projects = projects;
        this.canDefine = permissions.can(DeploymentPermissions.DEFINE_TARGET);
        grid.addColumn(TargetRecord::getName).setHeader("Target");
        grid.addColumn(TargetRecord::getEnvironment).setHeader("Environment").setAutoWidth(true);
        grid.addColumn(TargetRecord::getServingMode).setHeader("Serving").setAutoWidth(true);
        grid.addColumn(TargetRecord::getNotes).setHeader("Notes");
        grid.setEmptyStateComponent(new Paragraph("No deployment targets yet."));
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        ProjectRef project = projects.require(projectId);
        removeAll();
        add(new H2(project.key() + " · Deployment targets"));
        if (canDefine) {
            add(form(project));
        }
        add(grid);
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
        Button save = new Button("Define target", click -> {
            try {
                targets.define(project.id(), name.getValue(), environment.getValue(), mode.getValue(), notes.getValue());
                Notification.show("Target defined", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                name.clear();
                notes.clear();
                grid.setItems(targets.list(project.id()));
            } catch (IllegalArgumentException invalid) {
                Notification.show(invalid.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, environment, mode, notes, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        return form;
    }
}
