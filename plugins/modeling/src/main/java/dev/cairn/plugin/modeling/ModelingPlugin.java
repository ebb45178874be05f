package dev.cairn.plugin.modeling;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The modeling stage. This first version records baselines: the performance to beat (a heuristic,
 * a simple model or human-level performance), each tracked as an MLflow run.
 */
@Component
class ModelingPlugin implements StagePlugin {

    static final String ID = "modeling";
    static final String BASELINE_ARTIFACT = "modeling.baseline";
    static final String EVALUATION_EXECUTION = "modeling.baseline-evaluation";

    private final BaselineService baselines;

    ModelingPlugin(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.MODELING;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("Baselines", BaselinesView.class));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return ModelingPermissions.ALL;
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(BASELINE_ARTIFACT), List.of(EVALUATION_EXECUTION), java.util.Map.of(BASELINE_ARTIFACT, "Baseline", EVALUATION_EXECUTION, "Baseline evaluation"));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Baseline to beat", baselines::gate));
    }
}
