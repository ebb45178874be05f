package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.DATASET;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.api.tenancy.TenantDb;
import java.util.List;
import org.springframework.stereotype.Component;

/** The data lifecycle stage. This first version registers the datasets a project works with. */
@Component
class DataPlugin implements StagePlugin {

    static final String ID = "data";
    static final String DATASET_ARTIFACT = "data.dataset";
    static final String REGISTRATION_EXECUTION = "data.registration";

    private final TenantDb db;

    DataPlugin(TenantDb db) {
        this.db = db;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.DATA;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("Datasets", DatasetsView.class));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(DataPermissions.REGISTER);
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(DATASET_ARTIFACT), List.of(REGISTRATION_EXECUTION), java.util.Map.of(DATASET_ARTIFACT, "Dataset", REGISTRATION_EXECUTION, "Dataset registration"));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Datasets registered", project -> {
            int count = db.count(DATASET, DATASET.PROJECT_ID.eq(project.id()));
            return count > 0 ? StageGateCheck.GateResult.pass(count + " dataset(s) registered")
                    : StageGateCheck.GateResult.fail("Register the dataset the model will learn from.");
        }));
    }
}
