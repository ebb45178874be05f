package dev.cairn.app.stages;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.deployment.TargetService;
import dev.cairn.plugin.deployment.TargetService.Environment;
import dev.cairn.plugin.deployment.TargetService.ServingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deployment targets are edited on the kit's form and deleted after confirmation, by managers, in their own tenant only. */
@AppTest
class TargetsEditTest extends dev.cairn.app.support.BrowserlessTest {

    @Autowired
    ProjectService projects;
    @Autowired
    TargetService targets;

    private ProjectRef projectWithTargets(String key, String... names) {
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        for (String name : names) {
            actors().run("acme-pm", () -> targets.define(project.id(), name, Environment.STAGING, ServingMode.BATCH, "nightly"));
        }
        return project;
    }

    @Test
    void aManagerEditsATargetOnTheFormAndTheChangeIsSaved() {
        ProjectRef project = projectWithTargets("TGED", "staging-eu");
        actors().signIn("acme-pm");
        UI.getCurrent().navigate("deployment/targets/" + project.id());

        rowButtons("Edit").getFirst().click();
        TextField name = labelled(TextField.class, "Target name");
        assertThat(name.getValue()).isEqualTo("staging-eu");
        test(name).setValue("prod-eu");
        test(buttons("Save target").getFirst()).click();

        var saved = actors().as("acme-pm", () -> targets.list(project.id())).getFirst();
        assertThat(saved.getName()).isEqualTo("prod-eu");
        assertThat(saved.getNotes()).as("what was not touched stays").isEqualTo("nightly");
        assertThat(buttons("Define target")).as("the form is back to defining").hasSize(1);
    }

    @Test
    void renamingATargetToAnotherTargetsNameIsRefusedOnTheNameField() {
        ProjectRef project = projectWithTargets("TGDU", "a", "b");
        actors().signIn("acme-pm");
        UI.getCurrent().navigate("deployment/targets/" + project.id());

        rowButtons("Edit").get(1).click();
        test(labelled(TextField.class, "Target name")).setValue("a");
        test(buttons("Save target").getFirst()).click();

        assertThat(labelled(TextField.class, "Target name").getErrorMessage()).contains("a target named a already exists");
        assertThat($(Notification.class).all()).as("no red pop-up").isEmpty();
        assertThat(actors().as("acme-pm", () -> targets.list(project.id()))).extracting(t -> t.getName()).containsExactly("a", "b");
    }

    @Test
    void aTargetIsDeletedOnlyAfterConfirmation() {
        ProjectRef project = projectWithTargets("TGDL", "staging-eu");
        actors().signIn("acme-pm");
        UI.getCurrent().navigate("deployment/targets/" + project.id());

        rowButtons("Delete").getFirst().click();
        Confirmation confirm = $(Confirmation.class).single();
        assertThat(confirm.header()).isEqualTo("Delete target staging-eu?");
        assertThat(actors().as("acme-pm", () -> targets.list(project.id()))).as("nothing deleted before the confirmation").hasSize(1);
        test(confirm.confirmButton()).click();

        assertThat(actors().as("acme-pm", () -> targets.list(project.id()))).isEmpty();
    }

    @Test
    void aMemberSeesNeitherEditNorDeleteAndTheServiceRefusesThemBoth() {
        ProjectRef project = projectWithTargets("TGMB", "staging-eu");
        UUID target = actors().as("acme-pm", () -> targets.list(project.id())).getFirst().getId();
        actors().signIn("acme-member");
        UI.getCurrent().navigate("deployment/targets/" + project.id());
        assertThat(buttons("Edit")).isEmpty();
        assertThat(buttons("Delete")).isEmpty();
        Actors.signOut();

        assertThat(catchThrowable(() -> actors().run("acme-member",
                () -> targets.update(project.id(), target, "x", Environment.PRODUCTION, ServingMode.ONLINE, ""))))
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class);
        assertThat(catchThrowable(() -> actors().run("acme-member", () -> targets.delete(project.id(), target))))
                .isInstanceOf(dev.cairn.api.security.AccessDeniedException.class);
    }

    @Test
    void anotherTenantsManagerCanNeitherEditNorDeleteATarget() {
        ProjectRef project = projectWithTargets("TGXT", "staging-eu");
        UUID target = actors().as("acme-pm", () -> targets.list(project.id())).getFirst().getId();

        assertThat(catchThrowable(() -> actors().run("globex-pm",
                () -> targets.update(project.id(), target, "x", Environment.PRODUCTION, ServingMode.ONLINE, ""))))
                .isInstanceOf(NotFoundException.class);
        assertThat(catchThrowable(() -> actors().run("globex-pm", () -> targets.delete(project.id(), target))))
                .isInstanceOf(NotFoundException.class);
        ProjectRef own = actors().as("globex-pm", () -> projects.create("Project TGXG", "TGXG", null));
        assertThat(catchThrowable(() -> actors().run("globex-pm", () -> targets.delete(own.id(), target))))
                .as("through their own project").isInstanceOf(NotFoundException.class);
        assertThat(actors().as("acme-pm", () -> targets.list(project.id()))).extracting(t -> t.getName()).containsExactly("staging-eu");
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText()) && b.isVisible()).toList();
    }

    private <T extends com.vaadin.flow.component.Component & HasLabel> T labelled(Class<T> type, String label) {
        return $(type).all().stream().filter(f -> label.equals(f.getLabel())).findFirst().orElseThrow();
    }

}
