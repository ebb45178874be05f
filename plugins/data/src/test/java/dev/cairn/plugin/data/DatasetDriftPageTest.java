package dev.cairn.plugin.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.plugin.data.charts.DistributionChart;
import dev.cairn.plugin.data.driftpage.DatasetDriftView;
import dev.cairn.plugin.data.driftpage.DriftSettingsStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The drift page without a browser: the empty state, the table, the overlaid charts, the settings form. */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:driftpage;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=100ms",
        "cairn.data.ingest.spool-directory=target/test-spool/driftpage"})
@ActiveProfiles("demo")
class DatasetDriftPageTest extends BrowserlessTest {

    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles profiles;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    DriftSettingsStore settings;

    private World dataset() {
        return World.withDataset(actors(), projects, datasets, "DDP", "subscribers", "");
    }

    private void open(World world) {
        UI.getCurrent().navigate("data/drift/" + world.project().id(),
                QueryParameters.of(DatasetDriftView.DATASET_PARAMETER, world.dataset().toString()));
    }

    @SuppressWarnings("unchecked")
    private List<FeatureDrift> rows() {
        Grid<FeatureDrift> grid = $(Grid.class).all().stream().filter(g -> g.hasClassName("drift-features")).findFirst().orElseThrow();
        return grid.getGenericDataView().getItems().toList();
    }

    private String verdict() {
        return $(Paragraph.class).all().stream().filter(p -> p.hasClassName("drift-verdict")).findFirst().orElseThrow().getText();
    }

    private <T extends com.vaadin.flow.component.Component> T labelled(Class<T> type, String label) {
        return $(type).all().stream().filter(c -> label.equals(c.getElement().getProperty("label"))).findFirst().orElseThrow();
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    @Test
    void withOneVersionThePageSaysToUploadASecond() {
        World world = dataset();
        DatasetDriftIT.upload(actors(), versions, profiles, world, DatasetDriftIT.csv(0, false));
        signIn("acme-viewer");
        open(world);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Upload a second version to compare.");
        assertThat($(Grid.class).all()).isEmpty();
    }

    @Test
    void withoutADatasetThePagePointsAtTheList() {
        World world = dataset();
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/drift/" + world.project().id());
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("No dataset chosen.");
        assertThat($(Anchor.class).all()).extracting(Anchor::getText).contains("Choose one on the Datasets page");
    }

    @Test
    void theDatasetPageLinksHere() {
        World world = dataset();
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/dataset/" + world.project().id(), QueryParameters.of(DatasetView.DATASET_PARAMETER,
                world.dataset().toString()));
        assertThat($(Anchor.class).all()).filteredOn(a -> a.getText().equals("Drift between versions")).singleElement()
                .satisfies(a -> assertThat(a.getHref()).isEqualTo(DatasetDriftView.url(world.project(), world.dataset())));
    }

    @Test
    void aViewerSeesEachFeaturesVerdictTheDatasetsAndTwoSeriesPerChart() {
        World world = dataset();
        DatasetDriftIT.upload(actors(), versions, profiles, world, DatasetDriftIT.csv(0, false));
        DatasetDriftIT.upload(actors(), versions, profiles, world, DatasetDriftIT.csv(5, true));
        signIn("acme-viewer");
        open(world);

        assertThat(labelled(com.vaadin.flow.component.select.Select.class, "Reference version").getValue()).isEqualTo(1);
        assertThat(labelled(com.vaadin.flow.component.select.Select.class, "Current version").getValue()).isEqualTo(2);
        assertThat(rows()).extracting(FeatureDrift::feature).containsExactly("amount", "plan", "region");
        assertThat(rows()).extracting(FeatureDrift::drifted).containsExactly(true, false, false);
        assertThat(rows().get(0).verdict().method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(rows().get(2).notCompared()).isEqualTo("not in the reference");
        assertThat(verdict()).isEqualTo("Dataset drift detected: 1 of 2 compared features drifted (share 0.50; the dataset"
                + " drifts from 0.50).");
        List<DistributionChart> charts = $(DistributionChart.class).all();
        assertThat(charts).hasSize(2);
        for (DistributionChart chart : charts) {
            assertThat(chart.distribution().series()).extracting(DistributionChart.Series::name)
                    .containsExactly("v1 (reference)", "v2 (current)");
            assertThat(chart.distribution().shares()).isTrue();
        }
        DistributionChart plan = charts.get(1);
        assertThat(plan.distribution().labels()).containsExactly("a", "b", "c");
        assertThat(plan.distribution().series().getFirst().values().getFirst()).isCloseTo(101 / 201.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(buttons("Save drift settings")).as("a viewer reads the settings only").isEmpty();
        assertThat(buttons("Record this report")).isEmpty();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Every feature uses Evidently's default method and threshold.");
    }

    @Test
    void aMemberSetsAMethodAndThresholdAndAThresholdWithoutMethodIsRefusedOnTheField() {
        World world = dataset();
        DatasetDriftIT.upload(actors(), versions, profiles, world, DatasetDriftIT.csv(0, false));
        DatasetDriftIT.upload(actors(), versions, profiles, world, DatasetDriftIT.csv(5, true));
        signIn("acme-member");
        open(world);

        test(labelled(TextField.class, "Threshold for amount")).setValue("0.2");
        test(buttons("Save drift settings").getFirst()).click();
        TextField threshold = labelled(TextField.class, "Threshold for amount");
        assertThat(threshold.isInvalid()).isTrue();
        assertThat(threshold.getErrorMessage()).startsWith("Pick a method to set a threshold");
        assertThat(settings.read(world.project().id(), world.dataset()).features()).as("nothing saved").isEmpty();

        test(labelled(ComboBox.class, "Method for amount")).selectItem(DriftMethod.WASSERSTEIN_NORMED.label());
        test(labelled(TextField.class, "Threshold for amount")).setValue("5");
        test(buttons("Save drift settings").getFirst()).click();

        assertThat(rows().get(0).verdict().method()).isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
        assertThat(rows().get(0).verdict().threshold()).isEqualTo(5.0);
        assertThat(rows().get(0).drifted()).isFalse();
        assertThat(verdict()).startsWith("Dataset drift not detected: 0 of 2");

        test(buttons("Record this report").getFirst()).click();
        assertThat($(Paragraph.class).all()).filteredOn(p -> p.hasClassName("drift-recorded")).singleElement()
                .satisfies(p -> assertThat(p.getText()).contains("subscribers drift v1 → v2").contains("lineage"));
    }
}
