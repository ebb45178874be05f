package dev.cairn.app.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteConfiguration;
import dev.cairn.app.admin.UsersView;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.app.plugins.PlatformPermissions;
import dev.cairn.app.db.tables.records.ProjectRecord;
import dev.cairn.api.ui.EditForm;
import dev.cairn.api.ui.Notices;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import dev.cairn.app.admin.TenantsView;
import java.time.format.DateTimeFormatter;

/** The tenant's projects; project managers create new ones here. */
@Route("")
@PageTitle("Projects · Cairn")
@PermitAll
public class ProjectsView extends VerticalLayout implements BeforeEnterObserver {

    private final ProjectService projects;
    private final Grid<ProjectRecord> grid = new Grid<>(ProjectRecord.class, false);

    private final CurrentUser currentUser;

    public ProjectsView(ProjectService projects, CurrentUser currentUser, PermissionCheck permissions) {
        this.projects = projects;
        this.currentUser = currentUser;
        add(new H2("Projects"));
        if (permissions.can(PlatformPermissions.CREATE_PROJECT)) {
            Button create = new Button("New project", click -> openCreateDialog());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.addColumn(ProjectRecord::getProjectKey).setHeader("Key").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ProjectRecord::getName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(ProjectRecord::getCreatedBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(p -> p.getCreatedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)).setHeader("Created").setAutoWidth(true);
        grid.addItemClickListener(click -> open(click.getItem().getId().toString()));
        grid.setEmptyStateComponent(firstSteps(permissions));
        add(grid);
        setSizeFull();
    }

    /** What to do first in a tenant without projects, by what the user may do. */
    private static Div firstSteps(PermissionCheck permissions) {
        Div steps = new Div();
        steps.setId("first-steps");
        if (permissions.can(PlatformPermissions.CREATE_PROJECT)) {
            steps.add(new Paragraph("No projects yet. Start with New project above: give it a name and a short key, "
                    + "then scope it on its Scoping page."));
        } else {
            steps.add(new Paragraph("No projects yet. A project manager or your tenant admin creates the first one; "
                    + "it appears here as soon as it exists."));
        }
        if (permissions.can(PlatformPermissions.MANAGE_USERS)) {
            steps.add(new Paragraph(new Span("Add the people who will work on it: "),
                    new Anchor(RouteConfiguration.forSessionScope().getUrl(UsersView.class), "create their accounts under Users"),
                    new Span(", then add them to the project as members.")));
        }
        return steps;
    }

    /** The platform admin belongs to no tenant and has no projects: their home is the tenant list. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.require().tenantId() == null) {
            event.forwardTo(TenantsView.class);
        } else {
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(projects.list());
    }

    private void open(String projectId) {
        getUI().ifPresent(ui -> ui.navigate(ProjectView.class, projectId));
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New project");
        TextField name = new TextField("Name");
        name.setRequired(true);
        name.setMaxLength(120);
        TextField key = new TextField("Key");
        key.setRequired(true);
        key.setMaxLength(12);
        key.setHelperText("2-12 letters or digits, e.g. CHURN");
        TextArea description = new TextArea("Description");
        description.setMaxLength(4000);
        FormLayout form = new FormLayout(name, key, description);
        EditForm checks = new EditForm(dialog)
                .checked(name, "Name", ProjectService.ProjectInput::name)
                .checked(key, "Key", ProjectService.ProjectInput::key)
                .checked(description, "Description", ProjectService.ProjectInput::description);
        dialog.add(form, checks.status());
        Button save = new Button("Create", click -> {
            ProjectRef[] created = new ProjectRef[1];
            if (checks.submit(() -> created[0] = projects.create(name.getValue(), key.getValue(), description.getValue()))) {
                dialog.close();
                Notices.success("Project " + created[0].key() + " created");
                open(created[0].id().toString());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> {
            checks.markSaved();
            dialog.close();
        }), save);
        dialog.open();
        name.focus();
    }
}
