package dev.cairn.plugin.data.statistics;

import static dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.QueryParameters;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.DatasetView;
import dev.cairn.plugin.data.ProfileAwait;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.charts.DistributionChart;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistics pages without a browser: the profile page's summary, column table and sparklines,
 * its progress while the job runs (polling, then the figures), re-profiling with a label column;
 * the column page's chart data and quantiles; the dataset history's link to the statistics.
 */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:statisticspages;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=100ms",
        "cairn.data.ingest.spool-directory=target/test-spool/statisticspages"})
@ActiveProfiles("demo")
class StatisticsPagesTest extends BrowserlessTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    StoredProfiles profiles;

    private record Uploaded(ProjectRef project, DatasetVersionRecord version) {
    }

    /** A version of 5 rows: id, plan (basic twice, pro twice, one unique), monthly (one missing). */
    private Uploaded profiled() throws InterruptedException {
        String key = "SP" + KEYS.incrementAndGet();
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project.id(), "churn", null, "")).getId();
        byte[] bytes = ("id,plan,monthly\n1,basic,9.5\n2,pro,19\n3,basic,9.5\n4,pro,\n5," + UUID.randomUUID() + ",12\n")
                .getBytes(StandardCharsets.UTF_8);
        DatasetVersionRecord version = actors().as("acme-member", () -> versions.upload(project.id(), dataset,
                new NewFile("churn.csv", "text/csv", bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE))
                .version();
        ProfileAwait.ended(actors(), profiles, project.id(), version.getId());
        return new Uploaded(project, version);
    }

    private static void openProfile(Uploaded u) {
        UI.getCurrent().navigate("data/statistics/" + u.project().id(), QueryParameters.of(ProfileView.VERSION_PARAMETER, u.version().getId().toString()));
    }

    private static void openColumn(Uploaded u, String column) {
        UI.getCurrent().navigate(ColumnView.ROUTE + "/" + u.project().id(), QueryParameters.simple(Map.of(ProfileView.VERSION_PARAMETER,
                u.version().getId().toString(), ColumnView.COLUMN_PARAMETER, column)));
    }

    private String paragraphs() {
        return String.join("\n", $(Paragraph.class).all().stream().map(Paragraph::getText).toList());
    }

    private List<Button> buttons(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getText())).toList();
    }

    @Test
    void theProfilePageShowsTheSummaryAndOneRowPerColumnWithASparkline() throws Exception {
        Uploaded u = profiled();
        signIn("acme-viewer");
        openProfile(u);

        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
        assertThat(paragraphs()).contains("5 rows, 3 columns; duplicate rows: 0.");
        NativeTable table = $(NativeTable.class).all().stream().filter(t -> t.hasClassName("statistics-columns")).findFirst().orElseThrow();
        assertThat(table.getHead().getRows().getFirst().getChildren().map(c -> ((NativeTableHeaderCell) c).getText()).toList())
                .containsExactly("Column", "Type", "Count", "Missing", "Distinct", "Min", "Max", "Mean", "Std", "Top values", "Distribution");
        assertThat(table.getBody().getRows()).hasSize(3);
        var monthly = table.getBody().getRows().get(2).getChildren().map(c -> c.getElement().getText()).toList();
        assertThat(monthly.subList(1, 9)).containsExactly("decimal", "4", "1 (20.0%)", "3", "9.5", "19", "12.5", "4.491");
        assertThat($(Anchor.class).all()).anySatisfy(a -> assertThat(a.getHref()).contains(ColumnView.ROUTE).contains("column=monthly"));

        List<Sparkline> sparklines = $(Sparkline.class).all();
        assertThat(sparklines).hasSize(3);
        assertThat(Arrays.stream(sparklines.get(2).counts()).sum()).as("monthly's four numbers in the bins").isEqualTo(4);
        assertThat(sparklines.get(2).getElement().getAttribute("aria-label")).isEqualTo("Histogram of monthly in 20 equal-width bins");
        assertThat(sparklines.get(2).getAlt()).contains("Histogram of monthly in 20 equal-width bins");
        String svg = new String(java.util.Base64.getDecoder().decode(sparklines.get(2).getSrc().substring("data:image/svg+xml;base64,".length())),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<rect");
        assertThat(sparklines.get(1).counts()).as("plan: its top values' counts").startsWith(2, 2, 1);
        assertThat(buttons("Profile again")).as("a viewer does not re-profile").isEmpty();
    }

    @Test
    void whileTheJobRunsThePageShowsItsProgressAndPollsUntilTheFiguresAreThere() throws Exception {
        Uploaded u = profiled();
        setStatus(u, "RUNNING", 0.4);
        signIn("acme-viewer");
        openProfile(u);

        assertThat($(ProgressBar.class).single().getValue()).isEqualTo(0.4);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ProfileView.POLL_MILLIS);

        setStatus(u, "DONE", 1.0);
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertThat($(ProgressBar.class).all()).isEmpty();
        assertThat($(Sparkline.class).all()).hasSize(3);
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops once the job ended").isEqualTo(-1);
    }

    @Test
    void aMemberReprofilesWithALabelColumnAndSeesItsClassBalance() throws Exception {
        Uploaded u = profiled();
        signIn("acme-member");
        openProfile(u);

        @SuppressWarnings("unchecked")
        ComboBox<String> label = $(ComboBox.class).single();
        test(label).selectItem("plan");
        test(buttons("Profile again").getFirst()).click();
        ProfileAwait.ended(actors(), profiles, u.project().id(), u.version().getId());
        openProfile(u);

        assertThat(paragraphs()).contains("Class balance of plan: 'basic' 2 (40.0%), 'pro' 2 (40.0%)");
    }

    @Test
    void theColumnPageChartsAHistogramForNumbersAndTheTopValuesForCategories() throws Exception {
        Uploaded u = profiled();
        signIn("acme-viewer");
        openColumn(u, "monthly");

        assertThat(getCurrentView()).isInstanceOf(ColumnView.class);
        DistributionChart.Distribution histogram = $(DistributionChart.class).single().distribution();
        assertThat(histogram.series()).singleElement().satisfies(s -> assertThat(s.values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(4.0));
        assertThat(histogram.labels().getFirst()).startsWith("9.5 – ");
        NativeTable quantiles = $(NativeTable.class).all().stream().filter(t -> t.hasClassName("statistics-quantiles")).findFirst().orElseThrow();
        assertThat(quantiles.getHead().getRows().getFirst().getElement().getTextRecursively()).contains("Value (exact)");
        assertThat(paragraphs()).contains("Shortest 2, mean");

        openColumn(u, "plan");
        DistributionChart.Distribution top = $(DistributionChart.class).single().distribution();
        assertThat(top.labels()).startsWith("basic", "pro");
        assertThat(top.series().getFirst().values()).startsWith(2.0, 2.0, 1.0);
    }

    @Test
    void theDatasetHistoryLinksEachVersionToItsStatistics() throws Exception {
        Uploaded u = profiled();
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/dataset/" + u.project().id(), QueryParameters.of("dataset", u.version().getDatasetId().toString()));

        assertThat(getCurrentView()).isInstanceOf(DatasetView.class);
        @SuppressWarnings("rawtypes")
        Grid grid = $(Grid.class).single();
        int column = ((List<?>) grid.getColumns()).indexOf(grid.getColumns().stream()
                .filter(c -> "Statistics".equals(((Grid.Column<?>) c).getHeaderText())).findFirst().orElseThrow());
        var badge = (ProfileStatusBadge) test(grid).getCellComponent(0, column);
        assertThat(badge.getChildren().map(c -> ((Anchor) c).getHref()).toList()).containsExactly(ProfileView.url(u.project().id(), u.version().getId()));
    }

    @Test
    void theHistoryShowsTheProgressOfARunningJobAndPollsUntilItEnded() throws Exception {
        Uploaded u = profiled();
        setStatus(u, "RUNNING", 0.6);
        signIn("acme-viewer");
        UI.getCurrent().navigate("data/dataset/" + u.project().id(), QueryParameters.of("dataset", u.version().getDatasetId().toString()));
        @SuppressWarnings("rawtypes")
        Grid grid = $(Grid.class).single();
        int column = ((List<?>) grid.getColumns()).indexOf(grid.getColumns().stream()
                .filter(c -> "Statistics".equals(((Grid.Column<?>) c).getHeaderText())).findFirst().orElseThrow());
        var badge = (ProfileStatusBadge) test(grid).getCellComponent(0, column);
        UI.getCurrent().add(badge); // attached, as the grid's renderer attaches it in a browser
        assertThat(badge.pending()).isTrue();
        assertThat(badge.getChildren().filter(ProgressBar.class::isInstance).map(b -> ((ProgressBar) b).getValue()).toList()).containsExactly(0.6);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ProfileView.POLL_MILLIS);

        setStatus(u, "DONE", 1.0);
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertThat(badge.pending()).isFalse();
        assertThat(badge.getChildren().map(c -> ((Anchor) c).getText()).toList()).containsExactly("Statistics");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void anotherTenantsVersionAndAnUnknownColumnAreNotFound() throws Exception {
        Uploaded acme = profiled();
        String key = "SPG" + KEYS.incrementAndGet();
        ProjectRef globex = actors().as("globex-pm", () -> projects.create("Globex " + key, key, null));
        signIn("globex-pm");
        openProfile(new Uploaded(globex, acme.version()));
        assertThat(getCurrentView()).isNotInstanceOf(ProfileView.class);
        openColumn(new Uploaded(globex, acme.version()), "monthly");
        assertThat(getCurrentView()).isNotInstanceOf(ColumnView.class);

        signIn("acme-viewer");
        UI.getCurrent().navigate("data/statistics/" + acme.project().id());
        assertThat(getCurrentView()).as("without a version the page points at the list").isInstanceOf(ProfileView.class);
        assertThat($(Anchor.class).all()).anyMatch(a -> a.getHref().equals("data/datasets/" + acme.project().id()));
        openColumn(acme, "no such column");
        assertThat(getCurrentView()).isNotInstanceOf(ColumnView.class);
        openColumn(acme, "monthly");
        assertThat(getCurrentView()).as("the oracle: Acme's viewer sees it").isInstanceOf(ColumnView.class);
    }

    private void setStatus(Uploaded u, String status, double progress) {
        TenantScope.callAsPlatform(() -> dsl.update(VERSION_PROFILE).set(VERSION_PROFILE.STATUS, status).set(VERSION_PROFILE.PROGRESS, progress)
                .where(VERSION_PROFILE.VERSION_ID.eq(u.version().getId())).execute());
    }
}
