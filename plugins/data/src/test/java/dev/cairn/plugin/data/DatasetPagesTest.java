package dev.cairn.plugin.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The datasets list and a dataset's page (history, upload, refusals on the field, delete) as each kind of user sees them, without a browser. */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:datapages;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class DatasetPagesTest extends BrowserlessTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;

    private World dataset() {
        return World.withDataset(actors(), projects, datasets, "DP", "subscribers", "Monthly snapshot");
    }

    private void open(World world) {
        navigate(world.project(), world.dataset().toString());
    }

    /** As the list's link does: data/dataset/{project}?dataset={id}. */
    private static void navigate(ProjectRef project, String dataset) {
        UI.getCurrent().navigate("data/dataset/" + project.id(), com.vaadin.flow.router.QueryParameters.of(DatasetView.DATASET_PARAMETER, dataset));
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    private <T extends com.vaadin.flow.component.Component> T labelled(Class<T> type, String label) {
        return $(type).all().stream().filter(c -> label.equals(c.getElement().getProperty("label"))).findFirst().orElseThrow();
    }

    private void upload(String name, String content) {
        test($(Upload.class).single()).upload(name, "text/csv", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private String outcome() {
        return $(Span.class).all().stream().filter(s -> s.hasClassName("upload-outcome")).findFirst().orElseThrow().getText();
    }

    private DatasetFileField fileField() {
        return $(DatasetFileField.class).single();
    }

    @Test
    void theEmptyDatasetsListSaysWhatToDoFirst() {
        ProjectRef project = World.newProject(actors(), projects, "DP");
        signIn("acme-member");
        UI.getCurrent().navigate("data/datasets/" + project.id());
        assertThat($(Grid.class).single().getEmptyStateText()).contains("registering the dataset").contains("upload its first version");
    }

    @Test
    void aMemberUploadsAVersionWithProvenanceAndSeesItInTheHistory() {
        World world = dataset();
        signIn("acme-member");
        open(world);
        assertThat(getCurrentView()).isInstanceOf(DatasetView.class);
        assertThat($(Grid.class).single().getEmptyStateText()).isEqualTo("No versions yet. Upload the first one with the form above.");

        upload("subscribers.csv", "id;plan\n1;basic\n2;pro\n" + UUID.randomUUID() + ";pro\n");
        test(labelled(TextField.class, "Source")).setValue("CRM export");
        test(labelled(TextField.class, "Licence or consent")).setValue("internal use");
        test(buttons("Upload version").getFirst()).click();

        assertThat(outcome()).isEqualTo("Stored as version 1 of subscribers: 3 rows, 2 columns.");
        var history = actors().as("acme-member", () -> versions.history(world.project().id(), world.dataset()));
        assertThat(history).singleElement().satisfies(v -> {
            assertThat(v.getSource()).isEqualTo("CRM export");
            assertThat(v.getDelimiter()).as("detected").isEqualTo(";");
        });
        assertThat(test($(Grid.class).single()).size()).isEqualTo(1);
        assertThat(fileField().getValue()).as("the form is ready for the next file").isNull();
        assertThat(fileField().isInvalid()).as("and not marked as missing one").isFalse();
    }

    @Test
    void aRefusedFileIsNamedOnTheFieldWithItsOffendingLinesAndCanBeRetriedWithAnOverride() {
        World world = dataset();
        signIn("acme-member");
        open(world);
        // A spreadsheet's export in windows-1252: not UTF-8, so refused until the user names the encoding.
        byte[] content = ("name,city\nZoë,Zürich\nAndré,Genève\n" + UUID.randomUUID() + ",Bern\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        test($(Upload.class).single()).upload("cities.csv", "text/csv", new ByteArrayInputStream(content));
        test(buttons("Upload version").getFirst()).click();

        assertThat(fileField().isInvalid()).isTrue();
        assertThat(fileField().getErrorMessage()).startsWith("File: Line 2, byte 12: not valid UTF-8.");
        Pre sample = $(Pre.class).single();
        assertThat(sample.isVisible()).isTrue();
        assertThat(sample.getText()).startsWith("Offending lines:\nline 2: Zo");
        assertThat($(Notification.class).all()).as("no pop-up").isEmpty();
        assertThat(actors().as("acme-member", () -> versions.history(world.project().id(), world.dataset()))).as("nothing stored").isEmpty();

        test(labelled(com.vaadin.flow.component.combobox.ComboBox.class, "If not UTF-8, read as")).selectItem("windows-1252");
        test(buttons("Upload version").getFirst()).click();

        assertThat(fileField().isInvalid()).as("the same file, read as the user said").isFalse();
        assertThat(outcome()).startsWith("Stored as version 1 of subscribers: 3 rows, 2 columns.");
        assertThat(actors().as("acme-member", () -> versions.history(world.project().id(), world.dataset())).getFirst().getEncoding())
                .isEqualTo("windows-1252");
        assertThat($(Pre.class).all()).as("the sample went with the refusal").isEmpty();
    }

    @Test
    void theSameFileAgainIsTheSameVersionAndTheUserIsToldSo() {
        World world = dataset();
        String content = "id,plan\n1,basic\n" + UUID.randomUUID() + ",pro\n";
        signIn("acme-member");
        open(world);
        upload("a.csv", content);
        test(buttons("Upload version").getFirst()).click();
        upload("a-again.csv", content);
        test(buttons("Upload version").getFirst()).click();

        assertThat(outcome()).startsWith("This file is already version 1 of subscribers");
        assertThat(test($(Grid.class).single()).size()).isEqualTo(1);
    }

    @Test
    void aViewerReadsTheHistoryAndIsOfferedNoUploadNorDelete() {
        World world = dataset();
        byte[] bytes = ("id\n" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        actors().run("acme-member", () -> versions.upload(world.project().id(), world.dataset(), dev.cairn.api.files.NewFile.named("v.csv"),
                new ByteArrayInputStream(bytes), dev.cairn.plugin.data.ingest.FormatOverrides.NONE, Provenance.NONE));
        signIn("acme-viewer");
        open(world);
        assertThat(test($(Grid.class).single()).size()).isEqualTo(1);
        assertThat(buttons("Upload version")).isEmpty();
        assertThat($(Upload.class).all()).isEmpty();
        assertThat(buttons("Delete")).isEmpty();
        assertThat(buttons("Edit provenance")).isEmpty();
    }

    @Test
    void aManagerDeletesAVersionWithAReasonAndTheHistoryShowsTheTombstone() {
        World world = dataset();
        byte[] bytes = ("id\n" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        actors().run("acme-member", () -> versions.upload(world.project().id(), world.dataset(), dev.cairn.api.files.NewFile.named("v.csv"),
                new ByteArrayInputStream(bytes), dev.cairn.plugin.data.ingest.FormatOverrides.NONE, Provenance.NONE));
        signIn("acme-member");
        open(world);
        assertThat(rowButtons("Delete")).as("members upload, managers delete").isEmpty();

        signIn("acme-pm");
        open(world);
        rowButtons("Delete").getFirst().click();
        test(buttons("Delete version").getFirst()).click();
        assertThat(labelled(TextField.class, "Reason").getErrorMessage()).isEqualTo("Reason is required.");
        test(labelled(TextField.class, "Reason")).setValue("privacy request 12");
        test(buttons("Delete version").getFirst()).click();

        var version = actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset())).getFirst();
        assertThat(version.getDeletedBy()).isEqualTo("acme-pm");
        assertThat(DatasetViewText.provenance(version)).endsWith("by acme-pm: privacy request 12");
        assertThat(rowButtons("Delete")).as("a tombstone offers nothing").isEmpty();
    }

    @Test
    void anotherTenantsDatasetIsNotFound() {
        World acme = dataset();
        String key = "DPG" + KEYS.incrementAndGet();
        ProjectRef globex = actors().as("globex-pm", () -> projects.create("Globex " + key, key, null));
        signIn("globex-pm");
        navigate(globex, acme.dataset().toString());
        assertThat(getCurrentView()).isNotInstanceOf(DatasetView.class);
        navigate(globex, "not-an-id");
        assertThat(getCurrentView()).isNotInstanceOf(DatasetView.class);
        UI.getCurrent().navigate("data/dataset/" + globex.id());
        assertThat(getCurrentView()).as("without a dataset the page points at the list").isInstanceOf(DatasetView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).all()).anyMatch(a -> a.getText().equals("Choose one on the Datasets page"));
    }
}
