package dev.cairn.app.lineage;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One artifact or execution as the details panel shows it. {@code uri} is set for artifacts only,
 * {@code state} for executions only.
 */
public record NodeDetails(UUID id, NodeKind kind, String type, String name, String uri,
                          Map<String, String> properties, OffsetDateTime createdAt, String state) {
    public NodeDetails {
        // Sorted by name, so the details panel lists properties in a stable order.
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
