package dev.cairn.app.lineage;

import dev.cairn.api.plugin.LineageTypes;
import dev.cairn.api.plugin.StagePlugin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The display name of every lineage type, as the plugins declare them; a type no plugin declares
 * (the platform's own project context, or one left by a removed plugin) is shown as the words of its id.
 */
@Component
public class LineageTypeNames {

    private final Map<String, String> names = new HashMap<>();

    LineageTypeNames(List<StagePlugin> plugins) {
        for (StagePlugin plugin : plugins) {
            LineageTypes types = plugin.lineageTypes();
            types.artifactTypes().forEach(type -> names.put(type, types.displayName(type)));
            types.executionTypes().forEach(type -> names.put(type, types.displayName(type)));
        }
    }

    public String nameOf(String type) {
        return names.getOrDefault(type, LineageTypes.wordsOf(type));
    }
}
