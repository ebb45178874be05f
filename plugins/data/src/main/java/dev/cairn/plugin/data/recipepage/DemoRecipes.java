package dev.cairn.plugin.data.recipepage;

import dev.cairn.api.data.transform.Operation;
import dev.cairn.plugin.data.DatasetRecipes;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.recipe.StepPlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The demo datasets' recipe ("prepare"), fitted on each dataset's first version at once (the demo is seeded before any
 * job runs): impute, scale and one-hot encode what the synthetic generator makes, and drop the identifiers.
 */
@Component
public class DemoRecipes {

    static final String NAME = "prepare";

    private final DatasetService datasets;
    private final DatasetVersions versions;
    private final DatasetRecipes recipes;

    DemoRecipes(DatasetService datasets, DatasetVersions versions, DatasetRecipes recipes) {
        this.datasets = datasets;
        this.versions = versions;
        this.recipes = recipes;
    }

    /** Fits the dataset's demo recipe on its first version; nothing when it has none (the demo without versions). */
    public void seed(UUID projectId, UUID datasetId) {
        List<DatasetVersionRecord> history = versions.history(projectId, datasetId);
        if (history.isEmpty()) {
            return;
        }
        List<StepPlan> plan = "subscribers".equals(datasets.find(projectId, datasetId).getName()) ? subscribers() : weeklyDemand();
        recipes.create(projectId, datasetId, NAME, history.getLast().getId(), plan, "Demo: the usual preparation for a first model");
    }

    private static StepPlan step(Operation operation, String column, Map<String, String> choices) {
        return new StepPlan(operation, List.of(column), choices);
    }

    static List<StepPlan> subscribers() {
        return List.of(step(Operation.IMPUTE, "last_login_days", Map.of("strategy", "median")),
                step(Operation.LOG, "data_gb", Map.of()),
                step(Operation.STANDARDIZE, "tenure_months", Map.of()),
                step(Operation.STANDARDIZE, "monthly_charge", Map.of()),
                step(Operation.ONE_HOT, "plan", Map.of("top", "10", "other", "true")),
                step(Operation.ONE_HOT, "region", Map.of("top", "10")),
                new StepPlan(Operation.DROP, List.of("subscriber_id", "signup_date"), Map.of()));
    }

    static List<StepPlan> weeklyDemand() {
        return List.of(step(Operation.STANDARDIZE, "price", Map.of()),
                step(Operation.STANDARDIZE, "temperature_c", Map.of()),
                step(Operation.ONE_HOT, "store", Map.of("top", "20", "other", "true")),
                step(Operation.ONE_HOT, "category", Map.of("top", "10")),
                new StepPlan(Operation.DROP, List.of("week"), Map.of()));
    }
}
