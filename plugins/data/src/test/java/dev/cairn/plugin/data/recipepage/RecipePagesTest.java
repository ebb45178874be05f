package dev.cairn.plugin.data.recipepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.plugin.data.DataIntegrationTest;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recipes page without a browser, as members and viewers use it: the empty state, the step editor (errors on the
 * fields all at once, reorder, a step the fit refuses named on its row), the fit as a job the page follows, edit and
 * refit as new versions with a reason, delete with a confirmation, the preview's two grids, writing a transformed
 * version, and a viewer's read-only page.
 */
@DataIntegrationTest
class RecipePagesTest extends BrowserlessTest {

    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final String CSV = "id,plan,income\n1,basic,10\n2,pro,20\n3,basic,\n4,basic,30\n5,pro,40\n";

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    DatasetRecipes recipes;
    @Autowired
    RecipeRuns runs;

    private record Setup(UUID project, UUID dataset, DatasetVersionRecord version) {
    }

    private Setup setup() {
        String key = "RP" + KEYS.incrementAndGet();
        var project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project.id(), "customers", null, "")).getId();
        return new Setup(project.id(), dataset, upload(project.id(), dataset, CSV + "6,basic-" + UUID.randomUUID() + ",50\n"));
    }

    private DatasetVersionRecord upload(UUID project, UUID dataset, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return actors().as("acme-member", () -> versions.upload(project, dataset, new NewFile("customers.csv", "text/csv", bytes.length),
                new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE)).version();
    }

    private static List<StepPlan> plan() {
        return List.of(new StepPlan(Operation.IMPUTE, List.of("income"), Map.of("strategy", "mean")),
                new StepPlan(Operation.ONE_HOT, List.of("plan"), Map.of("top", "2", "other", "true")),
                new StepPlan(Operation.DROP, List.of("id"), Map.of()));
    }

    private static void open(Setup s) {
        UI.getCurrent().navigate("data/recipes/" + s.project(), QueryParameters.of("dataset", s.dataset().toString()));
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    private void click(String label) {
        test(buttons(label).getFirst()).click();
    }

    private String page() {
        return getCurrentView().getElement().getTextRecursively();
    }

    private RecipeEditor editor() {
        return $(RecipeEditor.class).single();
    }

    /** Waits until the dataset's runs ended (the context polls for jobs every 100 ms), then delivers the UI's poll. */
    private void awaitRunsThenPoll(Setup s) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (actors().as("acme-viewer", () -> runs.runs(s.project(), s.dataset())).stream().anyMatch(r -> r.status().pending())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the recipe runs did not end in time");
            }
            Thread.sleep(50);
        }
        assertThat(UI.getCurrent().getPollInterval()).as("the page polls while a run is pending").isEqualTo(dev.cairn.api.ui.WaitingPoll.INTERVAL_MILLIS);
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    @Test
    void theDatasetPageLinksToItsRecipesAndAnEmptyPageSaysWhatARecipeIs() {
        Setup s = setup();
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/dataset/" + s.project(), QueryParameters.of("dataset", s.dataset().toString()));
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains(RecipesView.url(s.project(), s.dataset()));

        open(s);
        assertThat(getCurrentView()).isInstanceOf(RecipesView.class);
        assertThat(page()).contains("A recipe is an ordered list of cleaning and transformation steps")
                .contains("A member or manager of the project builds one.");
        assertThat(buttons("New recipe")).isEmpty();

        signIn("acme-member");
        open(s);
        assertThat(page()).contains("Make the first with New recipe");
        assertThat(buttons("New recipe")).hasSize(1);
    }

    @Test
    void aMemberBuildsARecipeInTheStepEditorAndThePageFollowsItsFitToTheEnd() throws Exception {
        Setup s = setup();
        signIn("acme-member");
        open(s);
        click("New recipe");
        RecipeEditor editor = editor();
        test(editor.name).setValue("clean");
        test(editor.addStep).click();
        test(editor.addStep).click();
        test(editor.addStep).click();
        StepRow impute = editor.rows().get(0);
        test(impute.operation).selectItem("Impute missing values");
        test(impute.columns).selectItem("income");
        StepRow oneHot = editor.rows().get(1);
        test(oneHot.operation).selectItem("One-hot encode");
        test(oneHot.columns).selectItem("plan");
        oneHot.top.setValue(2);
        oneHot.other.setValue(true);
        StepRow drop = editor.rows().get(2);
        test(drop.operation).selectItem("Drop columns");
        test(drop.columns).selectItem("id");
        // Reordered: the drop first, then back last; removing and re-adding a step keeps the numbering.
        test(drop.up).click();
        test(drop.up).click();
        assertThat(editor.rows()).extracting(r -> r.operation.getValue()).containsExactly(Operation.DROP, Operation.IMPUTE, Operation.ONE_HOT);
        assertThat(drop.up.isEnabled()).isFalse();
        test(drop.down).click();
        test(drop.down).click();
        assertThat(editor.rows()).extracting(r -> r.operation.getValue()).containsExactly(Operation.IMPUTE, Operation.ONE_HOT, Operation.DROP);
        test(editor.addStep).click();
        test(editor.rows().get(3).remove).click();
        assertThat(editor.rows()).hasSize(3);

        test(editor.save).click();
        assertThat(editor.bar.isVisible()).as("a progress bar while the job runs").isTrue();
        assertThat(editor.save.isEnabled()).isFalse();
        awaitRunsThenPoll(s);

        assertThat(editor.isOpened()).as("the editor closes once the fit is stored").isFalse();
        assertThat(page()).contains("clean").contains("v1 · fitted on v1 (customers.csv) · by acme-member")
                .contains("Fill missing income with 30 (the mean)")
                .contains("One-hot plan into plan=basic, plan=pro, and plan=other for any other value")
                .contains("Drop the column id")
                .contains("Fit clean · acme-member");
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops once nothing is pending").isEqualTo(-1);
    }

    @Test
    void everyProblemShowsOnItsFieldAtOnceAndNothingIsQueued() {
        Setup s = setup();
        signIn("acme-member");
        open(s);
        click("New recipe");
        RecipeEditor editor = editor();
        test(editor.addStep).click();
        test(editor.addStep).click();
        test(editor.addStep).click();
        StepRow twoColumns = editor.rows().get(1);
        test(twoColumns.operation).selectItem("Standardise");
        test(twoColumns.columns).selectItem("id", "income");
        StepRow clip = editor.rows().get(2);
        test(clip.operation).selectItem("Clip");
        test(clip.columns).selectItem("income");
        test(clip.min).setValue("abc");

        test(editor.save).click();

        assertThat(editor.name.isInvalid()).isTrue();
        assertThat(editor.name.getErrorMessage()).isEqualTo("Name is required.");
        assertThat(editor.rows().get(0).operation.isInvalid()).isTrue();
        assertThat(editor.rows().get(0).operation.getErrorMessage()).isEqualTo("Operation: choose what the step does.");
        assertThat(twoColumns.columns.isInvalid()).isTrue();
        assertThat(twoColumns.columns.getErrorMessage()).isEqualTo("Columns: standardise takes exactly one column.");
        assertThat(clip.min.isInvalid()).isTrue();
        assertThat(clip.min.getErrorMessage()).startsWith("Minimum: 'abc' is not a number");
        assertThat(actors().as("acme-viewer", () -> runs.runs(s.project(), s.dataset()))).as("nothing queued").isEmpty();
        assertThat(editor.isOpened()).isTrue();

        // Unsaved edits: Cancel asks before dropping them.
        editor.cancel();
        Confirmation ask = $(Confirmation.class).single();
        assertThat(ask.header()).isEqualTo("Drop your changes?");
        test(ask.confirmButton()).click();
        assertThat(editor.isOpened()).isFalse();
    }

    @Test
    void leavingThePageWithUnsavedStepsAsksFirst() {
        Setup s = setup();
        signIn("acme-member");
        open(s);
        click("New recipe");
        roundTrip();
        RecipeEditor editor = editor();
        test(editor.addStep).click();
        assertThat(editor.hasUnsavedEdits()).isTrue();
        assertThat(editor.getElement().hasAttribute("data-unsaved")).as("the tab's beforeunload guard sees it too").isTrue();

        UI.getCurrent().navigate("data/datasets/" + s.project());

        assertThat(getCurrentView()).as("the navigation waits").isInstanceOf(RecipesView.class);
        Confirmation ask = $(Confirmation.class).all().stream().filter(c -> c.isOpened()).findFirst().orElseThrow();
        assertThat(ask.header()).isEqualTo("Leave without saving?");
        test(ask.confirmButton()).click();
        assertThat(getCurrentView()).isNotInstanceOf(RecipesView.class);
    }

    @Test
    void aStepTheFitCannotFitNamesItselfOnItsRow() throws Exception {
        Setup s = setup();
        signIn("acme-member");
        open(s);
        click("New recipe");
        RecipeEditor editor = editor();
        test(editor.name).setValue("broken");
        test(editor.addStep).click();
        test(editor.addStep).click();
        test(editor.rows().get(0).operation).selectItem("Impute missing values");
        test(editor.rows().get(0).columns).selectItem("income");
        test(editor.rows().get(1).operation).selectItem("Standardise");
        test(editor.rows().get(1).columns).selectItem("plan");

        test(editor.save).click();
        awaitRunsThenPoll(s);

        assertThat(editor.isOpened()).as("the edits stay for the user to fix").isTrue();
        StepRow refused = editor.rows().get(1);
        assertThat(refused.operation.isInvalid()).isTrue();
        assertThat(refused.operation.getErrorMessage()).isEqualTo("Step 2 (standardize plan): plan has no numbers to learn from.");
        assertThat(editor.rows().get(0).operation.isInvalid()).isFalse();
        assertThat(editor.save.isEnabled()).isTrue();
        assertThat(actors().as("acme-viewer", () -> recipes.recipes(s.project(), s.dataset()))).isEmpty();
    }

    @Test
    void editingMakesTheNextVersionWithAReasonRefitTakesTheNewerVersionAndDeleteAsksFirst() throws Exception {
        Setup s = setup();
        actors().run("acme-member", () -> recipes.create(s.project(), s.dataset(), "clean", s.version().getId(), plan(), ""));
        DatasetVersionRecord newer = upload(s.project(), s.dataset(), "id,plan,income\n1,basic,100\n2,pro,300\n3,family,\n");
        signIn("acme-member");
        open(s);

        click("Edit steps");
        RecipeEditor edit = editor();
        assertThat(edit.rows()).extracting(r -> r.operation.getValue()).containsExactly(Operation.IMPUTE, Operation.ONE_HOT, Operation.DROP);
        assertThat(edit.training.getValue().getId()).as("edited on the version it was fitted on").isEqualTo(s.version().getId());
        test(edit.rows().get(2).remove).click();
        test(edit.save).click();
        assertThat(edit.reason.isInvalid()).isTrue();
        assertThat(edit.reason.getErrorMessage()).isEqualTo("Reason is required.");
        test(edit.reason).setValue("keep the id");
        test(edit.save).click();
        awaitRunsThenPoll(s);
        assertThat(page()).contains("v2 · fitted on v1").contains("keep the id");

        click("Refit on v2");
        RecipeEditor refit = editor();
        assertThat(refit.training.getValue().getId()).isEqualTo(newer.getId());
        test(refit.reason).setValue("November's batch");
        test(refit.save).click();
        awaitRunsThenPoll(s);
        assertThat(page()).contains("v3 · fitted on v2").contains("November's batch");

        click("Delete");
        Confirmation ask = $(Confirmation.class).single();
        assertThat(ask.header()).isEqualTo("Delete recipe clean?");
        assertThat(ask.text()).contains("Its 3 versions go");
        test(ask.confirmButton()).click();
        assertThat(actors().as("acme-viewer", () -> recipes.recipes(s.project(), s.dataset()))).isEmpty();
        assertThat(page()).contains("A recipe is an ordered list");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePreviewShowsTheRowsBeforeAndAfterSideBySideAndSaysWhichColumnsChange() {
        Setup s = setup();
        actors().run("acme-member", () -> recipes.create(s.project(), s.dataset(), "clean", s.version().getId(), plan(), ""));
        signIn("acme-viewer");
        open(s);

        PreviewPanel preview = $(PreviewPanel.class).single();
        test(preview.show).click();

        assertThat(preview.summary.getText()).isEqualTo("Adds plan=basic, plan=pro, plan=other; removes id, plan; 0 of 6 rows dropped by its filters.");
        Grid<String[]> before = $(Grid.class).all().stream().filter(g -> g.hasClassName("recipe-preview-before")).findFirst().orElseThrow();
        Grid<String[]> after = $(Grid.class).all().stream().filter(g -> g.hasClassName("recipe-preview-after")).findFirst().orElseThrow();
        assertThat(test(before).size()).isEqualTo(6);
        assertThat(test(after).size()).isEqualTo(6);
        assertThat(test(before).getCellText(2, 3)).as("row 3's income before").isEmpty();
        assertThat(test(after).getCellText(2, 3)).as("and after: the mean").isEqualTo("30.0");
        assertThat(after.getColumns()).extracting(c -> test(after).getHeaderCell(after.getColumns().indexOf(c)))
                .containsExactly("plan=basic", "plan=pro", "plan=other", "income");
    }

    @Test
    void aMemberWritesATransformedVersionAndTheRunLinksToTheDerivedDataset() throws Exception {
        Setup s = setup();
        actors().run("acme-member", () -> recipes.create(s.project(), s.dataset(), "clean", s.version().getId(), plan(), ""));
        signIn("acme-member");
        open(s);

        click("Write transformed version");
        click("Write");
        awaitRunsThenPoll(s);

        assertThat(page()).contains("Apply clean · acme-member").contains("done").contains("Stored as version 1 of customers-clean");
        assertThat($(Anchor.class).all()).extracting(Anchor::getText).contains("Open the derived dataset");
    }

    @Test
    void aViewerReadsTheRecipesAndSeesNoEditButtons() {
        Setup s = setup();
        actors().run("acme-member", () -> recipes.create(s.project(), s.dataset(), "clean", s.version().getId(), plan(), ""));
        signIn("acme-viewer");
        open(s);

        assertThat(page()).contains("v1 · fitted on v1").contains("Fill missing income with 30 (the mean)");
        for (String label : List.of("New recipe", "Edit steps", "Refit on v1", "Write transformed version", "Delete")) {
            assertThat(buttons(label)).as(label).isEmpty();
        }
    }
}
