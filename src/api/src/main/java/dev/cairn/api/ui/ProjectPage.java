package dev.cairn.api.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;

/**
 * The base of a stage page that belongs to a project ({@code @Route("plugin/page")}, URL
 * {@code plugin/page/<project id>}). It takes the project id from the URL, checks the page's
 * required permission and looks the project up in the current tenant; a user without the permission
 * (the platform admin among them, who belongs to no tenant), a malformed id and another tenant's
 * project all get the platform's "not found" page, never a blank or half-built one. Then it renders
 * the breadcrumbs and the header (key and page title as the heading, then the project's name and the stage) and calls
 * {@link #render(ProjectRef)} for the page's own content.
 *
 * <p>Annotate the subclass with {@code @PermitAll}: Vaadin needs an access annotation, and the
 * permission check here is the real one. Views ask {@link #can} to show or hide actions; services
 * still check with {@link PermissionCheck#require}.
 */
public abstract class ProjectPage extends VerticalLayout implements HasUrlParameter<String> {

    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final Stage stage;
    private final String title;
    private final PermissionDefinition required;
    private ProjectRef project;

    protected ProjectPage(ProjectDirectory projects, PermissionCheck permissions, Stage stage, String title,
                          PermissionDefinition required) {
        this.projects = projects;
        this.permissions = permissions;
        this.stage = stage;
        this.title = title;
        this.required = required;
        addClassName("cairn-project-page");
    }

    @Override
    public final void setParameter(BeforeEvent event, String projectId) {
        if (!permissions.can(required)) {
            // The same answer as a missing project: the page does not say what exists.
            throw new NotFoundException("Project");
        }
        project = projects.require(projectId);
        removeAll();
        add(breadcrumbs(project), header(project));
        render(project);
    }

    /** Adds the page's content below the header; called on every navigation to the page. */
    protected abstract void render(ProjectRef project);

    /** The project shown, once the page has been entered. */
    protected ProjectRef project() {
        return project;
    }

    /**
     * The permission a user needs to open the page, as given to the constructor. The platform reads
     * it to check pages it has never seen (the role matrix derives a plugin page's row from it).
     */
    public final PermissionDefinition requiredPermission() {
        return required;
    }

    /** Whether the signed-in user holds the permission: show or hide an action with it. */
    protected boolean can(PermissionDefinition permission) {
        return permissions.can(permission);
    }

    private Nav breadcrumbs(ProjectRef project) {
        Nav trail = new Nav(new Anchor("", "Projects"), separator(), new Anchor("project/" + project.id(), project.key()),
                separator(), new Span(stage.title() + ": " + title));
        trail.addClassName("cairn-breadcrumbs");
        trail.getElement().setAttribute("aria-label", "Breadcrumbs");
        trail.getStyle().set("font-size", "var(--lumo-font-size-s)").set("display", "flex").set("gap", "0.4em");
        return trail;
    }

    private static Span separator() {
        Span separator = new Span("/");
        separator.getElement().setAttribute("aria-hidden", "true");
        return separator;
    }

    private VerticalLayout header(ProjectRef project) {
        H2 name = new H2(project.key() + " · " + title);
        name.getStyle().set("margin", "0");
        Span line = new Span(project.name() + " · " + stage.title() + " stage");
        line.addClassName("cairn-page-subtitle");
        line.getStyle().set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout header = new VerticalLayout(name, line);
        header.setPadding(false);
        header.setSpacing(false);
        header.addClassName("cairn-page-header");
        return header;
    }
}
