package dev.cairn.app.shell;

import dev.cairn.app.plugins.PluginRegistry;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.app.plugins.PlatformPermissions;
import dev.cairn.api.security.CurrentUser.UserInfo;
import dev.cairn.api.security.Role;
import dev.cairn.app.admin.TenantsView;
import dev.cairn.app.audit.AuditLogView;
import dev.cairn.app.files.FileSettingsView;
import dev.cairn.app.admin.UsersView;
import dev.cairn.app.jobs.JobsView;
import dev.cairn.app.lineage.LineageView;
import dev.cairn.app.project.ProjectView;
import dev.cairn.app.project.ProjectsView;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The application shell. Navigation is built from the registered stage plugins: when the page
 * belongs to a project (its last URL segment is a project id of the tenant), the drawer lists the
 * project's overview, lineage and every plugin's entries for that project.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final PluginRegistry plugins;
    private final ProjectDirectory projects;
    private final CurrentUser currentUser;
    private final SideNav globalNav = new SideNav();
    private final SideNav projectNav = new SideNav();

    private final PermissionCheck permissions;

    public MainLayout(PluginRegistry plugins, ProjectDirectory projects, CurrentUser currentUser,
                      AuthenticationContext authentication, PermissionCheck permissions) {
        this.permissions = permissions;
        this.plugins = plugins;
        this.projects = projects;
        this.currentUser = currentUser;
        UserInfo user = currentUser.require();
        Span title = new Span("Cairn");
        title.addClassName("cairn-title");
        Span who = new Span(user.displayName());
        who.addClassName("cairn-user");
        Button logout = new Button("Sign out", click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(title, who);
        if (user.tenantId() != null) {
            // By path, not by class: the token page lives in the API package, which depends on the shell.
            bar.add(new com.vaadin.flow.component.html.Anchor("account/tokens", "API tokens"));
        }
        bar.add(logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        bar.addClassName("cairn-navbar");
        addToNavbar(new DrawerToggle(), bar);
        buildGlobalNav(user);
        projectNav.setLabel("Project");
        projectNav.setVisible(false);
        addToDrawer(globalNav, projectNav);
    }

    private void buildGlobalNav(UserInfo user) {
        if (user.tenantId() != null) {
            globalNav.addItem(new SideNavItem("Projects", ProjectsView.class));
            globalNav.addItem(new SideNavItem("Jobs", JobsView.class));
            for (StagePlugin plugin : plugins.plugins()) {
                for (NavigationEntry entry : plugin.tenantNavigation()) {
                    globalNav.addItem(new SideNavItem(entry.label(), PluginRegistry.routeOf(entry)));
                }
            }
        }
        if (permissions.can(PlatformPermissions.MANAGE_USERS)) {
            globalNav.addItem(new SideNavItem("Users", UsersView.class));
            globalNav.addItem(new SideNavItem("File uploads", FileSettingsView.class));
        }
        if (user.hasRole(Role.PLATFORM_ADMIN)) {
            globalNav.addItem(new SideNavItem("Tenants", TenantsView.class));
        }
        if (user.hasRole(Role.PLATFORM_ADMIN) || permissions.can(PlatformPermissions.READ_AUDIT_LOG)) {
            globalNav.addItem(new SideNavItem("Audit log", AuditLogView.class));
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        List<String> segments = event.getLocation().getSegments();
        Optional<ProjectRef> project = segments.isEmpty() ? Optional.empty() : projectOf(segments.getLast());
        projectNav.removeAll();
        projectNav.setVisible(project.isPresent());
        project.ifPresent(this::buildProjectNav);
    }

    private Optional<ProjectRef> projectOf(String segment) {
        if (currentUser.get().map(UserInfo::tenantId).isEmpty()) {
            return Optional.empty();
        }
        try {
            return projects.find(UUID.fromString(segment));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private void buildProjectNav(ProjectRef project) {
        String id = project.id().toString();
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        projectNav.setLabel(project.key() + " · " + project.name());
        projectNav.addItem(new SideNavItem("Overview", routes.getUrl(ProjectView.class, id)));
        for (StagePlugin plugin : plugins.plugins()) {
            for (NavigationEntry entry : plugin.navigation()) {
                projectNav.addItem(new SideNavItem(plugin.stage().title() + ": " + entry.label(), PluginRegistry.urlOf(entry, id)));
            }
        }
        projectNav.addItem(new SideNavItem("Lineage", routes.getUrl(LineageView.class, id)));
    }
}
