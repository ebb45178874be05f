package dev.cairn.plugin.data.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.ui.StatusLine;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.plugin.data.DataIntegrationTest;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.PageChoice;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.charts.DistributionChart;
import dev.cairn.plugin.data.db.tables.records.RecipeRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.recipe.StepPlan;
import dev.cairn.plugin.data.selection.FeatureRanking.FeatureScore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The feature selection page without a browser: empty states, ranking with its progress, the table and chart, saving into recipes, a viewer's view. */
@DataIntegrationTest
class FeatureSelectionPageTest extends BrowserlessTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    FeatureRankings rankings;
    @Autowired
    DatasetRecipes recipes;

    private record Stored(UUID project, UUID dataset, UUID version) {
    }

    private Stored upload() {
        String key = "FSP" + KEYS.incrementAndGet();
        UUID project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null)).id();
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project, "customers", null, "")).getId();
        byte[] bytes = FeatureRankingsIT.customers().getBytes(StandardCharsets.UTF_8);
        UUID version = actors().as("acme-member", () -> versions.upload(project, dataset, NewFile.named("customers.csv"),
                new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE)).version().getId();
        return new Stored(project, dataset, version);
    }

    private void awaitRanked(Stored stored) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var state = actors().as("acme-viewer", () -> rankings.state(stored.project(), stored.version(), "churn"));
            if (state.isPresent() && !state.get().status().pending()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not ranked in time");
    }

    private void rank(Stored stored) throws InterruptedException {
        actors().run("acme-member", () -> rankings.rank(stored.project(), stored.version(), "churn"));
        awaitRanked(stored);
    }

    private static void open(Stored stored, String label) {
        Map<String, String> parameters = label == null ? Map.of(PageChoice.VERSION, stored.version().toString())
                : Map.of(PageChoice.VERSION, stored.version().toString(), FeatureSelectionView.LABEL_PARAMETER, label);
        UI.getCurrent().navigate("data/feature-selection/" + stored.project(), QueryParameters.simple(parameters));
    }

    private List<Button> buttons(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).toList();
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String label) {
        return $(ComboBox.class).all().stream().filter(c -> label.equals(c.getLabel())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Grid<FeatureScore> grid() {
        return $(Grid.class).single();
    }

    private String text() {
        return String.join("\n", $(Paragraph.class).all().stream().map(Paragraph::getText).toList());
    }

    @Test
    void aMemberChoosesTheLabelRanksSeesTheProgressThenTheScoresAndSavesTheTopFeaturesIntoANewRecipe() throws Exception {
        Stored stored = upload();
        signIn("acme-member");
        open(stored, null);
        assertThat(text()).contains("No label chosen: the dataset's schema marks none.");

        test(this.<String>combo("Label")).selectItem("churn");
        assertThat(text()).contains("The features of v1 were not ranked against churn yet.");
        test(buttons("Rank features").getFirst()).click();
        // The job polls every 100 ms: by the time the page is shown again it may be queued, running or done already.
        assertThat($(ProgressBar.class).all().size() + $(Grid.class).all().size())
                .as("the page shows the ranking's progress, or its result when the job ended first").isEqualTo(1);

        awaitRanked(stored);
        open(stored, "churn");
        assertThat(text()).contains("on all 40 rows").contains("churn is two classes");
        Grid<FeatureScore> grid = grid();
        assertThat(grid.getColumns()).extracting(Grid.Column::getKey).contains("feature", "mi", "correlation", "mim", "cmim", "jmi", "mrmr");
        assertThat(grid.getColumns()).filteredOn(c -> c.getKey() != null).allMatch(Grid.Column::isSortable);
        assertThat(test(grid).size()).isEqualTo(4);
        DistributionChart chart = $(DistributionChart.class).single();
        assertThat(chart.distribution().labels()).hasSize(4);
        assertThat(chart.distribution().series().getFirst().name()).isEqualTo("mRMR");

        $(IntegerField.class).single().setValue(2);
        FeatureRanking ranking = actors().as("acme-viewer", () -> rankings.state(stored.project(), stored.version(), "churn"))
                .orElseThrow().ranking().orElseThrow();
        List<String> top = RankingMethod.MRMR.top(ranking, 2);
        assertThat(grid.getSelectedItems()).extracting(FeatureScore::name).containsExactlyInAnyOrderElementsOf(top);
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Keep the 2 of 4 features chosen by mRMR against churn");

        this.<RankingMethod>combo("Order by").setValue(RankingMethod.MUTUAL_INFORMATION);
        assertThat(chart.distribution().series().getFirst().name()).isEqualTo("Mutual information");
        assertThat(chart.distribution().labels().subList(0, 2)).containsExactlyInAnyOrder("tenure", "months");
        assertThat(grid.getSelectedItems()).extracting(FeatureScore::name).containsExactlyInAnyOrder("tenure", "months");
        test(buttons("Save into recipe").getFirst()).click();

        List<RecipeRecord> saved = actors().as("acme-viewer", () -> recipes.recipes(stored.project(), stored.dataset()));
        assertThat(saved).extracting(RecipeRecord::getName).containsExactly("selected features");
        var version = actors().as("acme-viewer", () -> recipes.versions(stored.project(), saved.getFirst().getId())).getFirst();
        assertThat(version.plan()).singleElement().satisfies(step -> assertThat(step.inputs()).containsExactlyInAnyOrder("plan", "noise"));
        assertThat(version.row().getReason()).isEqualTo("Keep the 2 of 4 features chosen by Mutual information against churn");
    }

    @Test
    void keepingEveryFeatureIsRefusedBesideTheButtonAndAnEmptyReasonOnItsField() throws Exception {
        Stored stored = upload();
        rank(stored);
        signIn("acme-member");
        open(stored, "churn");
        $(IntegerField.class).single().setValue(4);
        test(buttons("Save into recipe").getFirst()).click();
        assertThat($(StatusLine.class).all()).anyMatch(s -> s.getElement().getText()
                .contains("Features: every feature is kept, so the recipe would drop nothing"));

        $(IntegerField.class).single().setValue(1);
        $(TextArea.class).single().setValue("");
        test(buttons("Save into recipe").getFirst()).click();
        assertThat($(TextArea.class).single().isInvalid()).isTrue();
        assertThat($(TextArea.class).single().getErrorMessage()).startsWith("Reason: say why");
        assertThat(actors().as("acme-viewer", () -> recipes.recipes(stored.project(), stored.dataset()))).isEmpty();
    }

    @Test
    void aSelectionIsSavedAsTheNextVersionOfAnExistingRecipe() throws Exception {
        Stored stored = upload();
        rank(stored);
        var existing = actors().as("acme-member", () -> recipes.create(stored.project(), stored.dataset(), "clean", stored.version(),
                List.of(new StepPlan(Operation.STANDARDIZE, List.of("tenure"), Map.of())), "first"));
        signIn("acme-member");
        open(stored, "churn");
        $(IntegerField.class).single().setValue(1);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> into = $(RadioButtonGroup.class).single();
        into.setValue(SaveSelectionForm.NEXT_VERSION);
        ComboBox<RecipeRecord> recipe = combo("Recipe");
        assertThat(recipe.isVisible()).isTrue();
        recipe.setValue(actors().as("acme-viewer", () -> recipes.recipes(stored.project(), stored.dataset())).getFirst());
        test(buttons("Save into recipe").getFirst()).click();

        var versionsOfClean = actors().as("acme-viewer", () -> recipes.versions(stored.project(), existing.row().getRecipeId()));
        assertThat(versionsOfClean).hasSize(2);
        assertThat(versionsOfClean.getFirst().plan()).extracting(s -> s.operation()).containsExactly("standardize", "drop");
        assertThat(versionsOfClean.getFirst().plan().getLast().inputs()).hasSize(3);
    }

    @Test
    void aViewerReadsTheRankingButHasNoRankButtonAndNoSaveForm() throws Exception {
        Stored stored = upload();
        signIn("acme-viewer");
        open(stored, "churn");
        assertThat(text()).contains("A member of the project can rank them.");
        assertThat(buttons("Rank features")).isEmpty();

        rank(stored);
        open(stored, "churn");
        assertThat(test(grid()).size()).isEqualTo(4);
        assertThat(buttons("Save into recipe")).isEmpty();
        assertThat(buttons("Rank features")).isEmpty();
    }

    @Test
    void theDatasetsHistoryLinksEachLiveVersionToItsFeatureSelection() {
        Stored stored = upload();
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/dataset/" + stored.project(), QueryParameters.of("dataset", stored.dataset().toString()));
        @SuppressWarnings("rawtypes")
        Grid history = $(Grid.class).single();
        int column = ((List<?>) history.getColumns()).indexOf(history.getColumns().stream()
                .filter(c -> "Features".equals(((Grid.Column<?>) c).getHeaderText())).findFirst().orElseThrow());
        var link = (com.vaadin.flow.component.html.Anchor) test(history).getCellComponent(0, column);
        assertThat(link.getText()).isEqualTo("Feature selection");
        assertThat(link.getHref()).isEqualTo(FeatureSelectionView.url(stored.project(), stored.version()));
    }

    @Test
    void withoutAVersionThePagePointsAtTheDatasets() {
        Stored stored = upload();
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/feature-selection/" + stored.project());
        assertThat(text()).contains("No dataset version chosen.");
    }
}
