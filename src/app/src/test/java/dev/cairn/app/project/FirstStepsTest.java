package dev.cairn.app.project;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Empty pages say what to do first; the project page names the lifecycle's next step (issue 8). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:appforms;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class FirstStepsTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private Div firstSteps() {
        return $(Div.class).id("first-steps");
    }

    @Test
    void aNewTenantAdminWithoutProjectsIsToldToCreateOneAndAddUsersWithALinkToUsers() {
        new Actors(dsl).signIn("globex-admin");
        UI.getCurrent().navigate("");

        assertThat(firstSteps().getElement().getTextRecursively()).contains("New project").contains("Users");
        assertThat(firstSteps().getChildren().flatMap(c -> c.getChildren()).filter(Anchor.class::isInstance)
                .map(a -> ((Anchor) a).getHref())).containsExactly("admin/users");
    }

    @Test
    void aViewerWithoutProjectsIsToldWhoCreatesThemAndGetsNoLinkTheyMayNotFollow() {
        new Actors(dsl).signIn("globex-viewer");
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
