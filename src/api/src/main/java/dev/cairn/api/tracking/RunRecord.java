package dev.cairn.api.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A finished run as a plugin records it. Who started it and which tenant and project it belongs to
 * are not part of it: the platform adds them (MLflow's {@code mlflow.user} and Cairn's
 * {@code cairn.*} tags), and refuses tags under {@code mlflow.} or {@code cairn.} from a plugin.
 *
 * @param name         shown in MLflow as the run name
 * @param params       hyperparameters and settings
 * @param metrics      final values, logged at step 0
 * @param tags         the plugin's own tags
 * @param metricSeries values with steps and timestamps (learning curves)
 * @param inputs       datasets the run read
 * @param artifacts    stored files to upload into the run's artefacts
 * @param parentRun    the local id ({@link ExperimentTracking#recordRun}'s answer) of the parent
 *                     run, for child runs such as the trials of a hyperparameter sweep
 */
public record RunRecord(String name, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags,
                        List<MetricPoint> metricSeries, List<DatasetInput> inputs, List<RunArtifact> artifacts,
                        Optional<UUID> parentRun) {

    public RunRecord {
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
        metricSeries = metricSeries == null ? List.of() : List.copyOf(metricSeries);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        parentRun = parentRun == null ? Optional.empty() : parentRun;
    }

    /** A run with final metrics only (no series, inputs, artefacts or parent). */
    public RunRecord(String name, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {
        this(name, params, metrics, tags, List.of(), List.of(), List.of(), Optional.empty());
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Builds a run step by step; {@link #build()} copies, so a builder may be reused. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<MetricPoint> series = new ArrayList<>();
        private final List<DatasetInput> inputs = new ArrayList<>();
        private final List<RunArtifact> artifacts = new ArrayList<>();
        private UUID parent;

        private Builder(String name) {
            this.name = name;
        }

        public Builder param(String key, String value) {
            params.put(key, value);
            return this;
        }

        public Builder metric(String key, double value) {
            metrics.put(key, value);
            return this;
        }

        public Builder metric(String key, double value, long step, java.time.Instant timestamp) {
            series.add(new MetricPoint(key, value, step, timestamp));
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public Builder input(DatasetInput input) {
            inputs.add(input);
            return this;
        }

        public Builder artifact(UUID fileId, String artifactPath) {
            artifacts.add(new RunArtifact(fileId, artifactPath));
            return this;
        }

        public Builder childOf(UUID parentRun) {
            this.parent = parentRun;
            return this;
        }

        public RunRecord build() {
            return new RunRecord(name, params, metrics, tags, series, inputs, artifacts, Optional.ofNullable(parent));
        }
    }
}
