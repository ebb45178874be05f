package dev.cairn.plugin.data;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import java.util.List;
import org.springframework.stereotype.Component;

/** The data lifecycle stage. This first version registers the datasets a project works with. */
@Component
class DataPlugin implements StagePlugin {

    static final String ID = "data";
    static final String DATASET_ARTIFACT = "data.dataset";
    static final String REGISTRATION_EXECUTION = "data.registration";

    private final DatasetService datasets;

    DataPlugin(DatasetService datasets) {
        this.datasets = datasets;
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
        return DataPermissions.ALL;
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(DATASET_ARTIFACT), List.of(REGISTRATION_EXECUTION), java.util.Map.of(DATASET_ARTIFACT, "Dataset", REGISTRATION_EXECUTION, "Dataset registration"));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Datasets registered", datasets::gate));
    }
}
