package dev.cairn.app.stages;

import dev.cairn.app.testing.AppTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.lineage.LineageQueries.Dependent;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.ui.Confirmation;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.modeling.BaselineService;
import dev.cairn.plugin.modeling.BaselineService.BaselineInput;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A dataset that lineage shows something was made from is not deleted, and the user is told what depends on it. */
@AppTest
class DatasetDependentsTest extends dev.cairn.app.support.BrowserlessTest {

    private static final String DATASET = "data.dataset";

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    BaselineService baselines;
    @Autowired
    LineageQueries lineage;

    /** A project with dataset "cards" and a baseline "rule of thumb" measured on it. */
    private ProjectRef projectWithMeasuredDataset(String key) {
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        actors().run("acme-pm", () -> {
            datasets.register(project.id(), "cards", "s3://fraud/cards.csv", "");
            UUID artifact = lineage.artifacts(project.id(), DATASET).getFirst().id();
            baselines.record(project.id(), new BaselineInput("rule of thumb", "recall", 0.4, "flag new accounts", artifact));
        });
        return project;
    }

    @Test
    void aDatasetABaselineWasMeasuredOnIsNotDeletedAndTheRefusalNamesTheBaseline() {
        ProjectRef project = projectWithMeasuredDataset("DDSV");
        UUID dataset = actors().as("acme-pm", () -> datasets.list(project.id())).getFirst().getId();

        Throwable refused = catchThrowable(() -> actors().run("acme-pm", () -> datasets.delete(project.id(), dataset)));

        assertThat(refused).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cards cannot be deleted")
                .hasMessageContaining("Baseline 'rule of thumb'");
        assertThat(actors().as("acme-pm", () -> datasets.list(project.id()))).as("nothing deleted").hasSize(1);
    }

    @Test
    void downstreamListsWhatWasMadeFromANodeNearestFirst() {
        ProjectRef project = projectWithMeasuredDataset("DDDS");
        List<Dependent> downstream = actors().as("acme-pm", () -> lineage.downstream(project.id(),
                lineage.artifacts(project.id(), DATASET).getFirst().id()));

        assertThat(downstream).extracting(Dependent::distance).containsExactly(1, 2);
        assertThat(downstream.getFirst().execution()).isTrue();
        assertThat(downstream.get(1).describe()).isEqualTo("Baseline 'rule of thumb'");
    }

    @Test
    void anotherTenantsNodeHasNoDownstreamAndAnotherProjectsNodeNeither() {
        ProjectRef project = projectWithMeasuredDataset("DDXT");
        UUID artifact = actors().as("acme-pm", () -> lineage.artifacts(project.id(), DATASET).getFirst().id());
        ProjectRef other = actors().as("acme-pm", () -> projects.create("Project DDXO", "DDXO", null));
        ProjectRef globex = actors().as("globex-pm", () -> projects.create("Project DDXG", "DDXG", null));

        assertThat(actors().as("acme-pm", () -> lineage.hasDownstream(project.id(), artifact))).as("the oracle: it has some").isTrue();
        assertThat(actors().as("acme-pm", () -> lineage.downstream(other.id(), artifact))).as("asked through another project").isEmpty();
        assertThat(actors().as("globex-pm", () -> lineage.downstream(globex.id(), artifact))).as("asked from another tenant").isEmpty();
    }

    @Test
    void theDeleteDialogSaysWhatDependsOnTheDatasetAndOffersOnlyClose() {
        ProjectRef project = projectWithMeasuredDataset("DDVW");
        actors().signIn("acme-pm");
        UI.getCurrent().navigate("data/datasets/" + project.id());

        rowButtons("Delete").getFirst().click();

        Confirmation dialog = $(Confirmation.class).single();
        assertThat(dialog.header()).isEqualTo("Dataset cards cannot be deleted");
        assertThat(dialog.text()).contains("Baseline 'rule of thumb'");
        assertThat(dialog.confirmButton().isVisible()).as("no delete to click").isFalse();
        assertThat($(Notification.class).all()).as("no pop-up outlives the dialog").isEmpty();
        assertThat(actors().as("acme-pm", () -> datasets.list(project.id()))).hasSize(1);
    }

    @Test
    void aDatasetNothingWasMadeFromIsStillDeletedAfterConfirmation() {
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project DDFR", "DDFR", null));
        actors().run("acme-pm", () -> datasets.register(project.id(), "free", "s3://fraud/free.csv", ""));
        actors().signIn("acme-pm");
        UI.getCurrent().navigate("data/datasets/" + project.id());

        rowButtons("Delete").getFirst().click();
        test($(Confirmation.class).single().confirmButton()).click();

        assertThat(actors().as("acme-pm", () -> datasets.list(project.id()))).isEmpty();
    }

}
