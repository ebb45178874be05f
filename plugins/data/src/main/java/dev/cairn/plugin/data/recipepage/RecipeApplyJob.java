package dev.cairn.plugin.data.recipepage;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.cairn.api.data.transform.RecipeTransform;
import dev.cairn.api.jobs.JobCancelledException;
import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.VersionRows;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeRunRecord;
import dev.cairn.plugin.data.recipe.TransformedRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Applies a recipe version to a dataset version as a background job ({@value #TYPE}): the rows go through cairn-api's
 * {@link RecipeTransform} (the one implementation every stage applies) into a temporary CSV file, which is then
 * stored as the next version of the derived dataset through the ordinary upload (strict import, SHA-256 identity),
 * with provenance and lineage ({@link DerivedVersions}). A failed or cancelled run stores nothing.
 */
@Component
class RecipeApplyJob implements JobHandler {

    static final String TYPE = "data.recipe-apply";

    private final RunStore runs;
    private final DatasetRecipes recipes;
    private final DatasetVersions versions;
    private final VersionRows rows;
    private final DerivedVersions derived;
    private final PermissionCheck permissions;

    // Lazy: the platform's job service needs every handler, and these reach the job service back (an upload queues profiling).
    RecipeApplyJob(@Lazy RunStore runs, @Lazy DatasetRecipes recipes, @Lazy DatasetVersions versions, @Lazy VersionRows rows,
                   @Lazy DerivedVersions derived, PermissionCheck permissions) {
        this.runs = runs;
        this.recipes = recipes;
        this.versions = versions;
        this.rows = rows;
        this.derived = derived;
        this.permissions = permissions;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) throws IOException {
        permissions.require(DataPermissions.EDIT_RECIPE);
        UUID runId = UUID.fromString(context.payload());
        RecipeRunRecord run = runs.record(runId, context.jobId()).orElse(null);
        if (run == null) {
            context.progress(1, "Nothing to do: the dataset or recipe was deleted meanwhile");
            return;
        }
        RecipeRuns.ApplyOrder order = RecipeRuns.JSON.readValue(run.getRequestJson(), RecipeRuns.ApplyOrder.class);
        Path file = Files.createTempFile("cairn-recipe-", ".csv");
        try {
            DatasetRecipes.Version recipe = recipes.version(run.getProjectId(), order.recipeVersionId());
            DatasetVersionRecord input = versions.version(run.getProjectId(), order.datasetVersionId());
            RecipeTransform transform = RecipeTransform.compile(recipe.recipe(), recipe.inputColumns());
            RecipeFitJob.Progress progress = new RecipeFitJob.Progress(runs, runId, context, input);
            long written = 0;
            long dropped;
            try (TransformedRows out = new TransformedRows(new WatchedRows(rows.open(run.getProjectId(), input.getId()), context,
                    progress.nextPass()), transform); Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CsvWriter csv = CsvWriter.builder().build(writer)) {
                csv.writeRecord(out.header());
                String[] row;
                while ((row = out.next()) != null) {
                    csv.writeRecord(row);
                    written++;
                }
                dropped = out.dropped();
            }
            context.throwIfCancelled();
            if (written == 0) {
                throw new IllegalStateException("The recipe dropped every row of v" + input.getVersion() + ": there is nothing to write.");
            }
            var upload = derived.write(runId, run.getProjectId(), recipe, input, file, written, dropped);
            context.progress(1, upload.message(upload.version().getFileName()));
        } catch (JobCancelledException cancelled) {
            runs.ended(runId, RunState.Status.CANCELLED, "Cancelled before the transformed version was written: nothing was saved.");
            throw cancelled;
        } catch (RuntimeException | IOException failed) {
            runs.ended(runId, RunState.Status.FAILED, failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
            throw failed instanceof IOException io ? new UncheckedIOException("The transformed rows could not be written: " + io.getMessage(), io)
                    : (RuntimeException) failed;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
