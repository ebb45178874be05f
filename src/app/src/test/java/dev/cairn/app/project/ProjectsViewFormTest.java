package dev.cairn.app.project;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.app.support.Actors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The new-project form: errors on their fields, all at once, the input kept, no pop-ups (issue 8). */
@AppTest
class ProjectsViewFormTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;

    @BeforeEach
    void openTheForm() {
        new Actors(dsl).signIn("acme-pm");
        UI.getCurrent().navigate("");
        test($(Button.class).withText("New project").single()).click();
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private TextField field(String label) {
        return $(TextField.class).withLabel(label).single();
    }

    private void create() {
        test($(Button.class).withText("Create").single()).click();
    }

    @Test
    void aBadKeyAndAMissingNameAreShownOnTheirFieldsAtOnceAndNothingPopsUp() {
        test(field("Key")).setValue("1x");

        create();

        assertThat(field("Key").isInvalid()).isTrue();
        assertThat(field("Key").getErrorMessage()).contains("Key must be 2-12 letters or digits");
        assertThat(field("Name").isInvalid()).isTrue();
        assertThat(field("Name").getErrorMessage()).isEqualTo("Name is required.");
        assertThat(field("Key").getValue()).as("the input is kept").isEqualTo("1x");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat($(Notification.class).all()).as("no red pop-up").isEmpty();
    }

    @Test
    void aKeyAnotherProjectUsesIsRefusedOnTheKeyFieldAndTheTypedNameStays() {
        new Actors(dsl).as("acme-pm", () -> projects.create("Taken", "TAKEN1", null));
        test(field("Name")).setValue("Fraud alerts");
        test(field("Key")).setValue("taken1");

        create();

        assertThat(field("Key").isInvalid()).isTrue();
        assertThat(field("Key").getErrorMessage()).isEqualTo("Key TAKEN1 is already used by another project.");
        assertThat(field("Name").isInvalid()).isFalse();
        assertThat(field("Name").getValue()).isEqualTo("Fraud alerts");
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void aValidProjectIsCreatedAndOnlyConfirmed() {
        test(field("Name")).setValue("Fraud scoring");
        test(field("Key")).setValue("FRAUD9");

        create();

        assertThat(getCurrentView()).isInstanceOf(ProjectView.class);
        assertThat($(Notification.class).all()).hasSize(1);
    }
}
