package dev.cairn.plugin.data.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.api.ui.DecimalField;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The schema page (features grid, history, edit form with its errors, diff view, approval) as each kind of user sees it, without a browser. */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:schemapages;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=100ms"})
@ActiveProfiles("demo")
class SchemaPagesTest extends BrowserlessTest {

    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles profiles;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    DatasetSchemas schemas;

    private SchemaFixture fixture() {
        return SchemaFixture.create(actors(), projects, datasets, versions, profiles, "SP");
    }

    private static void open(ProjectRef project, UUID dataset) {
        UI.getCurrent().navigate("data/schema/" + project.id(), QueryParameters.of(SchemaView.DATASET_PARAMETER, dataset.toString()));
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    private <T extends Component> T labelled(Class<T> type, String label) {
        return $(type).all().stream().filter(c -> label.equals(c.getElement().getProperty("label"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid(String className) {
        return $(Grid.class).all().stream().filter(g -> g.hasClassName(className)).findFirst().orElseThrow();
    }

    private List<List<String>> rows(String className) {
        var tester = test(grid(className));
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < tester.size(); row++) {
            List<String> cells = new ArrayList<>();
            int columns = grid(className).getColumns().size();
            for (int column = 0; column < columns; column++) {
                cells.add(tester.getCellText(row, column));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The Edit button in the features grid's row of this feature (the column before Remove). */
    private Button editButton(String feature) {
        return featureButton(feature, 2);
    }

    /** The Remove button in the features grid's row of this feature (the last column). */
    private Button removeButton(String feature) {
        return featureButton(feature, 1);
    }

    private Button featureButton(String feature, int fromEnd) {
        var tester = test(grid("schema-features"));
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getCellText(row, 0).equals(feature)) {
                int column = grid("schema-features").getColumns().size() - fromEnd;
                return (Button) tester.getCellComponent(row, column);
            }
        }
        throw new AssertionError("no row " + feature);
    }

    private String text() {
        List<String> shown = new ArrayList<>($(Paragraph.class).all().stream().map(Paragraph::getText).toList());
        $(StatusLine.class).all().forEach(line -> shown.add(line.message()));
        return String.join("\n", shown);
    }

    @Test
    void theDatasetPageLinksToItsSchema() {
        SchemaFixture f = fixture();
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/dataset/" + f.project().id(), QueryParameters.of("dataset", f.dataset().toString()));
        var link = $(com.vaadin.flow.component.html.Anchor.class).all().stream().filter(a -> a.hasClassName("dataset-schema-link")).findFirst()
                .orElseThrow();
        assertThat(link.getHref()).isEqualTo(SchemaView.url(f.project().id(), f.dataset()));
    }

    @Test
    void aDatasetWithoutVersionsSaysToUploadOneThenInferASchema() {
        SchemaFixture f = fixture();
        UUID bare = actors().as("acme-pm", () -> datasets.register(f.project().id(), "empty", null, "")).getId();
        signIn("acme-member");
        open(f.project(), bare);
        assertThat(getCurrentView()).isInstanceOf(SchemaView.class);
        assertThat(text()).contains("Upload a version, then infer a schema from it.");
        assertThat(buttons("Infer schema")).isEmpty();
    }

    @Test
    void aMemberInfersTheSchemaAndSeesItsFeaturesAndHistoryAViewerOnlyReads() {
        SchemaFixture f = fixture();
        signIn("acme-viewer");
        open(f.project(), f.dataset());
        assertThat(text()).contains("A member or manager of the project infers it from a version.");
        assertThat(buttons("Infer schema")).isEmpty();

        signIn("acme-member");
        open(f.project(), f.dataset());
        test(buttons("Infer schema").getFirst()).click();

        assertThat(rows("schema-features")).extracting(r -> r.subList(0, 6)).containsExactly(
                List.of("id", "INTEGER", "required", rows("schema-features").getFirst().get(3), "", "in training and serving"),
                List.of("age", "INTEGER", "optional, at least 80% present", "[18, 50]", "", "in training and serving"),
                List.of("plan", "CATEGORICAL", "required", "{basic, pro}", "", "in training and serving"),
                List.of("churned", "BOOLEAN", "required", "{no, yes}", "", "in training and serving"));
        assertThat(rows("schema-history")).singleElement().satisfies(r -> {
            assertThat(r.get(0)).isEqualTo("v1");
            assertThat(r.get(1)).isEqualTo("draft");
            assertThat(r.get(2)).startsWith("acme-member, ");
            assertThat(r.get(3)).isEqualTo("Inferred from dataset version 1.");
        });
        assertThat(text()).contains("Version 1 · draft · by acme-member").contains("No label chosen yet");
        assertThat(buttons("Approve version 1")).as("members do not approve").isEmpty();

        signIn("acme-viewer");
        open(f.project(), f.dataset());
        assertThat(grid("schema-features").getColumns()).as("no Edit column").hasSize(6);
    }

    @Test
    void theEditFormShowsEveryProblemOnItsFieldAtOnceAndSavesNothingThenSavesAVersionWithTheReason() {
        SchemaFixture f = fixture();
        actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        signIn("acme-member");
        open(f.project(), f.dataset());
        test(editButton("age")).click();

        test(labelled(DecimalField.class, "Min")).setValue("60");
        test(labelled(DecimalField.class, "Max")).setValue("10");
        test(labelled(DecimalField.class, "Least share present")).setValue("1.5");
        test(buttons("Save as version 2").getFirst()).click();

        DecimalField min = labelled(DecimalField.class, "Min");
        assertThat(min.isInvalid()).isTrue();
        assertThat(min.getErrorMessage()).isEqualTo("Min of age must not exceed Max: 60 > 10.");
        DecimalField share = labelled(DecimalField.class, "Least share present");
        assertThat(share.isInvalid()).isTrue();
        assertThat(share.getErrorMessage()).startsWith("Least share present must lie between 0 and 1");
        TextField reason = labelled(TextField.class, "Reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Reason is required.");
        assertThat(actors().as("acme-member", () -> schemas.history(f.project().id(), f.dataset()))).as("nothing saved").hasSize(1);

        test(labelled(DecimalField.class, "Min")).setValue("0");
        test(labelled(DecimalField.class, "Max")).setValue("120.5");
        test(labelled(DecimalField.class, "Least share present")).setValue("0.75");
        test(labelled(TextField.class, "Reason")).setValue("older customers and more gaps");
        test(buttons("Save as version 2").getFirst()).click();

        SchemaVersion v2 = actors().as("acme-member", () -> schemas.current(f.project().id(), f.dataset())).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.reason()).isEqualTo("older customers and more gaps");
        assertThat(rows("schema-features").get(1).subList(0, 4)).containsExactly("age", "INTEGER", "optional, at least 75% present", "[0, 120.5]");
        assertThat(rows("schema-history")).extracting(r -> r.get(0)).containsExactly("v2", "v1");
        assertThat(rows("schema-diff-grid")).as("the diff view, v1 to v2").containsExactly(
                List.of("age", "presence", "optional, at least 80% present", "optional, at least 75% present"),
                List.of("age", "domain", "[18, 50]", "[0, 120.5]"));
    }

    @Test
    void categoriesAreEditedAsAListAndSharesAreReadInTheUsersLocale() {
        SchemaFixture f = fixture();
        actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        signIn("acme-member");
        UI.getCurrent().setLocale(java.util.Locale.GERMANY);
        open(f.project(), f.dataset());
        test(editButton("plan")).click();

        CategoryListField list = $(CategoryListField.class).single();
        assertThat(list.getValue()).containsExactly("basic", "pro");
        test(list.nextCategory()).setValue("overseas");
        test(buttons("Add").getFirst()).click();
        test(list.nextCategory()).setValue("basic");
        test(buttons("Add").getFirst()).click();
        assertThat(list.isInvalid()).isTrue();
        assertThat(list.getErrorMessage()).isEqualTo("Categories: 'basic' is already listed.");
        var removePro = $(Button.class).all().stream().filter(b -> "Remove pro".equals(b.getElement().getAttribute("aria-label"))).findFirst()
                .orElseThrow();
        test(removePro).click();
        assertThat(list.getValue()).containsExactly("basic", "overseas");
        test(labelled(TextField.class, "Reason")).setValue("overseas customers; pro is retired");
        test(buttons("Save as version 2").getFirst()).click();
        assertThat(rows("schema-features").get(2).subList(0, 4)).containsExactly("plan", "CATEGORICAL", "required", "{basic, overseas}");

        test(editButton("age")).click();
        DecimalField share = labelled(DecimalField.class, "Least share present");
        assertThat(share.getValue()).as("shown as German writes it").isEqualTo("0,8");
        test(share).setValue("0.75");
        assertThat(share.isInvalid()).as("0.75 is not how German writes 0,75").isTrue();
        test(share).setValue("0,75");
        test(labelled(TextField.class, "Reason")).setValue("sparser batches");
        test(buttons("Save as version 3").getFirst()).click();
        SchemaVersion v3 = actors().as("acme-member", () -> schemas.current(f.project().id(), f.dataset())).orElseThrow();
        assertThat(v3.schema().feature("age").orElseThrow().minFractionPresent()).isEqualTo(0.75);
    }

    @Test
    void distinctValueBoundsAreEditedInTheUsersLocaleCheckedOnTheFieldAndSavedAsANewVersion() {
        SchemaFixture f = fixture();
        actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        signIn("acme-member");
        UI.getCurrent().setLocale(java.util.Locale.GERMANY);
        open(f.project(), f.dataset());
        test(editButton("plan")).click();
        DecimalField least = labelled(DecimalField.class, "Least distinct values");
        DecimalField most = labelled(DecimalField.class, "Most distinct values");
        assertThat(least.getValue()).as("no bound inferred").isEmpty();

        test(least).setValue("5");
        test(most).setValue("2");
        test(labelled(TextField.class, "Reason")).setValue("two to five plans");
        test(buttons("Save as version 2").getFirst()).click();
        assertThat(least.isInvalid()).isTrue();
        assertThat(least.getErrorMessage()).isEqualTo("Least distinct values of plan must not exceed the most: 5 > 2.");

        test(least).setValue("1,5");
        test(most).setValue("-3");
        test(buttons("Save as version 2").getFirst()).click();
        assertThat(least.getErrorMessage()).isEqualTo("Least distinct values must be a whole number, was 1,5.");
        assertThat(most.isInvalid()).isTrue();
        assertThat(most.getErrorMessage()).startsWith("Most distinct values must lie between 0 and");
        assertThat(actors().as("acme-member", () -> schemas.history(f.project().id(), f.dataset()))).as("nothing saved").hasSize(1);

        test(least).setValue("2");
        test(most).setValue("1000");
        test(buttons("Save as version 2").getFirst()).click();
        var plan = actors().as("acme-member", () -> schemas.current(f.project().id(), f.dataset())).orElseThrow().schema().feature("plan")
                .orElseThrow();
        assertThat(plan.minDistinct()).isEqualTo(2);
        assertThat(plan.maxDistinct()).isEqualTo(1000);
        assertThat(rows("schema-diff-grid")).extracting(r -> r.subList(0, 2)).containsExactly(List.of("plan", "least distinct values"),
                List.of("plan", "most distinct values"));
    }

    @Test
    void aFeatureIsRemovedAfterTheUserConfirmsWithAReasonAndTheDiffShowsItGone() {
        SchemaFixture f = fixture();
        actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        signIn("acme-member");
        open(f.project(), f.dataset());
        assertThat(removeButton("plan").getElement().getAttribute("aria-label")).isEqualTo("Remove plan");

        test(removeButton("plan")).click();
        RemoveFeatureDialog ask = $(RemoveFeatureDialog.class).single();
        test(buttons("Remove and save as version 2").getFirst()).click();
        TextField reason = labelled(TextField.class, "Reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Reason is required.");
        assertThat(actors().as("acme-member", () -> schemas.history(f.project().id(), f.dataset()))).as("nothing saved").hasSize(1);

        test(buttons("Cancel").getFirst()).click();
        assertThat(ask.isOpened()).isFalse();
        assertThat(actors().as("acme-member", () -> schemas.history(f.project().id(), f.dataset()))).as("cancelled: nothing saved").hasSize(1);

        test(removeButton("plan")).click();
        test(labelled(TextField.class, "Reason")).setValue("plans are no longer sold");
        test(buttons("Remove and save as version 2").getFirst()).click();

        SchemaVersion v2 = actors().as("acme-member", () -> schemas.current(f.project().id(), f.dataset())).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.reason()).isEqualTo("plans are no longer sold");
        assertThat(v2.schema().feature("plan")).isEmpty();
        assertThat(rows("schema-features")).extracting(r -> r.get(0)).doesNotContain("plan");
        assertThat(rows("schema-diff-grid")).extracting(r -> r.subList(0, 2)).containsExactly(List.of("plan", "removed"));
    }

    @Test
    void theSchemaIsInferredAgainFromANewerVersionWithAReasonAndDiffedAgainstThePrevious() throws Exception {
        SchemaFixture f = fixture();
        actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        byte[] newer = ("id,age,plan,churned\n1,70,family,yes\n2,65,pro,no\n" + (10 + Math.abs(UUID.randomUUID().hashCode() % 1_000_000))
                + ",80,basic,no\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var v2 = actors().as("acme-member", () -> versions.upload(f.project().id(), f.dataset(), new dev.cairn.api.files.NewFile("newer.csv",
                "text/csv", newer.length), new java.io.ByteArrayInputStream(newer), dev.cairn.plugin.data.ingest.FormatOverrides.NONE,
                dev.cairn.plugin.data.Provenance.NONE)).version();
        dev.cairn.plugin.data.ProfileAwait.ended(actors(), profiles, f.project().id(), v2.getId());
        signIn("acme-member");
        open(f.project(), f.dataset());

        test(buttons("Infer again from a version").getFirst()).click();
        @SuppressWarnings("unchecked")
        var from = (com.vaadin.flow.component.combobox.ComboBox<Object>) labelled(com.vaadin.flow.component.combobox.ComboBox.class, "Infer from");
        assertThat(from.getValue()).as("the newest version").isNotNull();
        test(buttons("Infer as version 2").getFirst()).click();
        TextField reason = labelled(TextField.class, "Reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Reason is required.");
        assertThat(actors().as("acme-member", () -> schemas.history(f.project().id(), f.dataset()))).as("nothing saved").hasSize(1);

        test(reason).setValue("the new batch has older customers and the family plan");
        test(buttons("Infer as version 2").getFirst()).click();

        SchemaVersion made = actors().as("acme-member", () -> schemas.current(f.project().id(), f.dataset())).orElseThrow();
        assertThat(made.version()).isEqualTo(2);
        assertThat(made.reason()).isEqualTo("Inferred again from dataset version 2: the new batch has older customers and the family plan");
        assertThat(rows("schema-diff-grid")).as("the diff view, v1 to v2").contains(
                List.of("age", "presence", "optional, at least 80% present", "required"),
                List.of("age", "domain", "[18, 50]", "[65, 80]"),
                // Three plans in three rows: the newer version's statistics call it text, and the diff says so.
                List.of("plan", "type", "CATEGORICAL", "TEXT"));
        assertThatNothingChangedIsRefused(f, v2.getId());
    }

    private void assertThatNothingChangedIsRefused(SchemaFixture f, UUID fromVersion) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actors().as("acme-member", () -> schemas.reinfer(f.project().id(), f.dataset(), 2,
                fromVersion, "again"))).hasMessage("Nothing changed: version 2 already says this.");
    }

    @Test
    void theLeastRowCountIsEditedAsANewVersionAndAWrongNumberIsRefusedOnTheField() {
        SchemaFixture f = fixture();
        actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        signIn("acme-member");
        open(f.project(), f.dataset());
        test(buttons("Least rows: 0").getFirst()).click();
        TextField rows = labelled(TextField.class, "Least rows");
        test(rows).setValue("");
        test(buttons("Save as version 2").getFirst()).click();
        assertThat(rows.isInvalid()).isTrue();
        assertThat(rows.getErrorMessage()).isEqualTo("Least rows is required (0 for no bound).");
        test(rows).setValue("1000");
        test(labelled(TextField.class, "Reason")).setValue("a nightly batch has at least 1000 rows");
        test(buttons("Save as version 2").getFirst()).click();
        assertThat(actors().as("acme-member", () -> schemas.current(f.project().id(), f.dataset())).orElseThrow().schema().minRows())
                .isEqualTo(1000);
        assertThat(rows("schema-diff-grid")).containsExactly(List.of("(schema)", "least rows", "0", "1000"));
    }

    @Test
    void cancellingAnEditWithChangesAsksBeforeDroppingThem() {
        SchemaFixture f = fixture();
        actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        signIn("acme-member");
        open(f.project(), f.dataset());
        test(editButton("age")).click();
        test(labelled(DecimalField.class, "Max")).setValue("99");
        test(buttons("Cancel").getFirst()).click();

        Confirmation ask = $(Confirmation.class).single();
        assertThat(ask.header()).isEqualTo("Drop your changes?");
        assertThat($(FeatureDialog.class).single().isOpened()).as("still open until the user chooses").isTrue();
        test(ask.confirmButton()).click();
        assertThat($(FeatureDialog.class).all()).noneMatch(FeatureDialog::isOpened);
    }

    @Test
    void theDiffViewListsEachChangeBeforeAndAfterAndAnotherManagerApproves() {
        SchemaFixture f = fixture();
        SchemaVersion v1 = actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
        List<FeatureDraft> drafts = v1.schema().features().stream().map(FeatureDraft::of)
                .map(d -> d.name().equals("churned") ? d.withLabel(true) : d).toList();
        actors().as("acme-pm", () -> schemas.save(f.project().id(), f.dataset(), 1, drafts, 0, "churned is the label"));

        signIn("acme-pm");
        open(f.project(), f.dataset());
        assertThat(rows("schema-diff-grid")).containsExactly(List.of("churned", "label", "no", "yes"));
        assertThat(buttons("Approve version 2")).as("offered; the service refuses the author").hasSize(1);
        test(buttons("Approve version 2").getFirst()).click();
        test($(Confirmation.class).single().confirmButton()).click();
        assertThat(text()).contains("another manager must approve it");

        signIn("acme-admin");
        open(f.project(), f.dataset());
        test(buttons("Approve version 2").getFirst()).click();
        test($(Confirmation.class).single().confirmButton()).click();
        assertThat(text()).contains("Version 2 · approved · by acme-pm").contains(", approved by acme-admin on ");
        assertThat(rows("schema-history")).extracting(r -> r.get(1)).containsExactly("approved", "draft");
        assertThat(buttons("Approve version 2")).isEmpty();
    }
}
