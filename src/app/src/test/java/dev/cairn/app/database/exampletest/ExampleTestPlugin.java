package dev.cairn.app.database.exampletest;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import java.util.List;

/**
 * The smallest plugin there is, for the migration tests only: an id, and (in src/test/resources)
 * its migrations at {@code cairn/db/<id>/}. No views, permissions or checks. Not a component: a
 * test registers it through {@link ExampleTestPluginConfiguration} or constructs it.
 */
public record ExampleTestPlugin(String id) implements StagePlugin {

    public static final String ID = "exampletest";

    @Override
    public Stage stage() {
        return Stage.DEPLOYMENT;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of();
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of();
    }

    @Override
    public LineageTypes lineageTypes() {
        return new LineageTypes(List.of(), List.of());
    }

    @Override
    public List<StageGateCheck> gateChecks() {
        return List.of();
    }
}
