package dev.cairn.plugin.data.recipepage;

import static dev.cairn.plugin.data.db.Tables.RECIPE_RUN;

import dev.cairn.api.data.TransformStep;
import dev.cairn.api.jobs.Jobs;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeRunRecord;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recipe work that reads whole versions, run as background jobs: fitting a new recipe or the next
 * version of one, and applying a version to a dataset version (a transformed version of a derived
 * dataset). Starting one checks everything that can be checked at once (refusals name the field)
 * and queues the job with a run the page follows; the job writes its result only when it succeeds.
 */
@Service
public class RecipeRuns {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LISTED = 10;

    /** What a fit was asked to do; {@code recipeId} null: a new recipe called {@code name}. */
    record FitOrder(UUID recipeId, String name, UUID trainingVersionId, List<TransformStep> plan, String reason) {

        List<StepPlan> steps() {
            return plan.stream().map(s -> new StepPlan(dev.cairn.api.data.transform.Operation.of(s.operation()).orElseThrow(), s.inputs(),
                    s.parameters())).toList();
        }
    }

    /** What an application was asked to do. */
    record ApplyOrder(UUID recipeVersionId, UUID datasetVersionId) {
    }

    private final TenantDb db;
    private final Jobs jobs;
    private final PermissionCheck permissions;
    private final DatasetRecipes recipes;
    private final DatasetService datasets;
    private final DatasetVersions versions;

    RecipeRuns(TenantDb db, Jobs jobs, PermissionCheck permissions, DatasetRecipes recipes, DatasetService datasets, DatasetVersions versions) {
        this.db = db;
        this.jobs = jobs;
        this.permissions = permissions;
        this.recipes = recipes;
        this.datasets = datasets;
        this.versions = versions;
    }

    /**
     * Queues the fit of a new recipe's version 1 on the training version.
     *
     * @throws IllegalArgumentException naming the field (Name, Steps, Reason, Training version)
     */
    @Transactional
    public RunState startCreate(UUID projectId, UUID datasetId, String name, UUID trainingVersionId, List<StepPlan> plan, String reason) {
        String clean = recipes.checkCreate(projectId, datasetId, name, trainingVersionId, plan, reason);
        return queueFit(projectId, datasetId, null, clean, new FitOrder(null, clean, trainingVersionId, steps(plan), reason), trainingVersionId);
    }

    /** Queues the fit of the recipe's next version (steps edited or not); the reason is required. */
    @Transactional
    public RunState startRefit(UUID projectId, UUID recipeId, UUID trainingVersionId, List<StepPlan> plan, String reason) {
        RecipeRecord recipe = recipes.checkRefit(projectId, recipeId, trainingVersionId, plan, reason);
        return queueFit(projectId, recipe.getDatasetId(), recipe.getId(), recipe.getName(), new FitOrder(recipe.getId(), recipe.getName(),
                trainingVersionId, steps(plan), reason), trainingVersionId);
    }

    private RunState queueFit(UUID projectId, UUID datasetId, UUID recipeId, String name, FitOrder order, UUID trainingVersionId) {
        DatasetVersionRecord training = versions.version(projectId, trainingVersionId);
        String title = "Fit recipe " + name + " on v" + training.getVersion();
        return queue(projectId, datasetId, RunState.Kind.FIT, recipeId, name, title, JSON.writeValueAsString(order), RecipeFitJob.TYPE);
    }

    /** Queues the application of a recipe version to a dataset version (see {@link RecipeApplyJob}). */
    @Transactional
    public RunState startApply(UUID projectId, UUID recipeVersionId, UUID datasetVersionId) {
        permissions.require(DataPermissions.EDIT_RECIPE);
        permissions.require(DataPermissions.UPLOAD);
        DatasetRecipes.Version version = recipes.version(projectId, recipeVersionId);
        DatasetVersionRecord input = versions.version(projectId, datasetVersionId);
        if (input.getDeletedAt() != null) {
            throw new IllegalArgumentException("Version " + input.getVersion() + " was deleted: choose another version.");
        }
        List<String> columns = versions.columns(projectId, datasetVersionId);
        if (!columns.equals(version.inputColumns())) {
            throw new IllegalArgumentException("Version " + input.getVersion() + " has the columns " + String.join(", ", columns)
                    + "; the recipe takes " + String.join(", ", version.inputColumns()) + ".");
        }
        String name = version.recipe().name();
        String title = "Apply " + name + " v" + version.row().getVersion() + " to v" + input.getVersion();
        return queue(projectId, input.getDatasetId(), RunState.Kind.APPLY, version.recipe().id(), name, title,
                JSON.writeValueAsString(new ApplyOrder(recipeVersionId, datasetVersionId)), RecipeApplyJob.TYPE);
    }

    private RunState queue(UUID projectId, UUID datasetId, RunState.Kind kind, UUID recipeId, String name, String title, String request,
                           String jobType) {
        var user = permissions.require(DataPermissions.EDIT_RECIPE);
        RecipeRunRecord run = db.newRecord(RECIPE_RUN);
        run.setId(UUID.randomUUID());
        // The job's payload is the run's id: the order itself may be longer than a payload may be.
        run.setJobId(jobs.submit(jobType, title, projectId, run.getId().toString(), DataPermissions.EDIT_RECIPE));
        run.setProjectId(projectId);
        run.setDatasetId(datasetId);
        run.setKind(kind.name());
        run.setRecipeId(recipeId);
        run.setRecipeName(name);
        run.setRequestJson(request);
        run.setStatus(RunState.Status.QUEUED.name());
        run.setProgress(0.0);
        run.setMessage(title);
        run.setRequestedBy(user.username());
        run.setRequestedAt(now());
        db.insert(run);
        return state(run);
    }

    /** The dataset's newest runs, newest first. */
    public List<RunState> runs(UUID projectId, UUID datasetId) {
        permissions.require(DataPermissions.READ);
        datasets.find(projectId, datasetId);
        return db.fetch(RECIPE_RUN, RECIPE_RUN.PROJECT_ID.eq(projectId).and(RECIPE_RUN.DATASET_ID.eq(datasetId)),
                RECIPE_RUN.REQUESTED_AT.desc()).stream().limit(LISTED).map(RecipeRuns::state).toList();
    }

    /** One run; another project's or tenant's is not found. */
    public RunState run(UUID projectId, UUID runId) {
        permissions.require(DataPermissions.READ);
        return db.fetchOptional(RECIPE_RUN, RECIPE_RUN.PROJECT_ID.eq(projectId).and(RECIPE_RUN.ID.eq(runId))).map(RecipeRuns::state)
                .orElseThrow(() -> new NotFoundException("Recipe run"));
    }

    static RunState state(RecipeRunRecord run) {
        return new RunState(run.getId(), RunState.Kind.valueOf(run.getKind()), run.getRecipeId(), run.getRecipeName(), title(run),
                RunState.Status.valueOf(run.getStatus()), run.getProgress(), run.getMessage(), run.getResultId(), run.getRequestedBy(),
                run.getRequestedAt());
    }

    private static String title(RecipeRunRecord run) {
        return (run.getKind().equals(RunState.Kind.FIT.name()) ? "Fit " : "Apply ") + run.getRecipeName();
    }

    private static List<TransformStep> steps(List<StepPlan> plan) {
        return plan.stream().map(p -> new TransformStep(p.operation().id(), p.inputs(), p.choices())).toList();
    }

    static String clip(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
