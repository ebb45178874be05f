package dev.cairn.app.lineage;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties of an artifact or execution, kept as a JSON object of strings in one column: a
 * property set differs per type, and nothing queries by property, so a key-value table would only
 * add joins.
 */
final class LineageProperties {

    static final int MAX_LENGTH = 4000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private LineageProperties() {
    }

    /** The JSON to store, or null for no properties; refuses what would not fit the column. */
    static String toJson(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw new IllegalArgumentException("A lineage property needs a name");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("Lineage property '" + entry.getKey() + "' has no value");
            }
        }
        // Sorted, so equal maps give equal JSON and the details panel lists them in a stable order.
        String json = JSON.writeValueAsString(new TreeMap<>(properties));
        if (json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Lineage properties take " + json.length()
                    + " characters as JSON; at most " + MAX_LENGTH + " fit");
        }
        return json;
    }

    static Map<String, String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JacksonException corrupt) {
            throw new IllegalStateException("Stored lineage properties are not a JSON object of strings", corrupt);
        }
    }
}
