package dev.cairn.app.tracking;

import dev.cairn.api.tracking.RunRecord;
import java.util.Map;

/** Checks a run against MLflow's limits before it is queued, so delivery cannot fail on bad input later. */
final class RunRecords {

    static final int MAX_KEY = 250;
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 8000;

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
        run.tags().keySet().stream().filter(key -> key.startsWith("cairn.") || key.startsWith("mlflow."))
                .findFirst().ifPresent(key -> {
                    throw new IllegalArgumentException("Tag " + key + " is reserved.");
                });
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
