package dev.cairn.app.ui;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SECURITY.md item 7: without a safe link into MLflow's UI the project page offers none and says
 * where the project's runs are in Cairn instead. (Same context as StoredXssTest, so Spring reuses it.)
 */
@AppTest
class MlflowLinkPanelTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void withoutASafeLinkTheProjectPageSaysWhereTheRunsAreInCairn() {
        Actors actors = new Actors(dsl);
        ProjectRef project = actors.as("acme-pm", () -> projects.create("No link", "NOLINK", "link panel"));
        actors.signIn("acme-member");

        UI.getCurrent().navigate("project/" + project.id());

        assertThat($(Anchor.class).all()).noneMatch(anchor -> "mlflow-link".equals(anchor.getId().orElse(null)));
        assertThat($(Span.class).id("mlflow-data-in-cairn").getText()).contains("shown in Cairn").contains("stage pages");
    }
}
