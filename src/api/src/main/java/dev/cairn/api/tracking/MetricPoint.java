package dev.cairn.api.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of a metric series (a loss per epoch, a score per boosting round). The timestamp is
 * part of the point's identity in MLflow: a point delivered twice with the same key, value, step
 * and timestamp is stored once, so it is fixed when the run is recorded, never at delivery.
 *
 * @param step      the position in the series (epoch, iteration), 0 or more
 * @param timestamp when the value was measured
 */
public record MetricPoint(String key, double value, long step, Instant timestamp) {

    public MetricPoint {
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
