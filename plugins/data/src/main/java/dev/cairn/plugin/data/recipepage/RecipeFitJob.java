package dev.cairn.plugin.data.recipepage;

import dev.cairn.api.jobs.JobCancelledException;
import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeRunRecord;
import dev.cairn.plugin.data.recipe.FittedRecipe;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Fits a recipe version as a background job ({@value #TYPE}): reads the training version as often as the steps need
 * (progress per pass, stops on a cancel), then stores the version, its lineage and the run's DONE in one transaction. A
 * failed or cancelled fit stores nothing but the run's message; a step that cannot be fitted is named in it ("Step 2
 * (standardize plan): ..."), which the editor puts on that step's row. Acts as whoever asked, who needs
 * {@code data.edit-recipe}.
 */
@Component
class RecipeFitJob implements JobHandler {

    static final String TYPE = "data.recipe-fit";

    private final RunStore runs;
    private final DatasetRecipes recipes;
    private final DatasetVersions versions;
    private final PermissionCheck permissions;

    // Lazy: the platform's job service needs every handler, and these reach the job service back (an upload queues profiling).
    RecipeFitJob(@Lazy RunStore runs, @Lazy DatasetRecipes recipes, @Lazy DatasetVersions versions, PermissionCheck permissions) {
        this.runs = runs;
        this.recipes = recipes;
        this.versions = versions;
        this.permissions = permissions;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) {
        permissions.require(DataPermissions.EDIT_RECIPE);
        UUID runId = UUID.fromString(context.payload());
        RecipeRunRecord run = runs.record(runId, context.jobId()).orElse(null);
        if (run == null) {
            context.progress(1, "Nothing to do: the dataset or recipe was deleted meanwhile");
            return;
        }
        RecipeRuns.FitOrder order = RecipeRuns.JSON.readValue(run.getRequestJson(), RecipeRuns.FitOrder.class);
        try {
            DatasetVersionRecord training = versions.version(run.getProjectId(), order.trainingVersionId());
            Progress progress = new Progress(runs, runId, context, training);
            FittedRecipe fitted = recipes.fit(run.getProjectId(), order.trainingVersionId(), order.steps(),
                    rows -> new WatchedRows(rows, context, progress.nextPass()));
            context.throwIfCancelled();
            DatasetRecipes.Version made = runs.storeFit(runId, run.getProjectId(), run.getDatasetId(), order, fitted);
            context.progress(1, "Fitted " + made.recipe().name() + " v" + made.row().getVersion());
        } catch (JobCancelledException cancelled) {
            runs.ended(runId, RunState.Status.CANCELLED, "Cancelled before the fit finished: nothing was saved.");
            throw cancelled;
        } catch (RuntimeException failed) {
            runs.ended(runId, RunState.Status.FAILED, failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
            throw failed;
        }
    }

    /** Progress of the passes over the training version, written at most four times a second. */
    static final class Progress {
        private final RunStore runs;
        private final UUID runId;
        private final JobContext context;
        private final DatasetVersionRecord version;
        private int pass;
        private long lastWrite;

        Progress(RunStore runs, UUID runId, JobContext context, DatasetVersionRecord version) {
            this.runs = runs;
            this.runId = runId;
            this.context = context;
            this.version = version;
        }

        java.util.function.LongConsumer nextPass() {
            int current = ++pass;
            return read -> {
                long now = System.nanoTime();
                if (read > 0 && now - lastWrite < 250_000_000L) {
                    return;
                }
                lastWrite = now;
                long total = Math.max(1, version.getRowCount());
                double fraction = Math.min(0.99, (double) read / total);
                String message = "Pass " + current + ": read " + read + " of " + version.getRowCount() + " rows of v" + version.getVersion();
                context.progress(fraction, message);
                runs.progress(runId, fraction, message);
            };
        }
    }
}
