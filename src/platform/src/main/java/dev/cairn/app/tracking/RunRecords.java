package dev.cairn.app.tracking;

import dev.cairn.api.tracking.DatasetInput;
import dev.cairn.api.tracking.MetricPoint;
import dev.cairn.api.tracking.RunArtifact;
import dev.cairn.api.tracking.RunRecord;
import java.util.Map;

/**
 * Checks a run against MLflow's limits before it is queued, so delivery cannot fail on bad input
 * later. NaN and infinite values are refused rather than sent: MLflow stores NaN but its UI and
 * comparisons treat it inconsistently, and a NaN loss is a failed run the plugin should report.
 */
final class RunRecords {

    static final int MAX_KEY = 250;
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 8000;
    /** Keeps one outbox payload well under its column (V9: a million characters). */
    static final int MAX_METRIC_POINTS = 5000;
    static final int MAX_INPUTS = 50;
    static final int MAX_ARTIFACTS = 100;
    /** MLflow's limits for a dataset's name and source. */
    static final int MAX_DATASET_NAME = 500;
    /** A SHA-512 in hex fits; the gateway sends MLflow (36 at most) a prefix and the whole as a tag. */
    static final int MAX_DIGEST = 128;
    static final int MAX_SOURCE = 65535;
    /** Schema and profile each: MLflow takes a megabyte, the outbox row keeps room for the rest. */
    static final int MAX_SCHEMA = 100_000;

    private RunRecords() {
    }

    static void validate(RunRecord run) {
        if (run.name() == null || run.name().isBlank() || run.name().length() > 250) {
            throw new IllegalArgumentException("Run name is required (at most 250 characters).");
        }
        checkKeys("parameter", run.params(), MAX_PARAM_VALUE);
        checkKeys("tag", run.tags(), MAX_TAG_VALUE);
        run.metrics().forEach((key, value) -> {
            checkKey("metric", key);
            if (value == null || value.isNaN() || value.isInfinite()) {
                throw new IllegalArgumentException("Metric " + key + " must be a finite number.");
            }
        });
        if (run.metricSeries().size() > MAX_METRIC_POINTS) {
            throw new IllegalArgumentException("A run may carry at most " + MAX_METRIC_POINTS + " metric points, this one has "
                    + run.metricSeries().size() + ".");
        }
        run.metricSeries().forEach(RunRecords::checkPoint);
        run.tags().keySet().stream().filter(RunRecords::reserved).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("Tag " + key + " is reserved: the platform sets cairn.* and mlflow.* tags.");
        });
        if (run.inputs().size() > MAX_INPUTS) {
            throw new IllegalArgumentException("A run may have at most " + MAX_INPUTS + " dataset inputs.");
        }
        run.inputs().forEach(RunRecords::checkInput);
        if (run.artifacts().size() > MAX_ARTIFACTS) {
            throw new IllegalArgumentException("A run may have at most " + MAX_ARTIFACTS + " artifacts.");
        }
        run.artifacts().forEach(artifact -> checkArtifactPath(artifact.artifactPath()));
        run.artifacts().stream().map(RunArtifact::fileId).filter(java.util.Objects::isNull).findFirst().ifPresent(none -> {
            throw new IllegalArgumentException("Artifact file id is required.");
        });
    }

    static boolean reserved(String tagKey) {
        return tagKey.startsWith("cairn.") || tagKey.startsWith("mlflow.");
    }

    /** A relative path inside the run's artefacts: no empty, dot or dot-dot segments, no backslashes. */
    static void checkArtifactPath(String path) {
        boolean valid = path != null && !path.isBlank() && path.length() <= 500 && !path.startsWith("/")
                && !path.contains("\\") && path.matches("[\\w./\\- ]+");
        if (valid) {
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    valid = false;
                    break;
                }
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("Artifact path '" + path + "' must be a relative path inside the run "
                    + "(letters, digits, _ - . and spaces, separated by /; no '..'), at most 500 characters.");
        }
    }

    private static void checkPoint(MetricPoint point) {
        checkKey("metric", point.key());
        if (Double.isNaN(point.value()) || Double.isInfinite(point.value())) {
            throw new IllegalArgumentException("Metric " + point.key() + " at step " + point.step() + " must be a finite number.");
        }
        if (point.step() < 0) {
            throw new IllegalArgumentException("Metric " + point.key() + ": step must be 0 or more, was " + point.step() + ".");
        }
    }

    private static void checkInput(DatasetInput input) {
        if (input.name() == null || input.name().isBlank() || input.name().length() > MAX_DATASET_NAME) {
            throw new IllegalArgumentException("Dataset input name is required (at most " + MAX_DATASET_NAME + " characters).");
        }
        String of = " of dataset input '" + input.name() + "'";
        if (input.digest() == null || input.digest().isBlank() || input.digest().length() > MAX_DIGEST) {
            throw new IllegalArgumentException("The digest" + of + " is required (at most " + MAX_DIGEST + " characters).");
        }
        if (input.source() == null || input.source().isBlank() || input.source().length() > MAX_SOURCE) {
            throw new IllegalArgumentException("The source" + of + " is required.");
        }
        if (input.context() == null) {
            throw new IllegalArgumentException("The context" + of + " is required (training, validation or test).");
        }
        if (input.schema().map(String::length).orElse(0) > MAX_SCHEMA || input.profile().map(String::length).orElse(0) > MAX_SCHEMA) {
            throw new IllegalArgumentException("The schema and profile" + of + " must have at most " + MAX_SCHEMA + " characters.");
        }
    }

    private static void checkKeys(String what, Map<String, String> values, int maxValue) {
        values.forEach((key, value) -> {
            checkKey(what, key);
            if (value == null || value.length() > maxValue) {
                throw new IllegalArgumentException("Value of " + what + " " + key + " must have at most " + maxValue + " characters.");
            }
        });
    }

    private static void checkKey(String what, String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY || !key.matches("[\\w./\\- ]+")) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + key
                    + "': use letters, digits, _ - . / and spaces, at most " + MAX_KEY + " characters.");
        }
    }
}
