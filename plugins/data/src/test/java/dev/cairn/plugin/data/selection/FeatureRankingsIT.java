package dev.cairn.plugin.data.selection;

import static dev.cairn.plugin.data.db.Tables.FEATURE_RANKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DataIntegrationTest;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.recipe.StepPlan;
import dev.cairn.plugin.data.selection.FeatureRanking.Method;
import dev.cairn.plugin.data.selection.RankingState.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.cairn.api.security.AccessDeniedException;

/**
 * Ranking a stored version's features as a background job, on the platform with the data plugin
 * (H2 and PostgreSQL): stored with the version and in the lineage graph, refused to viewers and to
 * another tenant, and saved into a new recipe or a recipe's next version.
 */
@DataIntegrationTest
class FeatureRankingsIT {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    FeatureRankings rankings;
    @Autowired
    SelectionRecipes selections;
    @Autowired
    DatasetRecipes recipes;
    @Autowired
    LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private record Stored(UUID project, UUID dataset, DatasetVersionRecord version) {
    }

    /**
     * 40 customers: churn is "yes" exactly when tenure is under 10; plan is "pro" for half of each class; a copy of
     * tenure (months) is redundant; noise cycles regardless of churn.
     */
    static String customers() {
        StringBuilder csv = new StringBuilder("tenure,plan,months,noise,churn\n");
        for (int i = 0; i < 40; i++) {
            int tenure = i < 20 ? i % 10 : 10 + i;
            csv.append(tenure).append(',').append(i % 2 == 0 ? "pro" : "basic").append(',').append(tenure).append(',')
                    .append("n" + (i % 4)).append(',').append(tenure < 10 ? "yes" : "no").append('\n');
        }
        return csv.toString();
    }

