package dev.cairn.plugin.data;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;

/** A project's datasets: the list, and a form to register one (not for viewers). */
@Route("data/datasets")
@PageTitle("Datasets · Cairn")
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PROJECT_MANAGER_NAME, Role.MEMBER_NAME, Role.VIEWER_NAME})
public class DatasetsView extends VerticalLayout implements HasUrlParameter<String> {

    private final DatasetService datasets;
    private final ProjectDirectory projects;
    private final boolean canRegister;
    private final Grid<DatasetRecord> grid = new Grid<>();

    public DatasetsView(DatasetService datasets, ProjectDirectory projects, PermissionCheck permissions) {
        this.datasets = datasets;
        this.projects = projects;
        this.canRegister = permissions.can(DataPermissions.REGISTER);
        grid.addColumn(DatasetRecord::getName).setHeader("Name");
        grid.addColumn(DatasetRecord::getSourceUri).setHeader("Source");
        grid.addColumn(DatasetRecord::getDescription).setHeader("Description");
        grid.addColumn(DatasetRecord::getCreatedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(d -> d.getCreatedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)).setHeader("Registered").setAutoWidth(true);
        grid.setEmptyStateComponent(new Paragraph("No datasets registered yet."));
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        ProjectRef project = projects.require(projectId);
        removeAll();
        add(new H2(project.key() + " · Datasets"));
        if (canRegister) {
            add(registrationForm(project));
        }
        add(grid);
        grid.setItems(datasets.list(project.id()));
    }

    private FormLayout registrationForm(ProjectRef project) {
        TextField name = new TextField("Dataset name");
        name.setMaxLength(120);
        TextField source = new TextField("Source URI");
        source.setPlaceholder("s3://bucket/churn/2026-11.parquet");
        TextArea description = new TextArea("Description");
        description.setMaxLength(2000);
        Button register = new Button("Register dataset", click -> {
            try {
                datasets.register(project.id(), name.getValue(), source.getValue(), description.getValue());
                Notification.show("Dataset registered", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                name.clear();
                source.clear();
                description.clear();
                grid.setItems(datasets.list(project.id()));
            } catch (IllegalArgumentException invalid) {
                Notification.show(invalid.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, source, description, register);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return form;
    }
}
