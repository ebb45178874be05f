package dev.cairn.plugin.data.recipepage;

import static dev.cairn.plugin.data.db.Tables.RECIPE;
import static dev.cairn.plugin.data.db.Tables.RECIPE_RUN;
import static dev.cairn.plugin.data.db.Tables.RECIPE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.jobs.JobCancelledException;
import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DataIntegrationTest;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recipe fits and applications as background jobs, on H2 and PostgreSQL: a fit's version and lineage exist only once
 * it succeeded; a failed or cancelled one leaves its message and nothing else; an application writes a version of the
 * derived dataset through the ordinary upload (the same output twice is the same version), with provenance and
 * lineage; another tenant's ids are not found.
 */
@DataIntegrationTest
class RecipeRunsIT {

    private static final java.util.concurrent.atomic.AtomicInteger KEYS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String CSV = "id,plan,income\n1,basic,10\n2,pro,20\n3,basic,\n4,basic,30\n5,pro,40\n";

    @Autowired
    DSLContext dsl;
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
    @Autowired
    RecipeFitJob fitJob;
    @Autowired
    LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private record Setup(UUID project, UUID dataset, DatasetVersionRecord version) {
    }

    private Setup setup() {
        String key = "RUN" + KEYS.incrementAndGet();
        var project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project.id(), "customers", null, "")).getId();
        return new Setup(project.id(), dataset, upload(project.id(), dataset, CSV + "6,basic-" + UUID.randomUUID() + ",50\n"));
    }

    private DatasetVersionRecord upload(UUID project, UUID dataset, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return actors().as("acme-member", () -> versions.upload(project, dataset, new NewFile("customers.csv", "text/csv", bytes.length),
                new ByteArrayInputStream(bytes), FormatOverrides.NONE, new Provenance("CRM", "", "CC-BY 4.0", ""))).version();
    }

    private static List<StepPlan> plan() {
        return List.of(new StepPlan(Operation.IMPUTE, List.of("income"), Map.of("strategy", "mean")),
                new StepPlan(Operation.ONE_HOT, List.of("plan"), Map.of("top", "2", "other", "true")),
                new StepPlan(Operation.DROP, List.of("id"), Map.of()));
    }

    /** Waits for the run's job (the context polls for jobs every 100 ms), as a viewer reads it. */
    private RunState ended(UUID project, UUID run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RunState state = null;
        while (System.nanoTime() < deadline) {
            state = actors().as("acme-viewer", () -> runs.run(project, run));
            if (!state.status().pending()) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + run + " did not end in time: " + state);
    }

    private int count(org.jooq.Table<?> table, org.jooq.Condition where) {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(table, where));
    }

    @Test
    void aFitRunsAsAJobAndStoresTheVersionAndItsLineageOnlyWhenItSucceeded() throws Exception {
        Setup s = setup();
        RunState queued = actors().as("acme-member", () -> runs.startCreate(s.project(), s.dataset(), "clean", s.version().getId(), plan(), ""));
        assertThat(queued.status()).isEqualTo(RunState.Status.QUEUED);

        RunState done = ended(s.project(), queued.id());

        assertThat(done.status()).as(done.message()).isEqualTo(RunState.Status.DONE);
        assertThat(done.progress()).isEqualTo(1.0);
        var made = actors().as("acme-viewer", () -> recipes.version(s.project(), done.resultId()));
        assertThat(made.row().getVersion()).isEqualTo(1);
        assertThat(made.row().getCreatedBy()).as("the job acts as who asked").isEqualTo("acme-member");
        assertThat(made.outputColumns()).containsExactly("plan=basic", "plan=pro", "plan=other", "income");
        assertThat(done.recipeId()).isEqualTo(made.recipe().id());
        assertThat(actors().as("acme-viewer", () -> lineage.artifacts(s.project(), "data.recipe-version"))).extracting(a -> a.name())
                .containsExactly("clean v1");

        RunState refit = ended(s.project(), actors().as("acme-member", () -> runs.startRefit(s.project(), made.recipe().id(),
                s.version().getId(), plan().subList(0, 1), "impute only")).id());
        assertThat(refit.status()).isEqualTo(RunState.Status.DONE);
        assertThat(actors().as("acme-viewer", () -> recipes.versions(s.project(), made.recipe().id()))).extracting(v -> v.row().getReason())
                .containsExactly("impute only", "First version");
    }

    @Test
    void whatCanBeCheckedAtOnceIsRefusedBeforeAnyJobNamingTheField() {
        Setup s = setup();
        actors().run("acme-member", () -> recipes.create(s.project(), s.dataset(), "taken", s.version().getId(), plan(), ""));
        int before = count(RECIPE_RUN, RECIPE_RUN.DATASET_ID.eq(s.dataset()));

        assertThatThrownBy(() -> actors().run("acme-member", () -> runs.startCreate(s.project(), s.dataset(), "taken", s.version().getId(),
                plan(), ""))).hasMessageStartingWith("Name: customers has a recipe called taken already.");
        assertThatThrownBy(() -> actors().run("acme-member", () -> runs.startCreate(s.project(), s.dataset(), "new", s.version().getId(),
                List.of(), ""))).hasMessageStartingWith("Steps:");
        UUID recipe = actors().as("acme-viewer", () -> recipes.recipes(s.project(), s.dataset())).getFirst().getId();
        assertThatThrownBy(() -> actors().run("acme-member", () -> runs.startRefit(s.project(), recipe, s.version().getId(), plan(), "")))
                .hasMessageStartingWith("Reason:");
        assertThatThrownBy(() -> actors().run("acme-viewer", () -> runs.startCreate(s.project(), s.dataset(), "mine", s.version().getId(),
                plan(), ""))).isInstanceOf(AccessDeniedException.class);
        assertThat(count(RECIPE_RUN, RECIPE_RUN.DATASET_ID.eq(s.dataset()))).as("no job queued").isEqualTo(before);
    }

    @Test
    void aFitThatFailsNamesTheStepAndLeavesNothingButItsMessage() throws Exception {
        Setup s = setup();
        int artifacts = actors().as("acme-viewer", () -> lineage.artifacts(s.project(), "data.recipe-version")).size();
        RunState queued = actors().as("acme-member", () -> runs.startCreate(s.project(), s.dataset(), "broken", s.version().getId(),
                List.of(new StepPlan(Operation.IMPUTE, List.of("income"), Map.of()), new StepPlan(Operation.STANDARDIZE, List.of("plan"),
                        Map.of())), ""));

        RunState failed = ended(s.project(), queued.id());

        assertThat(failed.status()).isEqualTo(RunState.Status.FAILED);
        assertThat(failed.message()).isEqualTo("Step 2 (standardize plan): plan has no numbers to learn from.");
        assertThat(failed.resultId()).isNull();
        assertThat(count(RECIPE, RECIPE.DATASET_ID.eq(s.dataset()))).as("no recipe half-written").isZero();
        assertThat(actors().as("acme-viewer", () -> lineage.artifacts(s.project(), "data.recipe-version"))).hasSize(artifacts);
    }

    @Test
    void aCancelledFitLeavesNothing() {
        Setup s = setup();
        // A run of its own whose job is the test's: the handler runs here, and the cancel arrives while it reads the rows.
        UUID runId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        String order = RecipeRuns.JSON.writeValueAsString(new RecipeRuns.FitOrder(null, "cancelled", s.version().getId(),
                plan().stream().map(p -> new dev.cairn.api.data.TransformStep(p.operation().id(), p.inputs(), p.choices())).toList(), ""));
        actors().run("acme-member", () -> {
            var run = dsl.newRecord(RECIPE_RUN);
            run.setId(runId);
            run.setTenantId(TenantScope.current().orElseThrow());
            run.setProjectId(s.project());
            run.setDatasetId(s.dataset());
            run.setKind("FIT");
            run.setRecipeName("cancelled");
            run.setRequestJson(order);
            run.setJobId(jobId);
            run.setStatus("QUEUED");
            run.setProgress(0.0);
            run.setRequestedBy("acme-member");
            run.setRequestedAt(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            run.insert();
        });

        assertThatThrownBy(() -> actors().run("acme-member", () -> {
            try {
                fitJob.run(new CancelledContext(jobId, runId));
            } catch (RuntimeException e) {
                throw e;
            }
        })).isInstanceOf(JobCancelledException.class);

        RunState state = actors().as("acme-viewer", () -> runs.run(s.project(), runId));
        assertThat(state.status()).isEqualTo(RunState.Status.CANCELLED);
        assertThat(state.message()).contains("nothing was saved");
        assertThat(count(RECIPE, RECIPE.DATASET_ID.eq(s.dataset()))).isZero();
        assertThat(count(RECIPE_VERSION, RECIPE_VERSION.FITTED_ON.eq(s.version().getId()))).isZero();
    }

    /** A job context whose user cancelled: the handler sees it at its first read. */
    private record CancelledContext(UUID jobId, UUID runId) implements JobContext {
        @Override
        public UUID tenantId() {
            return TenantScope.current().orElseThrow();
        }

        @Override
        public Optional<UUID> projectId() {
            return Optional.empty();
        }

        @Override
        public String payload() {
            return runId.toString();
        }

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean cancelRequested() {
            return true;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public ExecutorService executor() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void applyingAVersionWritesAVersionOfTheDerivedDatasetWithProvenanceAndLineageAndTheSameOutputTwiceIsTheSameVersion() throws Exception {
        Setup s = setup();
        var fitted = actors().as("acme-member", () -> recipes.create(s.project(), s.dataset(), "clean", s.version().getId(), plan(), ""));

        RunState applied = ended(s.project(), actors().as("acme-member", () -> runs.startApply(s.project(), fitted.row().getId(),
                s.version().getId())).id());

        assertThat(applied.status()).as(applied.message()).isEqualTo(RunState.Status.DONE);
        DatasetVersionRecord written = actors().as("acme-viewer", () -> versions.version(s.project(), applied.resultId()));
        DatasetRecord derived = actors().as("acme-viewer", () -> datasets.find(s.project(), written.getDatasetId()));
        assertThat(derived.getName()).isEqualTo("customers-clean");
        assertThat(derived.getDescription()).contains("from the dataset customers with its recipe clean");
        assertThat(written.getVersion()).isEqualTo(1);
        assertThat(written.getRowCount()).isEqualTo(6);
        assertThat(actors().as("acme-viewer", () -> versions.columns(s.project(), written.getId())))
                .containsExactly("plan=basic", "plan=pro", "plan=other", "income");
        assertThat(written.getSource()).contains("clean v1").contains(fitted.row().getId().toString()).contains("customers v1")
                .contains(s.version().getId().toString());
        assertThat(written.getLicence()).as("the input's licence travels with it").isEqualTo("CC-BY 4.0");
        assertThat(written.getCreatedBy()).isEqualTo("acme-member");
        assertThat(actors().as("acme-viewer", () -> lineage.downstream(s.project(), fitted.row().getLineageArtifact())))
                .as("the recipe version made the derived version").filteredOn(d -> d.distance() <= 2).extracting(d -> d.type() + " " + d.name())
                .containsExactly("data.recipe-application Apply clean v1 to customers v1", "data.dataset-version customers-clean v1");
        assertThat(actors().as("acme-viewer", () -> lineage.downstream(s.project(), s.version().getLineageArtifact())))
                .as("and so did the input version").extracting(d -> d.id()).contains(written.getLineageArtifact());

        RunState again = ended(s.project(), actors().as("acme-member", () -> runs.startApply(s.project(), fitted.row().getId(),
                s.version().getId())).id());
        assertThat(again.status()).isEqualTo(RunState.Status.DONE);
        assertThat(again.resultId()).as("the same bytes are the same version").isEqualTo(written.getId());
        assertThat(again.message()).contains("already version 1");
        assertThat(actors().as("acme-viewer", () -> versions.history(s.project(), derived.getId()))).hasSize(1);
    }

    @Test
    void anotherTenantsRecipeVersionAndDatasetVersionAreNotFound() {
        Setup s = setup();
        var fitted = actors().as("acme-member", () -> recipes.create(s.project(), s.dataset(), "clean", s.version().getId(), plan(), ""));
        RunState run = actors().as("acme-member", () -> runs.startApply(s.project(), fitted.row().getId(), s.version().getId()));

        assertThatThrownBy(() -> actors().run("globex-member", () -> runs.startApply(s.project(), fitted.row().getId(), s.version().getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("globex-member", () -> runs.startRefit(s.project(), fitted.recipe().id(), s.version().getId(),
                plan(), "mine"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("globex-member", () -> runs.startCreate(s.project(), s.dataset(), "mine", s.version().getId(),
                plan(), ""))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-viewer", () -> runs.run(s.project(), run.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-viewer", () -> runs.runs(s.project(), s.dataset()))).isInstanceOf(NotFoundException.class);
    }
}
