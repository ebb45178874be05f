package dev.cairn.api.scoping;

/** A measured value of a metric, overall (slice null) or on a named slice, e.g. from a training run. */
public record Measurement(String metric, String slice, double value) {

    public Measurement {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("A measurement needs a metric name.");
        }
    }

    public static Measurement overall(String metric, double value) {
        return new Measurement(metric, null, value);
    }
}
