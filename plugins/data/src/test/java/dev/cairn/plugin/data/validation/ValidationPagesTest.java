package dev.cairn.plugin.data.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import dev.cairn.api.data.Feature;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.plugin.data.DataIntegrationTest;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.schema.SchemaView;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The validation page without a browser: validate, fix an anomaly (the schema's next version, then the anomaly gone),
 * a refused fix said on its dialog, a viewer who reads but neither validates nor fixes, the empty states, the training
 * version, and the verdict badge in the dataset's version history.
 */
@DataIntegrationTest
class ValidationPagesTest extends BrowserlessTest {

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    StoredProfiles profiles;
    @Autowired
    DatasetSchemas schemas;
    @Autowired
    VersionValidations validations;
    @Autowired
    TrainingVersions training;

    private ValidationWorld world() {
        return ValidationWorld.create(new ValidationWorld.Services(actors(), projects, datasets, versions, profiles, schemas), "VP");
    }

    private static void open(ProjectRef project, UUID version) {
        UI.getCurrent().navigate("data/validation/" + project.id(), QueryParameters.of(PageChoice.VERSION, version.toString()));
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    private String text() {
        List<String> shown = new ArrayList<>($(Paragraph.class).all().stream().map(Paragraph::getText).toList());
        $(StatusLine.class).all().forEach(line -> shown.add(line.message()));
        return String.join("\n", shown);
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid(String className) {
        return $(Grid.class).all().stream().filter(g -> g.hasClassName(className)).findFirst().orElseThrow();
    }

    private List<List<String>> rows(String className) {
        var tester = test(grid(className));
        int columns = grid(className).getColumns().size();
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < tester.size(); row++) {
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < columns; column++) {
                cells.add(cell(tester, row, column));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A cell's text: a component column's component's, else the rendered text. */
    private static String cell(com.vaadin.flow.component.grid.GridTester<?, ?> tester, int row, int column) {
        try {
            var component = tester.getCellComponent(row, column);
            return component == null ? "" : component.getElement().getTextRecursively();
        } catch (IllegalArgumentException notAComponentColumn) {
            return tester.getCellText(row, column);
        }
    }

    /** The fix button of the anomalies grid that says {@code label}. */
    private Button fixButton(String label) {
        var tester = test(grid("validation-anomalies"));
        int last = grid("validation-anomalies").getColumns().size() - 1;
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getCellComponent(row, last) instanceof Button button && label.equals(button.getText())) {
                return button;
            }
        }
        throw new AssertionError("no fix button " + label + " in " + rows("validation-anomalies"));
    }

    /** The Validation column of the dataset page's version history, row by row. */
    @SuppressWarnings("unchecked")
    private List<ValidationBadge> badges() {
        Grid<Object> history = $(Grid.class).all().stream().filter(g -> g.getColumns().stream()
                .anyMatch(c -> "Validation".equals(((Grid.Column<?>) c).getHeaderText()))).findFirst().orElseThrow();
        int column = history.getColumns().stream().map(c -> ((Grid.Column<?>) c).getHeaderText()).toList().indexOf("Validation");
        var tester = test(history);
        List<ValidationBadge> found = new ArrayList<>();
        for (int row = 0; row < tester.size(); row++) {
            found.add((ValidationBadge) tester.getCellComponent(row, column));
        }
        return found;
    }

    @Test
    void aMemberValidatesSeesTheAnomalyAndFixesItAndTheAnomalyIsGone() {
        ValidationWorld w = world();
        signIn("acme-member");
        open(w.project(), w.v2());
        assertThat(getCurrentView()).isInstanceOf(ValidationView.class);
        assertThat(text()).contains("No schema version is approved yet: validating against the newest, draft version 1.",
                "Not validated yet: choose the schema version and environment and press Validate.");

        test(buttons("Validate").getFirst()).click();

        assertThat(rows("validation-anomalies")).containsExactly(List.of("Error", "plan", "Unexpected category",
                "plan has 1 value not in its domain, in 2 rows: 'enterprise' (2).", "Add 'enterprise' to the domain of plan"));

        test(fixButton("Add 'enterprise' to the domain of plan")).click();
        TextArea reason = $(TextArea.class).single();
        assertThat(reason.getValue()).isEqualTo("Add 'enterprise' to the domain of plan (validation of version 2 found it).");
        test(reason).setValue("Enterprise plans launched in November");
        test(buttons("Save and validate again").getFirst()).click();

        assertThat($(FixDialog.class).all()).isEmpty();
        assertThat(text()).contains("No anomaly: the version matches the schema.");
        assertThat(actors().as("acme-viewer", () -> schemas.current(w.project().id(), w.dataset())).orElseThrow().reason())
                .isEqualTo("Enterprise plans launched in November");
        assertThat(rows("validation-history")).extracting(r -> r.subList(1, 4)).containsExactly(List.of("v2 · draft", "TRAINING", "Passed"),
                List.of("v1 · draft", "TRAINING", "Failed"));
    }

    @Test
    void aFixIsRefusedOnItsDialogWhenTheSchemaMovedOnAndTheReasonIsRequired() {
        ValidationWorld w = world();
        actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 1, Feature.TRAINING));
        signIn("acme-member");
        open(w.project(), w.v2());
        test(fixButton("Add 'enterprise' to the domain of plan")).click();
        Button save = buttons("Save and validate again").getFirst();

        test($(TextArea.class).single()).setValue("");
        test(save).click();
        assertThat($(TextArea.class).single().getErrorMessage()).isEqualTo("Reason is required.");

        // Meanwhile someone else saves schema version 2.
        var v1 = actors().as("acme-viewer", () -> schemas.version(w.project().id(), w.dataset(), 1));
        actors().as("acme-pm", () -> schemas.save(w.project().id(), w.dataset(), 1, v1.schema().features().stream()
                .map(dev.cairn.plugin.data.schema.FeatureDraft::of).toList(), 3, "at least three rows"));
        test($(TextArea.class).single()).setValue("enterprise is a plan");
        test(save).click();

        assertThat($(FixDialog.class).all()).as("the dialog stays open").hasSize(1);
        assertThat($(StatusLine.class).all()).extracting(StatusLine::message).contains("Version 2 was saved by acme-pm since you opened version 1:"
                + " reload the page and make your change on it.");
        assertThat(actors().as("acme-viewer", () -> schemas.history(w.project().id(), w.dataset()))).hasSize(2);
    }

    @Test
    void aViewerReadsTheValidationsButNeitherValidatesNorFixesNorChoosesTheTrainingVersion() {
        ValidationWorld w = world();
        actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 1, Feature.TRAINING));
        signIn("acme-viewer");
        open(w.project(), w.v2());

        assertThat(buttons("Validate")).isEmpty();
        int last = grid("validation-anomalies").getColumns().size() - 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> test(grid("validation-anomalies")).getCellComponent(0, last))
                .as("the fix is text, not a button").isInstanceOf(IllegalArgumentException.class);
        assertThat(buttons("Make version 2 the training version")).isEmpty();
        assertThat(rows("validation-anomalies")).singleElement().satisfies(r -> assertThat(r.getLast())
                .isEqualTo("Add 'enterprise' to the domain of plan"));
        assertThat(rows("validation-history")).hasSize(1);
    }

    @Test
    void aMemberMakesTheVersionTheTrainingVersionAfterAConfirmationAndTheDatasetPageShowsTheVerdict() {
        ValidationWorld w = world();
        actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 1, Feature.TRAINING));
        signIn("acme-member");
        open(w.project(), w.v2());
        assertThat(text()).contains("customers has no training version yet.");

        test(buttons("Make version 2 the training version").getFirst()).click();
        test($(Confirmation.class).single().confirmButton()).click();

        assertThat(text()).contains("This is the training version of customers.");
        assertThat(actors().as("acme-viewer", () -> training.of(w.project().id(), w.dataset()))).get().extracting(v -> v.getVersion())
                .isEqualTo(2);

        UI.getCurrent().navigate("data/dataset/" + w.project().id(), QueryParameters.of("dataset", w.dataset().toString()));
        List<ValidationBadge> badges = badges();
        assertThat(badges).extracting(b -> b.getElement().getTextRecursively())
                .containsExactly("Failed · schema v1 · TRAINING training", "Validate");
        assertThat($(Anchor.class, badges.getLast()).single().getHref()).isEqualTo(ValidationView.url(w.project().id(), w.v1()));
    }

    @Test
    void anotherTenantsVersionAndAMalformedIdAreNotFound() {
        ValidationWorld w = world();
        String key = "VPG" + (100_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900_000));
        ProjectRef globex = actors().as("globex-pm", () -> projects.create("Globex " + key, key, null));
        signIn("globex-pm");

        open(globex, w.v2());
        assertThat(getCurrentView()).isNotInstanceOf(ValidationView.class);
        UI.getCurrent().navigate("data/validation/" + globex.id(), QueryParameters.of(PageChoice.VERSION, "not-an-id"));
        assertThat(getCurrentView()).isNotInstanceOf(ValidationView.class);
        UI.getCurrent().navigate("data/validation/" + w.project().id(), QueryParameters.of(PageChoice.VERSION, w.v2().toString()));
        assertThat(getCurrentView()).as("Acme's project itself").isNotInstanceOf(ValidationView.class);
    }

    @Test
    void whileTheStatisticsAreComputedThePageShowsTheProgressAndMovesOnWhenTheyAreStored() {
        ValidationWorld w = world();
        var profileRows = dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;
        // The version's profiling run as the job leaves it mid-way: running, 40%, no profile yet.
        var stored = dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.selectFrom(profileRows).where(profileRows.VERSION_ID.eq(w.v2())).fetchSingle());
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.update(profileRows).set(profileRows.STATUS, "RUNNING").set(profileRows.PROGRESS, 0.4)
                .set(profileRows.PROFILE, (byte[]) null).where(profileRows.VERSION_ID.eq(w.v2())).execute());
        signIn("acme-member");
        open(w.project(), w.v2());

        assertThat(text()).contains("Validation reads the version's statistics, which are being computed (40%): wait a moment.");
        assertThat($(com.vaadin.flow.component.progressbar.ProgressBar.class).single().getValue()).isEqualTo(0.4);
        assertThat(UI.getCurrent().getPollInterval()).as("the page polls").isPositive();
        assertThat(buttons("Validate")).isEmpty();

        // The job stores the profile; the next poll shows the page.
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.update(profileRows).set(profileRows.STATUS, "DONE").set(profileRows.PROGRESS, 1.0)
                .set(profileRows.PROFILE, stored.getProfile()).where(profileRows.VERSION_ID.eq(w.v2())).execute());
        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(), new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));

        assertThat(buttons("Validate")).hasSize(1);
        assertThat(UI.getCurrent().getPollInterval()).as("polling stopped").isNegative();
    }

    @Test
    void emptyStatesSayWhatToDoFirst() {
        ValidationWorld w = world();
        signIn("acme-member");
        // No schema: a dataset of its own with one version.
        UUID bare = actors().as("acme-pm", () -> datasets.register(w.project().id(), "bare", null, "")).getId();
        byte[] csv = ("id\n" + UUID.randomUUID().getMostSignificantBits() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID version = actors().as("acme-member", () -> versions.upload(w.project().id(), bare, dev.cairn.api.files.NewFile.named("b.csv"),
                new java.io.ByteArrayInputStream(csv), dev.cairn.plugin.data.ingest.FormatOverrides.NONE,
                dev.cairn.plugin.data.Provenance.NONE)).version().getId();
        open(w.project(), version);
        assertThat(text()).contains("This dataset has no schema yet: infer one on its schema page first, then validate against it.");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains(SchemaView.url(w.project().id(), bare));
        assertThat(buttons("Validate")).isEmpty();

        // No statistics (a version uploaded before they were stored has none).
        dev.cairn.app.tenancy.TenantScope.callAsPlatform(() -> dsl.deleteFrom(dev.cairn.plugin.data.db.Tables.VERSION_PROFILE)
                .where(dev.cairn.plugin.data.db.Tables.VERSION_PROFILE.VERSION_ID.eq(w.v1())).execute());
        open(w.project(), w.v1());
        assertThat(text()).contains("This version has no statistics yet, and validation reads them: profile it on its statistics page.");
        assertThat(buttons("Validate")).isEmpty();

        // No version chosen.
        UI.getCurrent().navigate("data/validation/" + w.project().id());
        assertThat(text()).contains("No dataset version chosen.");

        // A deleted version.
        actors().as("acme-pm", () -> versions.delete(w.project().id(), w.v2(), "privacy request 4"));
        open(w.project(), w.v2());
        assertThat(text()).contains(": there is no data left to validate.");
        assertThat(buttons("Validate")).isEmpty();
    }
}
