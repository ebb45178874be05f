package dev.cairn.plugin.data;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.plugin.data.statistics.StatisticsLineage;
import dev.cairn.plugin.data.schema.SchemaLineage;
import dev.cairn.plugin.data.schema.SchemaView;
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
    static final String RECIPE_ARTIFACT = "data.recipe-version";
    static final String RECIPE_FIT_EXECUTION = "data.recipe-fit";
    /** What the data stage records about a dataset's own versions: never a dependent that stops its deletion. */
    static final java.util.Set<String> OWN_VERSION_TYPES = java.util.Set.of(VERSION_ARTIFACT, IMPORT_EXECUTION, TOMBSTONE_ARTIFACT,
            DELETION_EXECUTION, StatisticsLineage.STATISTICS_ARTIFACT, StatisticsLineage.PROFILING_EXECUTION, SchemaLineage.VERSION_ARTIFACT,
            SchemaLineage.INFERENCE_EXECUTION, SchemaLineage.EDIT_EXECUTION, SchemaLineage.APPROVAL_EXECUTION,
            dev.cairn.plugin.data.driftpage.DatasetDrift.REPORT_ARTIFACT, dev.cairn.plugin.data.driftpage.DatasetDrift.COMPARISON_EXECUTION,
            RECIPE_ARTIFACT, RECIPE_FIT_EXECUTION);

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

    /**
     * The list from the navigation, each dataset's page (reached from the list, not the menu), a version's statistics
     * pages and label agreement, the dataset's schema and its drift between versions.
     */
    @Override
    public List<Class<? extends com.vaadin.flow.component.Component>> routes() {
        return List.of(DatasetsView.class, DatasetView.class, dev.cairn.plugin.data.statistics.ProfileView.class,
                dev.cairn.plugin.data.statistics.ColumnView.class, SchemaView.class, dev.cairn.plugin.data.driftpage.DatasetDriftView.class,
                dev.cairn.plugin.data.labels.LabelAgreementView.class);
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return DataPermissions.ALL;
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(DATASET_ARTIFACT, VERSION_ARTIFACT, TOMBSTONE_ARTIFACT, StatisticsLineage.STATISTICS_ARTIFACT,
                SchemaLineage.VERSION_ARTIFACT, dev.cairn.plugin.data.driftpage.DatasetDrift.REPORT_ARTIFACT, RECIPE_ARTIFACT),
                List.of(REGISTRATION_EXECUTION, IMPORT_EXECUTION, DELETION_EXECUTION, StatisticsLineage.PROFILING_EXECUTION,
                        SchemaLineage.INFERENCE_EXECUTION, SchemaLineage.EDIT_EXECUTION, SchemaLineage.APPROVAL_EXECUTION,
                        dev.cairn.plugin.data.driftpage.DatasetDrift.COMPARISON_EXECUTION, RECIPE_FIT_EXECUTION),
                java.util.Map.ofEntries(java.util.Map.entry(DATASET_ARTIFACT, "Dataset"), java.util.Map.entry(REGISTRATION_EXECUTION, "Dataset registration"),
                        java.util.Map.entry(VERSION_ARTIFACT, "Dataset version"), java.util.Map.entry(IMPORT_EXECUTION, "Dataset import"),
                        java.util.Map.entry(TOMBSTONE_ARTIFACT, "Deleted dataset version"), java.util.Map.entry(DELETION_EXECUTION, "Dataset version deletion"),
                        java.util.Map.entry(StatisticsLineage.STATISTICS_ARTIFACT, "Dataset statistics"),
                        java.util.Map.entry(StatisticsLineage.PROFILING_EXECUTION, "Profiling"),
                        java.util.Map.entry(SchemaLineage.VERSION_ARTIFACT, "Schema version"),
                        java.util.Map.entry(SchemaLineage.INFERENCE_EXECUTION, "Schema inference"),
                        java.util.Map.entry(SchemaLineage.EDIT_EXECUTION, "Schema edit"),
                        java.util.Map.entry(SchemaLineage.APPROVAL_EXECUTION, "Schema approval"),
                        java.util.Map.entry(dev.cairn.plugin.data.driftpage.DatasetDrift.REPORT_ARTIFACT, "Drift report"),
                        java.util.Map.entry(dev.cairn.plugin.data.driftpage.DatasetDrift.COMPARISON_EXECUTION, "Drift comparison"),
                        java.util.Map.entry(RECIPE_ARTIFACT, "Transform recipe version"), java.util.Map.entry(RECIPE_FIT_EXECUTION, "Recipe fitting")));
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Datasets registered", datasets::gate));
    }
}
