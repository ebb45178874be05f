package dev.cairn.plugin.data.selection;

import dev.cairn.api.data.TransformStep;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Saves a feature selection into a transform recipe: a step that drops the ranked features not
 * kept. Into a new recipe that step is its plan; into an existing one it is appended to the newest
 * version's plan (dropping only what that recipe still gives), as the recipe's next version. Either
 * way the recipe is fitted on the ranked version through {@link DatasetRecipes}, which checks the
 * permission ({@code data.edit-recipe}), the name and the reason.
 */
@Service
public class SelectionRecipes {

    private final DatasetRecipes recipes;
    private final DatasetVersions versions;
    private final FeatureRankings rankings;
    private final PermissionCheck permissions;

    SelectionRecipes(DatasetRecipes recipes, DatasetVersions versions, FeatureRankings rankings, PermissionCheck permissions) {
        this.recipes = recipes;
        this.versions = versions;
        this.rankings = rankings;
        this.permissions = permissions;
    }

    /** The reason a saved selection carries unless the user writes another. */
    public static String suggestedReason(FeatureRanking ranking, RankingMethod method, int kept) {
        return "Keep the " + kept + " of " + ranking.features().size() + " features chosen by " + method.title() + " against "
                + ranking.label() + (ranking.sampled() ? " (ranked on the first " + ranking.rowsRead() + " rows)" : "");
    }

    /**
     * A new recipe of the version's dataset whose one step drops the features not kept.
     *
     * @param label the label of the stored ranking whose features these are
     * @param kept  the features to keep (the label is always kept)
     * @throws IllegalArgumentException on the field: "Features: ..." when nothing or everything is kept, or the recipe's own refusals
     */
    public DatasetRecipes.Version intoNewRecipe(UUID projectId, UUID versionId, String label, Collection<String> kept, String name,
                                                String reason) {
        permissions.require(DataPermissions.EDIT_RECIPE);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        List<String> dropped = dropped(stored(projectId, versionId, label), kept);
        return recipes.create(projectId, version.getDatasetId(), name, versionId, List.of(drop(dropped)), requireReason(reason));
    }

    /**
     * The recipe's next version: its newest plan and a step dropping the features not kept that it still gives.
     *
     * @throws IllegalArgumentException "Features: ..." when the recipe already leaves every one of them out
     */
    public DatasetRecipes.Version intoRecipe(UUID projectId, UUID recipeId, UUID versionId, String label, Collection<String> kept,
                                             String reason) {
        permissions.require(DataPermissions.EDIT_RECIPE);
        List<String> dropped = dropped(stored(projectId, versionId, label), kept);
        DatasetRecipes.Version newest = recipes.versions(projectId, recipeId).getFirst();
        Set<String> gives = new LinkedHashSet<>(newest.outputColumns());
        List<String> stillGiven = dropped.stream().filter(gives::contains).toList();
        if (stillGiven.isEmpty()) {
            throw new IllegalArgumentException("Features: " + newest.recipe().name() + " v" + newest.recipe().version()
                    + " already leaves out every feature not kept: there is nothing to add to it.");
        }
        List<StepPlan> plan = new ArrayList<>();
        for (TransformStep step : newest.plan()) {
            plan.add(new StepPlan(Operation.of(step.operation()).orElseThrow(), step.inputs(), step.parameters()));
        }
        plan.add(drop(stillGiven));
        return recipes.refit(projectId, recipeId, versionId, plan, requireReason(reason));
    }

    /** The features are the stored ranking's, never a caller's list. */
    private FeatureRanking stored(UUID projectId, UUID versionId, String label) {
        return rankings.state(projectId, versionId, label).flatMap(RankingState::ranking).orElseThrow(() -> new IllegalArgumentException(
                "Features: the version's features were not ranked against " + label + " yet: rank them first."));
    }

    private static List<String> dropped(FeatureRanking ranking, Collection<String> kept) {
        Set<String> keep = new LinkedHashSet<>(kept);
        for (String name : keep) {
            if (ranking.feature(name).isEmpty()) {
                throw new IllegalArgumentException("Features: " + name + " is not a ranked feature of this version.");
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("Features: keep at least one feature.");
        }
        List<String> dropped = ranking.features().stream().map(FeatureRanking.FeatureScore::name).filter(n -> !keep.contains(n)).toList();
        if (dropped.isEmpty()) {
            throw new IllegalArgumentException("Features: every feature is kept, so the recipe would drop nothing; untick those to leave out.");
        }
        return dropped;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Reason: say why these features are kept (it is kept with the recipe version).");
        }
        return reason;
    }

    private static StepPlan drop(List<String> columns) {
        return new StepPlan(Operation.DROP, columns, Map.of());
    }
}
