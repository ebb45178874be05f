package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.RECIPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.api.data.RecipeCatalog;
import dev.cairn.api.data.transform.InvalidRecipeException;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.data.transform.RecipeLists;
import dev.cairn.api.data.transform.RecipeTransform;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Recipes fitted on stored versions, on H2 and PostgreSQL: versions, preview, the catalog, refusals, roles and tenants. */
@DataIntegrationTest
class DatasetRecipesIT {

    // income: 10, 20, 30, 40 and one missing (mean 25); plan: basic x3, pro x2.
    private static final String V1 = "id,plan,income\n1,basic,10\n2,pro,20\n3,basic,\n4,basic,30\n5,pro,40\n";
    private static final String V2 = "id,plan,income\n1,basic,100\n2,pro,300\n3,family,\n";

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
    RecipeCatalog catalog;
    @Autowired
    LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private DatasetVersionRecord upload(World world, String csv) {
        byte[] bytes = (csv + "6,basic-" + UUID.randomUUID() + ",50\n").getBytes(StandardCharsets.UTF_8);
        return actors().as("acme-member", () -> versions.upload(world.project().id(), world.dataset(),
                new NewFile("customers.csv", "text/csv", bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE,
                Provenance.NONE)).version();
    }

    private static List<StepPlan> plan() {
        return List.of(new StepPlan(Operation.IMPUTE, List.of("income"), Map.of("strategy", "mean")),
                new StepPlan(Operation.ONE_HOT, List.of("plan"), Map.of("top", "2", "other", "true")),
                new StepPlan(Operation.DROP, List.of("id"), Map.of()));
    }

    @Test
    void aMemberFitsARecipeOnAVersionAndTheOtherStagesReadTheSameVersionFromTheCatalog() {
        World world = World.withDataset(actors(), projects, datasets, "RCP", "customers", "");
        DatasetVersionRecord training = upload(world, V1);

        var created = actors().as("acme-member", () -> recipes.create(world.project().id(), world.dataset(), "clean", training.getId(), plan(), ""));

        assertThat(created.row().getVersion()).isEqualTo(1);
        assertThat(created.row().getCreatedBy()).isEqualTo("acme-member");
        // income: 10, 20, 30, 40, 50 present (the uploaded extra row adds 50): mean 30.
        assertThat(Double.parseDouble(created.recipe().steps().get(0).parameters().get("value"))).isCloseTo(30, within(1e-12));
        assertThat(RecipeLists.decode(created.recipe().steps().get(1).parameters().get("categories"))).containsExactly("basic", "pro");
        assertThat(created.outputColumns()).containsExactly("plan=basic", "plan=pro", "plan=other", "income");
        assertThat(created.recipe().expects().schemaId()).as("the training version's schema").isEqualTo(training.getId());

        var read = actors().as("acme-viewer", () -> catalog.recipe(created.recipe().ref())).orElseThrow();
        assertThat(read).isEqualTo(created.recipe());
        assertThat(RecipeTransform.compile(read, List.of("id", "plan", "income")).applyOne(new String[] {"9", "family", ""}))
                .containsExactly("0", "0", "1", "30.0");
        assertThat(actors().as("acme-viewer", () -> catalog.recipes(world.project().id()))).containsExactly(created.recipe());
        assertThat(actors().as("acme-viewer", () -> lineage.artifacts(world.project().id(), DataPlugin.RECIPE_ARTIFACT)))
                .extracting(a -> a.name()).containsExactly("clean v1");

        DatasetVersionRecord newer = upload(world, V2);
        assertThatThrownBy(() -> actors().run("acme-member", () -> recipes.refit(world.project().id(), created.row().getRecipeId(),
                newer.getId(), plan(), " "))).hasMessageStartingWith("Reason:");
        var refitted = actors().as("acme-member", () -> recipes.refit(world.project().id(), created.row().getRecipeId(), newer.getId(),
                plan(), "November's batch"));
        assertThat(refitted.row().getVersion()).isEqualTo(2);
        assertThat(refitted.row().getReason()).isEqualTo("November's batch");
        assertThat(actors().as("acme-viewer", () -> catalog.versions(created.row().getRecipeId()))).extracting(r -> r.version())
                .containsExactly(2, 1);
        assertThat(actors().as("acme-viewer", () -> catalog.recipe(created.recipe().ref()))).as("version 1 never changes")
                .contains(created.recipe());
    }

    @Test
    void aPreviewShowsTheFirstRowsBeforeAndAfterAndMarksDroppedRows() {
        World world = World.withDataset(actors(), projects, datasets, "RCP", "customers", "");
        DatasetVersionRecord training = upload(world, V1);
        var created = actors().as("acme-member", () -> recipes.create(world.project().id(), world.dataset(), "strict", training.getId(),
                List.of(new StepPlan(Operation.DROP_MISSING, List.of("income"), Map.of()), new StepPlan(Operation.STANDARDIZE,
                        List.of("income"), Map.of())), ""));

        var preview = actors().as("acme-viewer", () -> recipes.preview(world.project().id(), created.row().getId(), training.getId(), 4));

        assertThat(preview.before()).hasSize(4);
        assertThat(preview.before().get(2)).containsExactly("3", "basic", "");
        assertThat(preview.dropped()).containsExactly(false, false, true, false);
        // income after dropping the missing one: 10, 20, 30, 40, 50: mean 30, population std sqrt(200).
        assertThat(Double.parseDouble(preview.after().get(0)[2])).isCloseTo(-20 / Math.sqrt(200), within(1e-12));
    }

    @Test
    void aRecipeThatCannotBeFittedIsRefusedNamingTheStepAndLeavesNothing() {
        World world = World.withDataset(actors(), projects, datasets, "RCP", "customers", "");
        DatasetVersionRecord training = upload(world, V1);
        int before = TenantScope.callAsPlatform(() -> dsl.fetchCount(RECIPE));

        assertThatThrownBy(() -> actors().run("acme-member", () -> recipes.create(world.project().id(), world.dataset(), "broken",
                training.getId(), List.of(new StepPlan(Operation.STANDARDIZE, List.of("plan"), Map.of())), "")))
                .isInstanceOf(InvalidRecipeException.class).hasMessage("Step 1 (standardize plan): plan has no numbers to learn from.");
        assertThatThrownBy(() -> actors().run("acme-member", () -> recipes.create(world.project().id(), world.dataset(), " ",
                training.getId(), plan(), ""))).hasMessageStartingWith("Name:");
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(RECIPE))).as("nothing half-written").isEqualTo(before);
    }

    @Test
    void aDatasetWithARecipeCanBeDeletedAndItsRecipesGoWithIt() {
        World world = World.withDataset(actors(), projects, datasets, "RCP", "customers", "");
        DatasetVersionRecord training = upload(world, V1);
        var created = actors().as("acme-member", () -> recipes.create(world.project().id(), world.dataset(), "clean", training.getId(), plan(), ""));

        assertThat(actors().as("acme-pm", () -> datasets.deleteRefusal(world.project().id(), world.dataset())))
                .as("the dataset's own recipe does not hold it").isEmpty();
        actors().run("acme-pm", () -> datasets.delete(world.project().id(), world.dataset()));

        assertThat(actors().as("acme-viewer", () -> catalog.recipe(created.recipe().ref()))).isEmpty();
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(RECIPE, RECIPE.ID.eq(created.row().getRecipeId())))).isZero();
    }

    @Test
    void viewersReadOnlyAndAnotherTenantFindsNothing() {
        World world = World.withDataset(actors(), projects, datasets, "RCP", "customers", "");
        DatasetVersionRecord training = upload(world, V1);
        var created = actors().as("acme-member", () -> recipes.create(world.project().id(), world.dataset(), "clean", training.getId(), plan(), ""));

        assertThatThrownBy(() -> actors().run("acme-viewer", () -> recipes.create(world.project().id(), world.dataset(), "mine",
                training.getId(), plan(), ""))).isInstanceOf(AccessDeniedException.class);
        assertThat(actors().as("acme-viewer", () -> recipes.versions(world.project().id(), created.row().getRecipeId()))).hasSize(1);
        assertThatThrownBy(() -> actors().as("globex-member", () -> recipes.versions(world.project().id(), created.row().getRecipeId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(actors().as("globex-member", () -> catalog.recipe(created.recipe().ref()))).isEmpty();
        assertThat(actors().as("globex-member", () -> catalog.versions(created.row().getRecipeId()))).isEmpty();

        actors().run("acme-member", () -> recipes.delete(world.project().id(), created.row().getRecipeId()));
        assertThat(actors().as("acme-viewer", () -> recipes.recipes(world.project().id(), world.dataset()))).isEmpty();
        assertThat(actors().as("acme-viewer", () -> catalog.recipe(created.recipe().ref()))).isEmpty();
    }
}
