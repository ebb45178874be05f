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

/**
 * The demo profile as the README's run command starts it: each demo project's dataset has its two synthetic versions,
 * a schema inferred from the first once the profiling jobs stored their statistics, the first as training version and
 * both validated (the second shows its new category).
 */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:demodataset;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=100ms", "cairn.data.demo.versions=true", "cairn.data.demo.rows=500",
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

    @Autowired
    dev.cairn.plugin.data.validation.VersionValidations validations;
    @Autowired
    dev.cairn.plugin.data.validation.TrainingVersions training;
    @Autowired
    dev.cairn.plugin.data.validation.DataGate gate;
    @Autowired
    dev.cairn.plugin.data.schema.DatasetSchemas schemas;

    @Test
    void eachDemoDatasetIsValidatedAgainstASchemaInferredFromItsFirstVersionWhichIsTheTrainingVersion() throws InterruptedException {
        Actors actors = new Actors(dsl);
        for (String slug : List.of("acme", "globex")) {
            var project = world.projectOf(slug);
            var dataset = actors.as(slug + "-viewer", () -> datasets.list(project.id())).getFirst();
            var history = actors.as(slug + "-viewer", () -> versions.history(project.id(), dataset.getId()));
            var first = history.getLast();
            var second = history.getFirst();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
            while (actors.as(slug + "-viewer", () -> validations.newestPerVersion(project.id(), dataset.getId())).size() < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            var runs = actors.as(slug + "-viewer", () -> validations.newestPerVersion(project.id(), dataset.getId()));
            assertThat(runs).as(slug + ": both versions validated").containsOnlyKeys(first.getId(), second.getId());

            var schema = actors.as(slug + "-viewer", () -> schemas.history(project.id(), dataset.getId()));
            assertThat(schema).singleElement().satisfies(v -> {
                assertThat(v.inferredFrom()).isEqualTo(1);
                assertThat(v.author()).isEqualTo(slug + "-pm");
            });
            assertThat(actors.as(slug + "-viewer", () -> training.of(project.id(), dataset.getId()))).get()
                    .extracting(DatasetVersionRecord::getId).isEqualTo(first.getId());
            assertThat(runs.get(first.getId()).errors()).as(slug + ": the first version fits the schema inferred from it").isZero();
            assertThat(runs.get(second.getId()).anomalies()).as(slug + ": the second shows its new category")
                    .anyMatch(a -> a.type() == dev.cairn.plugin.data.validation.AnomalyType.UNEXPECTED_CATEGORY);
            assertThat(runs.values()).allSatisfy(r -> assertThat(r.environment()).isEqualTo("TRAINING"));
        }

        // The seeder acts as the project manager alone, so a second manager approves; then the gate passes.
        var churn = world.projectOf("acme");
        var subscribers = actors.as("acme-viewer", () -> datasets.list(churn.id())).getFirst();
        assertThat(actors.as("acme-viewer", () -> gate.check(churn)).explanation())
                .isEqualTo("subscribers: training version 1 was validated against a draft schema (v1): approve it, or validate against the approved one.");
        actors.as("acme-admin", () -> schemas.approve(churn.id(), subscribers.getId(), 1));
        var first = actors.as("acme-viewer", () -> versions.history(churn.id(), subscribers.getId())).getLast();
        actors.as("acme-member", () -> validations.validate(churn.id(), first.getId(), 1, "TRAINING"));
        assertThat(actors.as("acme-viewer", () -> gate.check(churn)).passed()).isTrue();
    }
}
