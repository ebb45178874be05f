package dev.cairn.plugin.data.labels;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.BrowserlessTest;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A version's label agreement page without a browser: the figures, the confusion, the disagreeing rows, the CSV, refusals on the field. */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:labelpages;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h", "cairn.data.ingest.spool-directory=target/test-spool/labelpages"})
@ActiveProfiles("demo")
class LabelAgreementPageTest extends BrowserlessTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;

    private record Stored(ProjectRef project, UUID version) {
    }

    /** Three reviews labelled by ann and bob: they disagree on the second (whose text is a formula). */
    private Stored upload() {
        String key = "LAP" + KEYS.incrementAndGet();
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project.id(), "reviews", null, "")).getId();
        byte[] bytes = ("id,ann,bob\n" + key + ",pos,pos\n=2+2,pos,neg\nr3,neg,neg\nr4,neg,\n").getBytes(StandardCharsets.UTF_8);
        UUID version = actors().as("acme-member", () -> versions.upload(project.id(), dataset, new NewFile("reviews.csv", "text/csv",
                bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE)).version().getId();
        return new Stored(project, version);
    }

    private static void open(ProjectRef project, String version) {
        UI.getCurrent().navigate("data/labels/" + project.id(), QueryParameters.of(LabelAgreementView.VERSION_PARAMETER, version));
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<String> labelColumns() {
        return $(CheckboxGroup.class).single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> keyColumn() {
        return $(ComboBox.class).single();
    }

    private void compute() {
        test($(Button.class).all().stream().filter(b -> b.getText().equals("Compute agreement")).findFirst().orElseThrow()).click();
    }

    @Test
    void aViewerSeesKappaTheConfusionAndTheDisagreeingRowsAndDownloadsThemAsSafeCsv() throws Exception {
        Stored stored = upload();
        signIn("acme-viewer");
        open(stored.project(), stored.version().toString());

        labelColumns().select("ann", "bob");
        keyColumn().setValue("id");
        compute();

        // Over the 3 complete rows: p_o = 2/3, p_e = 2/3 * 1/3 + 1/3 * 2/3 = 4/9, kappa = (2/3 - 4/9) / (5/9) = 0.4.
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(
                "Cohen's kappa: 0.400 (fair) · every labeller agrees on 66.7% of 3 rows · 1 row disagrees",
                "1 of 4 rows lack a label from at least one labeller: they are left out of kappa and the agreement"
                        + " (each pair of labellers is compared over the rows both labelled).");
        Grid<String> confusion = $(Grid.class).all().stream().filter(g -> g.hasClassName("label-confusion")).findFirst().orElseThrow();
        assertThat(test(confusion).size()).isEqualTo(2);
        assertThat(test(confusion).getCellText(0, 1)).as("neg by both").isEqualTo("1");
        assertThat(test(confusion).getCellText(1, 1)).as("pos by ann, neg by bob").isEqualTo("1");
        Grid<Disagreement> rows = $(Grid.class).all().stream().filter(g -> g.hasClassName("label-disagreements")).findFirst().orElseThrow();
        assertThat(test(rows).size()).isEqualTo(1);
        assertThat(test(rows).getCellText(0, 1)).isEqualTo("=2+2");

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        test($(Anchor.class).id("export-disagreements-csv")).download(file);
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo("row,id,ann,bob\r\n2,'=2+2,pos,neg\r\n");
    }

    @Test
    void oneLabelColumnIsRefusedOnTheFieldAndNothingIsComputed() {
        Stored stored = upload();
        signIn("acme-viewer");
        open(stored.project(), stored.version().toString());

        labelColumns().select("ann");
        compute();

        assertThat(labelColumns().isInvalid()).isTrue();
        assertThat(labelColumns().getErrorMessage()).isEqualTo("Label columns: choose at least two (one per labeller), not 1.");
        assertThat($(Grid.class).all()).isEmpty();
    }

    @Test
    void anotherTenantsVersionAndAMalformedIdAreNotFound() {
        Stored acme = upload();
        String key = "LAPG" + KEYS.incrementAndGet();
        ProjectRef globex = actors().as("globex-pm", () -> projects.create("Globex " + key, key, null));
        signIn("globex-pm");

        open(globex, acme.version().toString());
        assertThat(getCurrentView()).isNotInstanceOf(LabelAgreementView.class);
        open(globex, "not-an-id");
        assertThat(getCurrentView()).isNotInstanceOf(LabelAgreementView.class);
        UI.getCurrent().navigate("data/labels/" + globex.id());
        assertThat(getCurrentView()).as("without a version the page points at the datasets").isInstanceOf(LabelAgreementView.class);
        assertThat($(Anchor.class).all()).anyMatch(a -> a.getText().equals("Choose one in a dataset's version history"));
    }

    private Button button(String startingWith) {
        return $(Button.class).all().stream().filter(b -> b.getText().startsWith(startingWith)).findFirst().orElseThrow();
    }

    @Test
    void aMemberKeepsTheAgreementAsAHumanLevelFigureSeesItListedAndDeletesItAfterAsking() {
        Stored stored = upload();
        signIn("acme-member");
        open(stored.project(), stored.version().toString());
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).anyMatch(t -> t.startsWith("None yet. Compute the agreement"));

        labelColumns().select("ann", "bob");
        compute();
        test(button("Keep as human-level figure (accuracy 66.7%)")).click();

        Grid<?> kept = $(Grid.class).all().stream().filter(g -> g.getParent().map(p -> p.hasClassName("human-level-figures")).orElse(false))
                .findFirst().orElseThrow();
        assertThat(test(kept).size()).isEqualTo(1);
        assertThat(test(kept).getCellText(0, 0)).isEqualTo("66.7%");
        assertThat(test(kept).getCellText(0, 2)).isEqualTo("ann, bob");

        test((Button) test(kept).getCellComponent(0, 5)).click();
        Confirmation ask = $(Confirmation.class).single();
        test(ask.confirmButton()).click();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).anyMatch(t -> t.startsWith("None yet. Compute the agreement"));
    }

    @Test
    void aViewerComputesTheAgreementButIsNotOfferedToKeepIt() {
        Stored stored = upload();
        signIn("acme-viewer");
        open(stored.project(), stored.version().toString());

        labelColumns().select("ann", "bob");
        compute();

        assertThat($(Button.class).all()).extracting(Button::getText).noneMatch(t -> t.startsWith("Keep as human-level figure"));
    }
}
