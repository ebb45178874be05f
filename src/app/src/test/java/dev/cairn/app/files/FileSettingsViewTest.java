package dev.cairn.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.cairn.api.files.FileSizes;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.files.StoredFile;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.support.Actors;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
    @Autowired
    StoredFileService files;

    @BeforeEach
    void signIn() {
        world.create();
        new Actors(dsl).signIn("acme-admin");
    }

    @AfterEach
    void restore() {
        new Actors(dsl).run("acme-admin", () -> limits.setTenantLimit(DemoWorld.DEMO_UPLOAD_LIMIT));
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

    @Test
    void theTenantAdminSeesTheTenantsStoredFilesOnlyAndTheEmptyListSaysWhatComesFirst() {
        Actors actors = new Actors(dsl);
        byte[] content = "churn,label\n1,0\n".getBytes(StandardCharsets.UTF_8);
        StoredFile stored = actors.as("globex-admin",
                () -> files.store(NewFile.named("globex-churn.csv"), new ByteArrayInputStream(content)).file());

        FileSettingsView acmeView = UI.getCurrent().navigate(FileSettingsView.class).orElseThrow();
        Grid<?> acmeGrid = test(acmeView).find(Grid.class).single();
        var acmeRows = test(acmeGrid);
        assertThat(acmeRows.size()).as("the demo world's one file of Acme; Globex's new file is not listed").isEqualTo(1);
        assertThat(acmeRows.getCellText(0, 0)).isEqualTo("churn.csv");
        assertThat(acmeRows.getCellText(0, 3)).isEqualTo("acme-member");
        assertThat(acmeGrid.getEmptyStateText()).startsWith("No files stored yet.").contains("uploads one on a stage page");

        UI.getCurrent().navigate("login"); // leave first: navigating to the route shown keeps the view built for Acme
        actors.signIn("globex-admin");
        FileSettingsView globexView = UI.getCurrent().navigate(FileSettingsView.class).orElseThrow();
        var rows = test(test(globexView).find(Grid.class).single());
        assertThat(rows.size()).as("the demo world's churn.csv and the new file, newest first").isEqualTo(2);
        assertThat(rows.getCellText(0, 0)).isEqualTo("globex-churn.csv");
        assertThat(rows.getCellText(0, 1)).isEqualTo(FileSizes.format(content.length));
        assertThat(rows.getCellText(0, 2)).isEqualTo(stored.sha256()).hasSize(64);
        assertThat(rows.getCellText(0, 3)).isEqualTo("globex-admin");
        assertThat(rows.getCellText(0, 5)).as("no stage uses a file stored through the file API").isEqualTo("Nothing");
    }

    @Test
    void theAdminDeletesAFileWithAReasonAndTheListSaysWhatUsedIt() {
        Actors actors = new Actors(dsl);
        byte[] content = ("id,plan\n1,basic-" + java.util.UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        StoredFile stored = actors.as("acme-member", () -> files.store(NewFile.named("to-forget.csv"), new ByteArrayInputStream(content)).file());

        FileSettingsView view = UI.getCurrent().navigate(FileSettingsView.class).orElseThrow();
        Grid<?> grid = test(view).find(Grid.class).single();
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("to-forget.csv");
        test((Button) test(grid).getCellComponent(0, 6)).click();
        Button deleteFile = $(Button.class).withText("Delete file").single(); // in the dialog, outside the view
        test(deleteFile).click();
        TextField reason = $(TextField.class).withCaption("Reason").single();
        assertThat(reason.isInvalid()).as("the reason is required, said on the field").isTrue();
        assertThat(actors.as("acme-admin", files::tenantFiles)).extracting(StoredFile::id).contains(stored.id());

        test(reason).setValue("privacy request #9");
        test(deleteFile).click();

        assertThat(actors.as("acme-admin", files::tenantFiles)).extracting(StoredFile::id).doesNotContain(stored.id());
        assertThat(test(grid).getCellText(0, 0)).as("the list is refreshed").isNotEqualTo("to-forget.csv");
        assertThat(catchThrowable(() -> actors.as("acme-admin", () -> files.open(stored.id())))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMemberCannotOpenThePageNorListTheFiles() {
        Actors actors = new Actors(dsl);
        actors.signIn("acme-member");
        UI.getCurrent().navigate("admin/files");
        assertThat(getCurrentView()).as("the route is refused").isNotInstanceOf(FileSettingsView.class);
        assertThat(catchThrowable(() -> actors.run("acme-member", files::tenantFiles))).isInstanceOf(AccessDeniedException.class);
    }
}
