package dev.cairn.plugin.modeling;

import static dev.cairn.plugin.modeling.db.Tables.BASELINE;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.api.tenancy.TenantDb;
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

    private final TenantDb db;

    ModelingPlugin(TenantDb db) {
        this.db = db;
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
        return List.of(ModelingPermissions.RECORD_BASELINE);
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(BASELINE_ARTIFACT), List.of(EVALUATION_EXECUTION), java.util.Map.of(BASELINE_ARTIFACT, "Baseline", EVALUATION_EXECUTION, "Baseline evaluation"));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Baseline to beat", project -> {
            int count = db.count(BASELINE, BASELINE.PROJECT_ID.eq(project.id()));
            return count > 0 ? StageGateCheck.GateResult.pass(count + " baseline(s) recorded")
                    : StageGateCheck.GateResult.fail("Record the performance a model must beat.");
        }));
    }
}
