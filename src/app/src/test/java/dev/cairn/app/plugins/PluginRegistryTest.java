package dev.cairn.app.plugins;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.NavigationEntry;
import dev.cairn.api.plugin.PermissionDefinition;
import dev.cairn.api.plugin.Stage;
import dev.cairn.api.plugin.StageGateCheck;
import dev.cairn.api.plugin.StagePlugin;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    @Route(value = "demo/things", registerAtStartup = false)
    static class PrefixedView extends Div {
    }

    @Route(value = "things", registerAtStartup = false)
    static class UnprefixedView extends Div {
    }

    record FakePlugin(String id, List<NavigationEntry> navigation, List<PermissionDefinition> permissions,
                      LineageTypes lineageTypes) implements StagePlugin {
        @Override
        public Stage stage() {
            return Stage.DATA;
        }

        @Override
        public List<StageGateCheck> gateChecks() {
            return List.of();
        }
    }

    private static FakePlugin valid(String id) {
        return new FakePlugin(id, List.of(new NavigationEntry("Things", PrefixedView.class)),
                List.of(new PermissionDefinition(id + ".edit", "edit", dev.cairn.api.plugin.Audience.MANAGERS)),
                new LineageTypes(List.of(id + ".thing"), List.of(id + ".make")));
    }

    @Test
    void aWellFormedPluginIsAccepted() {
        assertThatCode(() -> new PluginRegistry(List.of(valid("demo")))).doesNotThrowAnyException();
    }

    @Test
    void twoPluginsWithTheSameIdStopStartUpNamingTheId() {
        assertThatThrownBy(() -> new PluginRegistry(List.of(valid("demo"), valid("demo"))))
                .isInstanceOf(PluginRegistry.PluginConfigurationException.class)
                .hasMessageContaining("Two plugins have the id 'demo'");
    }

    @Test
    void aRouteWithoutThePluginPrefixStopsStartUp() {
        var plugin = new FakePlugin("demo", List.of(new NavigationEntry("Bad", UnprefixedView.class)), List.of(),
                new LineageTypes(List.of(), List.of()));
        assertThatThrownBy(() -> new PluginRegistry(List.of(plugin)))
                .hasMessageContaining("must have a @Route starting with 'demo/'").hasMessageContaining("'things'");
    }

    @Test
    void aLineageTypeWithoutThePluginPrefixStopsStartUp() {
        var plugin = new FakePlugin("demo", List.of(), List.of(), new LineageTypes(List.of("dataset"), List.of()));
        assertThatThrownBy(() -> new PluginRegistry(List.of(plugin)))
                .hasMessageContaining("lineage type 'dataset' must be prefixed 'demo.'");
    }

    @Test
    void aPermissionOfAnotherPluginsIdStopsStartUp() {
        var plugin = new FakePlugin("demo", List.of(), List.of(new PermissionDefinition("other.edit", "x",
                dev.cairn.api.plugin.Audience.MANAGERS)), new LineageTypes(List.of(), List.of()));
        assertThatThrownBy(() -> new PluginRegistry(List.of(plugin))).hasMessageContaining("permission 'other.edit'");
    }

    @Test
    void aPermissionIdWithoutAPluginPartIsRefusedWhereItIsDeclared() {
        assertThatThrownBy(() -> new PermissionDefinition("edit", "x", dev.cairn.api.plugin.Audience.MANAGERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'<plugin id>.<action>'");
    }

    @Test
    void aPluginMayNotTakeAnIdThePlatformKeeps() {
        for (String reserved : new String[] {"api", "platform", "admin", "lineage"}) {
            assertThatThrownBy(() -> new PluginRegistry(List.of(valid(reserved))))
                    .as(reserved).hasMessageContaining("'" + reserved + "', which the platform keeps");
        }
    }
}
