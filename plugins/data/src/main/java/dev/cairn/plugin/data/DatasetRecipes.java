package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.RECIPE;
import static dev.cairn.plugin.data.db.Tables.RECIPE_VERSION;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.data.DatasetCatalog;
import dev.cairn.api.data.SchemaRef;
import dev.cairn.api.data.TransformRecipe;
import dev.cairn.api.data.TransformStep;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.data.transform.RecipeTransform;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.db.tables.records.DatasetRecord;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeRecord;
import dev.cairn.plugin.data.db.tables.records.RecipeVersionRecord;
import dev.cairn.plugin.data.profile.RowSource;
import dev.cairn.plugin.data.recipe.FittedRecipe;
import dev.cairn.plugin.data.recipe.RecipeFitter;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset's transform recipes: each version is fitted on one of the dataset's versions and never
 * changes; refitting or editing the steps makes the next version, with its author and reason.
 * Applying a version is {@link RecipeTransform}'s (cairn-api), the same for every stage.
 */
@Service
public class DatasetRecipes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<TransformStep>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final TenantDb db;
    private final PermissionCheck permissions;
    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DatasetCatalog catalog;
    private final VersionRows rows;
    private final LineageRecorder lineage;
    private final AuditLog audit;

    DatasetRecipes(TenantDb db, PermissionCheck permissions, DatasetService datasets, DatasetVersions versions, DatasetCatalog catalog,
                   VersionRows rows, LineageRecorder lineage, AuditLog audit) {
        this.db = db;
        this.permissions = permissions;
        this.datasets = datasets;
        this.versions = versions;
        this.catalog = catalog;
        this.rows = rows;
        this.lineage = lineage;
        this.audit = audit;
    }

    /** A recipe version as the pages show it. */
    public record Version(RecipeVersionRecord row, TransformRecipe recipe, List<TransformStep> plan, List<String> notes,
                          List<String> inputColumns, List<String> outputColumns) {
    }

    /** Rows before and after a recipe, for a person to check it. */
    public record Preview(List<String> inputColumns, List<String[]> before, List<String> outputColumns, List<String[]> after,
                          List<Boolean> dropped) {
    }

    /** The dataset's recipes by name. */
    public List<RecipeRecord> recipes(UUID projectId, UUID datasetId) {
        datasets.find(projectId, datasetId);
        return db.fetch(RECIPE, RECIPE.DATASET_ID.eq(datasetId), RECIPE.NAME.asc());
    }

    /** The recipe's versions, newest first. */
    public List<Version> versions(UUID projectId, UUID recipeId) {
        RecipeRecord recipe = requireRecipe(projectId, recipeId);
        return db.fetch(RECIPE_VERSION, RECIPE_VERSION.RECIPE_ID.eq(recipeId), RECIPE_VERSION.VERSION.desc()).map(v -> toVersion(recipe, v));
    }

    /**
     * A new recipe, its version 1 fitted on the given version of the dataset (at once, in the caller's thread: the
     * recipes page fits as a background job through {@link #checkCreate}, {@link #fit} and {@link #storeCreated}).
     *
     * @throws dev.cairn.api.data.transform.InvalidRecipeException naming the step that cannot be fitted
     * @throws IllegalArgumentException for a name that is empty, too long or taken
     */
    @Transactional
    public Version create(UUID projectId, UUID datasetId, String name, UUID trainingVersionId, List<StepPlan> plan, String reason) {
        String clean = checkCreate(projectId, datasetId, name, trainingVersionId, plan, reason);
        return storeCreated(projectId, datasetId, clean, trainingVersionId, plan, fit(projectId, trainingVersionId, plan, UnaryOperator.identity()),
                reason);
    }

    /**
     * The recipe's next version: the steps (changed or not) fitted on the given version.
     *
     * @param reason why, kept with the version (required)
     */
    @Transactional
    public Version refit(UUID projectId, UUID recipeId, UUID trainingVersionId, List<StepPlan> plan, String reason) {
        checkRefit(projectId, recipeId, trainingVersionId, plan, reason);
        return storeRefit(projectId, recipeId, trainingVersionId, plan, fit(projectId, trainingVersionId, plan, UnaryOperator.identity()), reason);
    }

    /**
     * Everything about a new recipe that can be checked before its fit reads the training version: the permission, the
     * name (1 to 120 characters, not taken), the steps (at least one), the reason's length, and the training version
     * (live, of this dataset).
     *
     * @return the name as it will be stored
     */
    public String checkCreate(UUID projectId, UUID datasetId, String name, UUID trainingVersionId, List<StepPlan> plan, String reason) {
        permissions.require(DataPermissions.EDIT_RECIPE);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new IllegalArgumentException("Name: give the recipe a name of 1 to 120 characters.");
        }
        if (db.count(RECIPE, RECIPE.DATASET_ID.eq(datasetId).and(RECIPE.NAME.eq(clean))) > 0) {
            throw new IllegalArgumentException("Name: " + dataset.getName() + " has a recipe called " + clean + " already.");
        }
        checkFit(projectId, datasetId, trainingVersionId, plan, reason == null ? "" : reason);
        return clean;
    }

    /** What {@link #refit} checks before its fit reads the training version; the reason is required. */
    public RecipeRecord checkRefit(UUID projectId, UUID recipeId, UUID trainingVersionId, List<StepPlan> plan, String reason) {
        permissions.require(DataPermissions.EDIT_RECIPE);
        RecipeRecord recipe = requireRecipe(projectId, recipeId);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Reason: say why the recipe changes (it is kept with the version).");
        }
        checkFit(projectId, recipe.getDatasetId(), trainingVersionId, plan, reason);
        return recipe;
    }

    private void checkFit(UUID projectId, UUID datasetId, UUID trainingVersionId, List<StepPlan> plan, String reason) {
        if (reason.length() > 1000) {
            throw new IllegalArgumentException("Reason must have at most 1000 characters.");
        }
        if (plan == null || plan.isEmpty()) {
            throw new IllegalArgumentException("Steps: a recipe needs at least one step.");
        }
        if (trainingVersionId == null) {
            throw new IllegalArgumentException("Training version: choose the version to fit the recipe on.");
        }
        DatasetVersionRecord training = liveVersion(projectId, trainingVersionId);
        if (!training.getDatasetId().equals(datasetId)) {
            throw new NotFoundException("Dataset version");
        }
    }

    /**
     * Fits the steps on the training version, reading it as often as the steps need (the long part: a job's work).
     *
     * @param watch wraps each pass's rows (a job reports progress and stops on a cancel there)
     * @throws dev.cairn.api.data.transform.InvalidRecipeException naming the step that cannot be fitted
     */
    public FittedRecipe fit(UUID projectId, UUID trainingVersionId, List<StepPlan> plan, UnaryOperator<RowSource> watch) {
        DatasetVersionRecord training = liveVersion(projectId, trainingVersionId);
        List<String> columns = versions.columnNames(training.getId());
        try {
            return RecipeFitter.fit(columns, plan, () -> watch.apply(open(training)));
        } catch (IOException e) {
            throw new UncheckedIOException("Version " + training.getVersion() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Stores a new recipe and its version 1 as fitted, with its lineage; the name is checked again (another may have taken it meanwhile). */
    @Transactional
    public Version storeCreated(UUID projectId, UUID datasetId, String name, UUID trainingVersionId, List<StepPlan> plan, FittedRecipe fitted,
                                String reason) {
        var user = permissions.require(DataPermissions.EDIT_RECIPE);
        DatasetRecord dataset = datasets.find(projectId, datasetId);
        String clean = checkCreate(projectId, datasetId, name, trainingVersionId, plan, reason);
        RecipeRecord recipe = db.newRecord(RECIPE);
        recipe.setId(UUID.randomUUID());
        recipe.setProjectId(projectId);
        recipe.setDatasetId(datasetId);
        recipe.setName(clean);
        recipe.setCreatedBy(user.username());
        recipe.setCreatedAt(now());
        try {
            db.insert(recipe);
        } catch (DuplicateKeyException raced) {
            throw new IllegalArgumentException("Name: " + dataset.getName() + " has a recipe called " + clean + " already.");
        }
        return storeVersion(projectId, recipe, 1, trainingVersionId, plan, fitted, reason == null || reason.isBlank() ? "First version" : reason,
                user.username());
    }

    /** Stores the recipe's next version as fitted, with its lineage. */
    @Transactional
    public Version storeRefit(UUID projectId, UUID recipeId, UUID trainingVersionId, List<StepPlan> plan, FittedRecipe fitted, String reason) {
        var user = permissions.require(DataPermissions.EDIT_RECIPE);
        RecipeRecord recipe = checkRefit(projectId, recipeId, trainingVersionId, plan, reason);
        int next = db.fetch(RECIPE_VERSION, RECIPE_VERSION.RECIPE_ID.eq(recipeId), RECIPE_VERSION.VERSION.desc()).stream().findFirst()
                .map(v -> v.getVersion() + 1).orElse(1);
        return storeVersion(projectId, recipe, next, trainingVersionId, plan, fitted, reason, user.username());
    }

    /** Deletes the recipe and its versions; lineage keeps what they were. */
    @Transactional
    public void delete(UUID projectId, UUID recipeId) {
        permissions.require(DataPermissions.EDIT_RECIPE);
        RecipeRecord recipe = requireRecipe(projectId, recipeId);
        db.delete(RECIPE_VERSION, RECIPE_VERSION.RECIPE_ID.eq(recipeId));
        db.delete(RECIPE, RECIPE.ID.eq(recipeId));
        audit.record("data.recipe.delete", "recipe " + recipe.getName() + " (" + recipeId + ")", AuditLog.Outcome.SUCCESS, "");
    }

    /**
     * The first {@code count} rows of a dataset version before and after a recipe version (a row the
     * recipe's filters drop is marked, its "after" empty).
     */
    public Preview preview(UUID projectId, UUID recipeVersionId, UUID datasetVersionId, int count) {
        permissions.require(DataPermissions.READ);
        Version version = requireVersion(projectId, recipeVersionId);
        DatasetVersionRecord data = liveVersion(projectId, datasetVersionId);
        RecipeTransform transform = RecipeTransform.compile(version.recipe(), version.inputColumns());
        List<String> columns = versions.columnNames(data.getId());
        if (!columns.equals(version.inputColumns())) {
            throw new IllegalArgumentException("Version " + data.getVersion() + " has the columns " + String.join(", ", columns)
                    + "; the recipe takes " + String.join(", ", version.inputColumns()) + ".");
        }
        List<String[]> before = new ArrayList<>();
        List<String[]> after = new ArrayList<>();
        List<Boolean> dropped = new ArrayList<>();
        RecipeTransform.Batch batch = transform.newBatch();
        try (RowSource source = open(data)) {
            String[] row;
            while (before.size() < count && (row = source.next()) != null) {
                before.add(row);
                Optional<String[]> out = batch.apply(row);
                after.add(out.orElse(new String[0]));
                dropped.add(out.isEmpty());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Version " + data.getVersion() + " could not be read: " + e.getMessage(), e);
        }
        return new Preview(version.inputColumns(), before, transform.outputColumns(), after, dropped);
    }

    /** One recipe version of the project; another project's or tenant's is not found. */
    public Version version(UUID projectId, UUID recipeVersionId) {
        return requireVersion(projectId, recipeVersionId);
    }

    Optional<TransformRecipe> recipe(UUID recipeId, int version) {
        return db.fetchOptional(RECIPE, RECIPE.ID.eq(recipeId)).flatMap(r -> db.fetchOptional(RECIPE_VERSION,
                RECIPE_VERSION.RECIPE_ID.eq(recipeId).and(RECIPE_VERSION.VERSION.eq(version))).map(v -> toVersion(r, v).recipe()));
    }

    List<TransformRecipe> allVersions(UUID recipeId) {
        return db.fetchOptional(RECIPE, RECIPE.ID.eq(recipeId)).map(r -> db.fetch(RECIPE_VERSION, RECIPE_VERSION.RECIPE_ID.eq(recipeId),
                RECIPE_VERSION.VERSION.desc()).map(v -> toVersion(r, v).recipe())).orElse(List.of());
    }

    List<TransformRecipe> newestOfProject(UUID projectId) {
        return db.fetch(RECIPE, RECIPE.PROJECT_ID.eq(projectId), RECIPE.NAME.asc()).stream()
                .flatMap(r -> db.fetch(RECIPE_VERSION, RECIPE_VERSION.RECIPE_ID.eq(r.getId()), RECIPE_VERSION.VERSION.desc()).stream()
                        .findFirst().map(v -> toVersion(r, v).recipe()).stream())
                .toList();
    }

    private Version storeVersion(UUID projectId, RecipeRecord recipe, int number, UUID trainingVersionId, List<StepPlan> plan,
                                 FittedRecipe fitted, String reason, String username) {
        DatasetVersionRecord training = liveVersion(projectId, trainingVersionId);
        List<String> columns = versions.columnNames(training.getId());
        SchemaRef expects = catalog.version(training.getId()).map(v -> v.schema().ref())
                .orElseThrow(() -> new NotFoundException("Dataset version"));
        RecipeTransform transform = RecipeTransform.compile(new TransformRecipe(recipe.getId(), number, recipe.getName(), fitted.steps(),
                expects), columns);
        RecipeVersionRecord row = db.newRecord(RECIPE_VERSION);
        row.setId(UUID.randomUUID());
        row.setRecipeId(recipe.getId());
        row.setVersion(number);
        row.setPlanJson(JSON.writeValueAsString(plan.stream().map(p -> new TransformStep(p.operation().id(), p.inputs(), p.choices())).toList()));
        row.setStepsJson(JSON.writeValueAsString(fitted.steps()));
        row.setNotesJson(JSON.writeValueAsString(fitted.notes()));
        row.setInputColumnsJson(JSON.writeValueAsString(columns));
        row.setOutputColumnsJson(JSON.writeValueAsString(transform.outputColumns()));
        row.setFittedOn(training.getId());
        row.setExpectsSchemaId(expects.schemaId());
        row.setExpectsSchemaVersion(expects.version());
        row.setReason(reason.strip());
        row.setCreatedBy(username);
        row.setCreatedAt(now());
        UUID artifact = lineage.recordArtifact(projectId, DataPlugin.RECIPE_ARTIFACT, recipe.getName() + " v" + number, "cairn-recipe:" + row.getId(),
                Map.of("recipe_id", recipe.getId().toString(), "version", String.valueOf(number), "steps", String.valueOf(fitted.steps().size()),
                        "fitted_on", training.getId().toString()));
        List<UUID> inputs = training.getLineageArtifact() == null ? List.of() : List.of(training.getLineageArtifact());
        lineage.recordExecution(projectId, DataPlugin.RECIPE_FIT_EXECUTION, "Fit " + recipe.getName() + " v" + number, inputs, List.of(artifact),
                Map.of("by", username, "passes", String.valueOf(fitted.passes())));
        row.setLineageArtifact(artifact);
        db.insert(row);
        return toVersion(recipe, row);
    }

    private RowSource open(DatasetVersionRecord version) {
        return rows.open(version.getProjectId(), version.getId());
    }

    private DatasetVersionRecord liveVersion(UUID projectId, UUID versionId) {
        DatasetVersionRecord version = versions.version(projectId, versionId);
        if (version.getDeletedAt() != null) {
            throw new IllegalArgumentException("Version " + version.getVersion() + " was deleted (" + version.getDeletionReason()
                    + "): choose another version.");
        }
        return version;
    }

    private RecipeRecord requireRecipe(UUID projectId, UUID recipeId) {
        permissions.require(DataPermissions.READ);
        return db.fetchOptional(RECIPE, RECIPE.PROJECT_ID.eq(projectId).and(RECIPE.ID.eq(recipeId)))
                .orElseThrow(() -> new NotFoundException("Recipe"));
    }

    private Version requireVersion(UUID projectId, UUID recipeVersionId) {
        RecipeVersionRecord row = db.fetchOptional(RECIPE_VERSION, RECIPE_VERSION.ID.eq(recipeVersionId))
                .orElseThrow(() -> new NotFoundException("Recipe version"));
        return toVersion(requireRecipe(projectId, row.getRecipeId()), row);
    }

    private static Version toVersion(RecipeRecord recipe, RecipeVersionRecord row) {
        List<TransformStep> steps = JSON.readValue(row.getStepsJson(), STEPS);
        TransformRecipe transform = new TransformRecipe(recipe.getId(), row.getVersion(), recipe.getName(), steps,
                new SchemaRef(row.getExpectsSchemaId(), row.getExpectsSchemaVersion()));
        return new Version(row, transform, JSON.readValue(row.getPlanJson(), STEPS), JSON.readValue(row.getNotesJson(), STRINGS),
                JSON.readValue(row.getInputColumnsJson(), STRINGS), JSON.readValue(row.getOutputColumnsJson(), STRINGS));
    }

    static List<StepPlan> plans(List<TransformStep> steps) {
        return steps.stream().map(s -> new StepPlan(Operation.of(s.operation()).orElseThrow(), s.inputs(), s.parameters())).toList();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
