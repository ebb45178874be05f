package dev.cairn.plugin.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.CairnApplication;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.demo.SyntheticData;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile as the README's run command starts it: each demo project's dataset has its two synthetic versions. */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:demodataset;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h", "cairn.data.demo.versions=true", "cairn.data.demo.rows=500",
        "cairn.data.ingest.spool-directory=target/test-spool/demodataset"})
@ActiveProfiles("demo")
class DemoDatasetIT {

    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    DatasetRecipes recipes;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void eachDemoProjectsDatasetHasTwoSyntheticVersionsTheSecondWithANewCategory() {
        Actors actors = new Actors(dsl);
        var churn = world.projectOf("acme");
        List<DatasetRecord> listed = actors.as("acme-viewer", () -> datasets.list(churn.id()));
        assertThat(listed).extracting(DatasetRecord::getName).containsExactly("subscribers");
        assertThat(listed.getFirst().getDescription()).contains(SyntheticData.LABEL);

        List<DatasetVersionRecord> history = actors.as("acme-viewer", () -> versions.history(churn.id(), listed.getFirst().getId()));
        assertThat(history).extracting(DatasetVersionRecord::getVersion).containsExactly(2, 1);
        assertThat(history).allSatisfy(v -> {
            assertThat(v.getRowCount()).isEqualTo(500);
            assertThat(v.getColumnCount()).isEqualTo(12);
            assertThat(v.getNotes()).startsWith(SyntheticData.LABEL);
            assertThat(v.getLicence()).startsWith("Synthetic");
            assertThat(v.getCreatedBy()).isEqualTo("acme-pm");
        });
        assertThat(history.getFirst().getNotes()).contains("a category appeared");

        // Its recipe, fitted on the first version: the plan's categories one-hot encoded, the identifiers dropped.
        var recipe = actors.as("acme-viewer", () -> recipes.recipes(churn.id(), listed.getFirst().getId()));
        assertThat(recipe).extracting(r -> r.getName()).containsExactly("prepare");
        var fitted = actors.as("acme-viewer", () -> recipes.versions(churn.id(), recipe.getFirst().getId())).getFirst();
        assertThat(fitted.row().getFittedOn()).isEqualTo(history.getLast().getId());
        assertThat(fitted.outputColumns()).contains("plan=basic", "plan=plus", "plan=pro", "plan=other", "region=north", "churned")
                .doesNotContain("plan", "subscriber_id", "signup_date");

        var forecast = world.projectOf("globex");
        List<DatasetRecord> demand = actors.as("globex-viewer", () -> datasets.list(forecast.id()));
        assertThat(demand).extracting(DatasetRecord::getName).containsExactly("weekly-demand");
        assertThat(actors.as("globex-viewer", () -> recipes.recipes(forecast.id(), demand.getFirst().getId()))).extracting(r -> r.getName())
                .containsExactly("prepare");
    }
}
