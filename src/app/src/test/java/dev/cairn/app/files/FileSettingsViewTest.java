package dev.cairn.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The tenant admin's upload limit form: errors on the field, the value kept; empty means the platform default. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:filesettings;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class FileSettingsViewTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    FileLimits limits;
    @Autowired
    DemoWorld world;

    @BeforeEach
    void signIn() {
        world.create();
        new Actors(dsl).signIn("acme-admin");
    }

    @AfterEach
    void restore() {
        limits.setTenantLimit(DemoWorld.DEMO_UPLOAD_LIMIT);
        Actors.signOut();
    }

    @Test
    void theFormShowsTheTenantsLimitAndTheBoundsBeforeAnythingIsTyped() {
        FileSettingsView view = UI.getCurrent().navigate(FileSettingsView.class).orElseThrow();
        IntegerField field = test(view).find(IntegerField.class).single();
        assertThat(field.getValue()).isEqualTo(50);
        assertThat(field.getHelperText()).isEqualTo("Empty: the platform default of 100 MB. At most 2 GB.");
    }

    @Test
    void aLimitAboveTheCeilingIsMarkedOnTheFieldKeptAsTypedAndNotSaved() {
        FileSettingsView view = UI.getCurrent().navigate(FileSettingsView.class).orElseThrow();
        IntegerField field = test(view).find(IntegerField.class).single();
        field.setValue(4096);
        test(view).find(Button.class).withText("Save limit").single().click();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("The limit is at most 2 GB, the platform's ceiling.");
        assertThat(field.getValue()).isEqualTo(4096);
        assertThat(limits.tenantLimit()).contains(DemoWorld.DEMO_UPLOAD_LIMIT);
    }

    @Test
    void aValidLimitIsSavedAndAnEmptyOneReturnsToThePlatformDefault() {
        FileSettingsView view = UI.getCurrent().navigate(FileSettingsView.class).orElseThrow();
        IntegerField field = test(view).find(IntegerField.class).single();
        field.setValue(10);
        test(view).find(Button.class).withText("Save limit").single().click();
        assertThat(field.isInvalid()).isFalse();
        assertThat(limits.tenantLimit()).contains(10L * 1024 * 1024);
        field.clear();
        test(view).find(Button.class).withText("Save limit").single().click();
        assertThat(limits.tenantLimit()).isEmpty();
        assertThat(limits.currentLimit()).isEqualTo(100L * 1024 * 1024);
    }
}
