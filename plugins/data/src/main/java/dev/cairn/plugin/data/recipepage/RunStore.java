package dev.cairn.plugin.data.recipepage;

import static dev.cairn.plugin.data.db.Tables.RECIPE_RUN;

import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.db.tables.records.RecipeRunRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the recipe jobs write about their runs: progress, the end, and a fit's result with its DONE in one
 * transaction. Apart from {@link RecipeRuns} because the platform's job service needs the handlers, and the handlers
 * must not need the job service back.
 */
@Component
class RunStore {

    private final TenantDb db;
    private final DatasetRecipes recipes;

    RunStore(TenantDb db, DatasetRecipes recipes) {
        this.db = db;
        this.recipes = recipes;
    }

    /** The run, if the job is still its own (a run row deleted with its dataset leaves the job nothing to do). */
    Optional<RecipeRunRecord> record(UUID runId, UUID jobId) {
        return db.fetchOptional(RECIPE_RUN, RECIPE_RUN.ID.eq(runId).and(RECIPE_RUN.JOB_ID.eq(jobId)));
    }

    /** Stores what a fit learnt and ends its run DONE, in one transaction: a version exists exactly when its run says so. */
    @Transactional
    public DatasetRecipes.Version storeFit(UUID runId, UUID projectId, UUID datasetId, RecipeRuns.FitOrder order,
                                           dev.cairn.plugin.data.recipe.FittedRecipe fitted) {
        DatasetRecipes.Version made = order.recipeId() == null
                ? recipes.storeCreated(projectId, datasetId, order.name(), order.trainingVersionId(), order.steps(), fitted, order.reason())
                : recipes.storeRefit(projectId, order.recipeId(), order.trainingVersionId(), order.steps(), fitted, order.reason());
        set(runId, Map.of(RECIPE_RUN.RECIPE_ID, made.recipe().id()));
        done(runId, made.row().getId(), "Fitted " + made.recipe().name() + " v" + made.row().getVersion() + " ("
                + fitted.passes() + (fitted.passes() == 1 ? " pass" : " passes") + " over the training version)");
        return made;
    }

    void progress(UUID runId, double fraction, String message) {
        set(runId, Map.of(RECIPE_RUN.STATUS, RunState.Status.RUNNING.name(), RECIPE_RUN.PROGRESS, fraction, RECIPE_RUN.MESSAGE, clip(message)));
    }

    void done(UUID runId, UUID resultId, String message) {
        set(runId, Map.of(RECIPE_RUN.STATUS, RunState.Status.DONE.name(), RECIPE_RUN.PROGRESS, 1.0, RECIPE_RUN.MESSAGE, clip(message),
                RECIPE_RUN.RESULT_ID, resultId, RECIPE_RUN.ENDED_AT, now()));
    }

    void ended(UUID runId, RunState.Status status, String message) {
        set(runId, Map.of(RECIPE_RUN.STATUS, status.name(), RECIPE_RUN.MESSAGE, clip(message), RECIPE_RUN.ENDED_AT, now()));
    }

    private void set(UUID runId, Map<? extends Field<?>, ?> values) {
        db.update(RECIPE_RUN, values, RECIPE_RUN.ID.eq(runId));
    }


    private static String clip(String message) {
        return RecipeRuns.clip(message);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
