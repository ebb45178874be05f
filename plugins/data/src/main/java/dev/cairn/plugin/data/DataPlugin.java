package dev.cairn.plugin.data;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import dev.cairn.plugin.data.driftpage.DriftPart;
import dev.cairn.plugin.data.labels.LabelsPart;
import dev.cairn.plugin.data.schema.SchemaPart;
import dev.cairn.plugin.data.selection.SelectionPart;
import dev.cairn.plugin.data.statistics.StatisticsPart;
import dev.cairn.plugin.data.validation.DataGate;
import dev.cairn.plugin.data.validation.ValidationPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    /**
     * The plugin's feature packages, each with its pages and lineage types; the order is the menu's and the legend's.
     * A new package adds its part here.
     */
    static final List<DataPart> PARTS = List.of(DatasetsPart.PART, StatisticsPart.PART, SchemaPart.PART, DriftPart.PART,
            LabelsPart.PART, RecipesPart.PART, ValidationPart.PART, dev.cairn.plugin.data.recipepage.RecipePagePart.PART, SelectionPart.PART);

    /** What the data stage records about a dataset's own versions: never a dependent that stops its deletion. */
    static final Set<String> OWN_VERSION_TYPES = PARTS.stream().flatMap(p -> p.ownVersionTypes().stream())
            .collect(Collectors.toUnmodifiableSet());

    private final DataGate gate;

    DataPlugin(DataGate gate) {
        this.gate = gate;
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

    /** Every part's pages (a dataset's page and the pages under it are reached from the list, not the menu). */
    @Override
    public List<Class<? extends com.vaadin.flow.component.Component>> routes() {
        return PARTS.stream().<Class<? extends com.vaadin.flow.component.Component>>flatMap(p -> p.routes().stream()).toList();
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return DataPermissions.ALL;
    }

    @Override
    public LineageTypes lineageTypes() {
        Map<String, String> names = new LinkedHashMap<>();
        PARTS.forEach(p -> {
            names.putAll(p.artifacts());
            names.putAll(p.executions());
        });
        return new LineageTypes(PARTS.stream().flatMap(p -> p.artifacts().keySet().stream()).toList(),
                PARTS.stream().flatMap(p -> p.executions().keySet().stream()).toList(), names);
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of(StageGateCheck.of("Training data validated", gate::check));
    }
}
