package dev.cairn.api.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Artifact and execution types a plugin records, each prefixed "{plugin id}.", with the name the
 * lineage view shows for each (its legend and details panel): users read "Dataset registration",
 * not "data.registration". A type without a display name is shown as the words of its id.
 */
public record LineageTypes(List<String> artifactTypes, List<String> executionTypes, Map<String, String> displayNames) {

    public LineageTypes {
        artifactTypes = List.copyOf(artifactTypes);
        executionTypes = List.copyOf(executionTypes);
        displayNames = Map.copyOf(displayNames);
        for (Map.Entry<String, String> name : displayNames.entrySet()) {
            if (!artifactTypes.contains(name.getKey()) && !executionTypes.contains(name.getKey())) {
                throw new IllegalArgumentException("Display name given for lineage type '" + name.getKey()
                        + "', which is neither an artifact nor an execution type of the plugin");
            }
            if (name.getValue().isBlank()) {
                throw new IllegalArgumentException("Lineage type '" + name.getKey() + "' has a blank display name");
            }
        }
    }

    /** Types whose display names are the words of their ids. */
    public LineageTypes(List<String> artifactTypes, List<String> executionTypes) {
        this(artifactTypes, executionTypes, Map.of());
    }

    /** The name shown for a type: the plugin's, else the words after the plugin prefix ("baseline-evaluation": "Baseline evaluation"). */
    public String displayName(String type) {
        String given = displayNames.get(type);
        return given != null ? given : wordsOf(type);
    }

    /** A type id as words, for types no plugin names (one recorded before its plugin was removed). */
    public static String wordsOf(String type) {
        String local = type.substring(type.indexOf('.') + 1).replace('-', ' ').replace('_', ' ').strip();
        if (local.isEmpty()) {
            return type;
        }
        return local.substring(0, 1).toUpperCase(Locale.ROOT) + local.substring(1);
    }
}
