package dev.cairn.app.project;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.notification.Notification;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.support.Actors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Adding a project member with nobody chosen says so on the field, not in a red pop-up (issue 8). */
@AppTest
class ProjectMembersFormTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void addingAMemberWithNobodyChosenIsRefusedOnTheField() {
        ProjectRef project = new Actors(dsl).as("acme-pm", () -> projects.create("Members form", "MEMB1", null));
        new Actors(dsl).signIn("acme-pm");
        UI.getCurrent().navigate("project/" + project.id());

        test($(Button.class).withText("Add").single()).click();

        ComboBox<?> candidate = $(ComboBox.class).withLabel("Add a member").single();
        assertThat(candidate.isInvalid()).isTrue();
        assertThat(candidate.getErrorMessage()).isEqualTo("Choose a user to add.");
        assertThat($(Notification.class).all()).isEmpty();
    }
}
