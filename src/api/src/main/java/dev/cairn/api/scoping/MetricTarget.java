package dev.cairn.api.scoping;

import java.util.Objects;

/**
 * One line of a metric contract, e.g. "accuracy >= 0.9 on slice 'new customers'" or "p95 latency
 * <= 200 ms". A null slice means the whole evaluation set.
 */
public record MetricTarget(MetricKind kind, String metric, String slice, Direction direction, double threshold, String unit) {

    public MetricTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("A metric target needs a metric name.");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("The threshold of " + metric + " must be a finite number.");
        }
        metric = metric.strip();
        slice = slice == null || slice.isBlank() ? null : slice.strip();
        unit = unit == null || unit.isBlank() ? null : unit.strip();
    }

    /** True when this target is about the given metric on the given slice (null: overall). Names ignore case. */
    public boolean concerns(String metricName, String sliceName) {
        String other = sliceName == null || sliceName.isBlank() ? null : sliceName.strip();
        return metric.equalsIgnoreCase(metricName.strip()) && (slice == null ? other == null : slice.equalsIgnoreCase(other));
    }

    public boolean isMetBy(double measured) {
        return direction.isMet(threshold, measured);
    }

    /** "accuracy >= 0.9 (slice: new customers)". */
    public String describe() {
        String value = threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15
                ? String.valueOf((long) threshold) : String.valueOf(threshold);
        return metric + " " + direction.symbol() + " " + value + (unit == null ? "" : " " + unit)
                + (slice == null ? "" : " (slice: " + slice + ")");
    }
}
