package dev.cairn.app.project;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.support.Actors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Empty pages say what to do first; the project page names the lifecycle's next step (issue 8). */
@AppTest
class FirstStepsTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Autowired
    dev.cairn.app.admin.TenantAdminService tenants;
    @Autowired
    dev.cairn.app.admin.UserAdminService users;

    private Div firstSteps() {
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<dev.cairn.app.db.tables.records.ProjectRecord> grid = $(com.vaadin.flow.component.grid.Grid.class).single();
        assertThat(test(grid).size()).as("the tenant has no projects").isZero();
        return $(Div.class).id("first-steps");
    }

    /** A tenant just created by the platform admin, with its first admin and a viewer. */
    private static boolean tenantCreated;

    private void newTenant() {
        if (tenantCreated) {
            return;
        }
        var actors = new Actors(dsl);
        actors.run("platform", () -> tenants.create("Initrode", "initrode", "initrode-admin", "Ina Admin", "a long first password"));
        actors.run("initrode-admin", () -> users.create("initrode-viewer", "Vic Viewer", "a long first password",
                java.util.Set.of(dev.cairn.api.security.Role.VIEWER)));
        tenantCreated = true;
    }

    @Test
    void aNewTenantAdminWithoutProjectsIsToldToCreateOneAndAddUsersWithALinkToUsers() {
        newTenant();
        new Actors(dsl).signIn("initrode-admin");
        UI.getCurrent().navigate("");

        assertThat(firstSteps().getElement().getTextRecursively()).contains("New project").contains("Users");
        assertThat(firstSteps().getChildren().flatMap(c -> c.getChildren()).filter(Anchor.class::isInstance)
                .map(a -> ((Anchor) a).getHref())).containsExactly("admin/users");
    }

    @Test
    void aViewerWithoutProjectsIsToldWhoCreatesThemAndGetsNoLinkTheyMayNotFollow() {
        newTenant();
        new Actors(dsl).signIn("initrode-viewer");
        UI.getCurrent().navigate("");

        assertThat(firstSteps().getElement().getTextRecursively()).contains("A project manager or your tenant admin creates")
                .doesNotContain("New project").doesNotContain("Users");
    }

    @Test
    void theProjectPageNamesTheFirstFailingGateCheckWithItsLink() {
        ProjectRef project = new Actors(dsl).as("acme-pm", () -> projects.create("Fresh start", "FRESH1", null));
        new Actors(dsl).signIn("acme-pm");
        UI.getCurrent().navigate("project/" + project.id());

        Div next = $(Div.class).id("next-step");
        assertThat(next.getElement().getTextRecursively()).startsWith("Next step (Scoping): Scoping document complete.");
        assertThat(next.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("scoping/document/" + project.id());
    }
}