    private Stored upload(String csv) {
        String key = "SEL" + KEYS.incrementAndGet();
        UUID project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null)).id();
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project, "customers", null, "")).getId();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        DatasetVersionRecord version = actors().as("acme-member", () -> versions.upload(project, dataset, dev.cairn.api.files.NewFile.named(
                "customers.csv"), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE)).version();
        return new Stored(project, dataset, version);
    }

    private RankingState ended(Stored stored, String label) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RankingState state = null;
        while (System.nanoTime() < deadline) {
            state = actors().as("acme-viewer", () -> rankings.state(stored.project(), stored.version().getId(), label)).orElseThrow();
            if (!state.status().pending()) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the ranking did not end in time; last state: " + state);
    }

    @Test
    void aMemberRanksAVersionAsAJobWhoseRankingIsStoredWithTheVersionAndInTheLineage() throws Exception {
        Stored stored = upload(customers());

        RankingState queued = actors().as("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), "churn"));
        assertThat(queued.status()).isEqualTo(Status.QUEUED);
        RankingState done = ended(stored, "churn");

        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(Status.DONE);
        assertThat(done.computedBy()).as("the job acts as who asked").isEqualTo("acme-member");
        FeatureRanking ranking = done.ranking().orElseThrow();
        assertThat(ranking.rowsRead()).isEqualTo(40);
        assertThat(ranking.sampled()).isFalse();
        assertThat(ranking.labelKind()).isEqualTo(FeatureRanking.LabelKind.BINARY);
        assertThat(ranking.features()).extracting(FeatureRanking.FeatureScore::name).containsExactly("tenure", "plan", "months", "noise");
        // Churn is a function of tenure (and of its copy): each tells the label's whole bit; plan and noise tell nothing.
        assertThat(ranking.feature("tenure").orElseThrow().mutualInformation()).isEqualTo(ranking.labelEntropy());
        assertThat(ranking.feature("plan").orElseThrow().mutualInformation()).isZero();
        assertThat(ranking.top(Method.MIM, 2)).containsExactlyInAnyOrder("tenure", "months");
        List<String> mrmr = ranking.top(Method.MRMR, 4);
        assertThat(mrmr.getFirst()).isIn("tenure", "months");
        assertThat(mrmr.getLast()).as("mRMR takes the redundant copy last").isIn("tenure", "months");

        var artifact = actors().as("acme-viewer", () -> lineage.artifactWith(stored.project(), SelectionLineage.RANKING_ARTIFACT, "version_id",
                stored.version().getId().toString())).orElseThrow();
        var downstream = actors().as("acme-viewer", () -> lineage.downstream(stored.project(), stored.version().getLineageArtifact()));
        assertThat(downstream).as("made by a feature selection execution from the version")
                .anySatisfy(d -> assertThat(d.type()).isEqualTo(SelectionLineage.SELECTION_EXECUTION))
                .anySatisfy(d -> assertThat(d.id()).isEqualTo(artifact.id()));
        assertThat(actors().as("acme-viewer", () -> rankings.states(stored.project(), stored.version().getId())))
                .extracting(RankingState::label).containsExactly("churn");
    }

    @Test
    void aViewerReadsButCannotRankAndAnotherTenantFindsNothing() throws Exception {
        Stored stored = upload(customers());
        actors().run("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), "churn"));
        ended(stored, "churn");

        assertThatThrownBy(() -> actors().as("acme-viewer", () -> rankings.rank(stored.project(), stored.version().getId(), "churn")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actors().as("acme-viewer", () -> rankings.state(stored.project(), stored.version().getId(), "churn"))).isPresent();
        assertThatThrownBy(() -> actors().as("globex-admin", () -> rankings.rank(stored.project(), stored.version().getId(), "churn")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> rankings.state(stored.project(), stored.version().getId(), "churn")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> rankings.states(stored.project(), stored.version().getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> selections.intoNewRecipe(stored.project(), stored.version().getId(), "churn",
                List.of("tenure"), "stolen", "why not"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> selections.intoNewRecipe(stored.project(), stored.version().getId(), "churn",
                List.of("tenure"), "viewer's", "why not"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badLabelsAreRefusedNamingTheProblemAndALabelWithOneValueFailsTheJobSayingSo() throws Exception {
        Stored stored = upload("x,constant\n1,a\n2,a\n3,a\n");

        assertThatThrownBy(() -> actors().as("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Label: version 1 has no column nope.");
        assertThatThrownBy(() -> actors().as("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Label: choose the column to rank the features against.");

        actors().run("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), "constant"));
        RankingState failed = ended(stored, "constant");
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.error()).isEqualTo("Label: constant has a single value in the 3 rows read: there is nothing to rank the features "
                + "against.");
        assertThat(failed.ranking()).isEmpty();
    }

    @Test
    void aSelectionIsSavedIntoANewRecipeAndIntoTheNextVersionOfAnExistingOne() throws Exception {
        Stored stored = upload(customers());
        actors().run("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), "churn"));
        assertThat(ended(stored, "churn").ranking()).isPresent();
        assertThatThrownBy(() -> actors().as("acme-member", () -> selections.intoNewRecipe(stored.project(), stored.version().getId(), "plan",
                List.of("tenure"), "unranked", "why"))).hasMessage("Features: the version's features were not ranked against plan yet: rank them first.");

        var created = actors().as("acme-member", () -> selections.intoNewRecipe(stored.project(), stored.version().getId(), "churn",
                List.of("tenure", "plan"), "selected", "keep tenure and plan"));
        assertThat(created.plan()).singleElement().satisfies(step -> {
            assertThat(step.operation()).isEqualTo(Operation.DROP.id());
            assertThat(step.inputs()).containsExactly("months", "noise");
        });
        assertThat(created.outputColumns()).containsExactly("tenure", "plan", "churn");
        assertThat(created.row().getReason()).isEqualTo("keep tenure and plan");

        var scaled = actors().as("acme-member", () -> recipes.create(stored.project(), stored.dataset(), "scaled", stored.version().getId(),
                List.of(new StepPlan(Operation.STANDARDIZE, List.of("tenure"), Map.of()), new StepPlan(Operation.DROP, List.of("noise"),
                        Map.of())), "first"));
        var next = actors().as("acme-member", () -> selections.intoRecipe(stored.project(), scaled.row().getRecipeId(),
                stored.version().getId(), "churn", List.of("tenure"), "tenure alone"));
        assertThat(next.recipe().version()).isEqualTo(2);
        assertThat(next.plan()).extracting(s -> s.operation()).containsExactly("standardize", "drop", "drop");
        assertThat(next.plan().getLast().inputs()).as("only what the recipe still gives").containsExactly("plan", "months");
        assertThat(next.outputColumns()).containsExactly("tenure", "churn");

        assertThatThrownBy(() -> actors().as("acme-member", () -> selections.intoRecipe(stored.project(), scaled.row().getRecipeId(),
                stored.version().getId(), "churn", List.of("tenure"), "again"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Features: scaled v2 already leaves out every feature not kept: there is nothing to add to it.");
        assertThatThrownBy(() -> actors().as("acme-member", () -> selections.intoNewRecipe(stored.project(), stored.version().getId(), "churn",
                List.of(), "none", "nothing"))).hasMessage("Features: keep at least one feature.");
        assertThatThrownBy(() -> actors().as("acme-member", () -> selections.intoNewRecipe(stored.project(), stored.version().getId(), "churn",
                List.of("tenure", "plan", "months", "noise"), "all", "everything")))
                .hasMessage("Features: every feature is kept, so the recipe would drop nothing; untick those to leave out.");
        assertThatThrownBy(() -> actors().as("acme-member", () -> selections.intoNewRecipe(stored.project(), stored.version().getId(), "churn",
                List.of("tenure"), "no reason", " "))).hasMessage("Reason: say why these features are kept (it is kept with the recipe version).");
    }

    @Test
    void rankingAgainSupersedesARunStillPendingWhoseJobThenWritesNothing() throws Exception {
        Stored stored = upload(customers());
        RankingState first = actors().as("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), "churn"));
        RankingState second = actors().as("acme-pm", () -> rankings.rank(stored.project(), stored.version().getId(), "churn"));

        RankingState done = ended(stored, "churn");
        assertThat(second.jobId()).isNotEqualTo(first.jobId());
        assertThat(done.jobId()).isEqualTo(second.jobId());
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.computedBy()).as("the newer request's run wrote it").isEqualTo("acme-pm");
    }

    @Test
    void aDatasetWithARankingCanBeDeletedAndItsRankingsGoWithIt() throws Exception {
        Stored stored = upload(customers());
        actors().run("acme-member", () -> rankings.rank(stored.project(), stored.version().getId(), "churn"));
        ended(stored, "churn");

        assertThat(actors().as("acme-pm", () -> datasets.deleteRefusal(stored.project(), stored.dataset())))
                .as("the dataset's own ranking does not hold it").isEmpty();
        actors().run("acme-pm", () -> datasets.delete(stored.project(), stored.dataset()));

        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(FEATURE_RANKING, FEATURE_RANKING.VERSION_ID.eq(stored.version().getId()))))
                .isZero();
    }
}
