package dev.cairn.plugin.data;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import java.util.List;
import org.springframework.stereotype.Component;

/** The data lifecycle stage: a project's datasets and their immutable, checked versions. */
@Component
class DataPlugin implements StagePlugin {

    static final String ID = "data";
    static final String DATASET_ARTIFACT = "data.dataset";
    static final String REGISTRATION_EXECUTION = "data.registration";
    static final String VERSION_ARTIFACT = "data.dataset-version";
    static final String IMPORT_EXECUTION = "data.import";
    static final String TOMBSTONE_ARTIFACT = "data.deleted-version";
    static final String DELETION_EXECUTION = "data.version-deletion";
    /** What the data stage records about a dataset's own versions: never a dependent that stops its deletion. */
    static final java.util.Set<String> OWN_VERSION_TYPES = java.util.Set.of(VERSION_ARTIFACT, IMPORT_EXECUTION, TOMBSTONE_ARTIFACT,
            DELETION_EXECUTION);

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

    /** The list from the navigation, each dataset's page (reached from the list, not the menu) and a version's label agreement. */
    @Override
    public List<Class<? extends com.vaadin.flow.component.Component>> routes() {
        return List.of(DatasetsView.class, DatasetView.class, dev.cairn.plugin.data.labels.LabelAgreementView.class);
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return DataPermissions.ALL;
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(DATASET_ARTIFACT, VERSION_ARTIFACT, TOMBSTONE_ARTIFACT),
                List.of(REGISTRATION_EXECUTION, IMPORT_EXECUTION, DELETION_EXECUTION),
                java.util.Map.of(DATASET_ARTIFACT, "Dataset", REGISTRATION_EXECUTION, "Dataset registration", VERSION_ARTIFACT, "Dataset version",
                        IMPORT_EXECUTION, "Dataset import", TOMBSTONE_ARTIFACT, "Deleted dataset version", DELETION_EXECUTION,
                        "Dataset version deletion"));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Datasets registered", datasets::gate));
    }
}
