package dev.cairn.api.tracking;

import java.util.Map;

/** A finished run: its name, parameters, final metric values and tags. */
public record RunRecord(String name, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {
    public RunRecord {
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
    }
}
