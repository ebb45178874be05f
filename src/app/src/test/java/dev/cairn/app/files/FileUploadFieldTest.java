package dev.cairn.app.files;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.UploadTester;
import dev.cairn.api.files.FileStore;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reusable upload field in a form: the limit told up front, the file stored on upload, refusals on the field. */
@AppTest
class FileUploadFieldTest extends SpringBrowserlessTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    FileStore files;
    @Autowired
    FileLimits limits;
    @Autowired
    DemoWorld world;

    @BeforeEach
    void signIn() {
        world.create();
        new Actors(dsl).signIn("acme-member");
    }

    @AfterEach
    void signOut() {
        new Actors(dsl).run("acme-admin", () -> limits.setTenantLimit(DemoWorld.DEMO_UPLOAD_LIMIT));
        Actors.signOut();
    }

    private FileUploadTestView open() {
        FileUploadTestView view = new FileUploadTestView(files);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void theLimitIsToldBeforeAFileIsPickedAndTheBrowserIsToldItToo() {
        FileUploadTestView view = open();
        assertThat(view.file.getHelperText()).isEqualTo("One file, at most 50 MB.");
        assertThat(view.file.upload().getMaxFileSize()).isEqualTo((int) DemoWorld.DEMO_UPLOAD_LIMIT);
        assertThat(view.file.upload().getMaxFiles()).isEqualTo(1);
        assertThat(view.file.upload().getElement().getAttribute("upload-format")).as("the body streams, it is not parsed as multipart first")
                .isEqualTo("raw");
    }

    @Test
    void anUploadedFileIsStoredAndBecomesTheFormsValue() {
        FileUploadTestView view = open();
        byte[] content = ("a,b\n1,2\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        test(view.file.upload()).upload("train.csv", "text/csv", new ByteArrayInputStream(content));
        assertThat(view.file.getValue()).isNotNull();
        assertThat(view.file.getValue().name()).isEqualTo("train.csv");
        assertThat(view.file.isInvalid()).isFalse();
        test(view).find(com.vaadin.flow.component.button.Button.class).withText("Save").single().click();
        assertThat(view.saved.getText()).startsWith("Saved train.csv sha256=").endsWith(view.file.getValue().sha256());
        assertThat(files.metadata(view.file.getValue().id()).sizeBytes()).isEqualTo(content.length);
    }

    @Test
    void aFileOverTheLimitIsRefusedOnTheServerAndTheReasonShowsOnTheField() {
        new Actors(dsl).run("acme-admin", () -> limits.setTenantLimit(1024L));
        FileUploadTestView view = open();
        test(view.file.upload()).upload("big.csv", "text/csv", new ByteArrayInputStream(new byte[4096]));
        assertThat(view.file.getValue()).isNull();
        assertThat(view.file.isInvalid()).isTrue();
        assertThat(view.file.getErrorMessage()).isEqualTo("\"big.csv\" is larger than the upload limit of 1 KB.");
    }

    @Test
    void savingWithoutAFileNamesTheMissingFileOnTheField() {
        FileUploadTestView view = open();
        test(view).find(com.vaadin.flow.component.button.Button.class).withText("Save").single().click();
        assertThat(view.file.isInvalid()).isTrue();
        assertThat(view.file.getErrorMessage()).isEqualTo("Choose a file to upload.");
        assertThat(view.saved.getText()).isEmpty();
    }
}
