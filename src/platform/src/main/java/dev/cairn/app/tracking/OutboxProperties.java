package dev.cairn.app.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How outbox senders on several nodes share the work.
 *
 * @param claimLease how long a sender's claim on a record lasts: long enough for one delivery
 *                   (several MLflow calls, each bounded by cairn.mlflow.timeout), short enough
 *                   that a record whose sender died is taken over soon
 */
@ConfigurationProperties("cairn.outbox")
public record OutboxProperties(Duration claimLease) {

    public OutboxProperties {
        claimLease = claimLease == null ? Duration.ofMinutes(5) : claimLease;
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("cairn.outbox.claim-lease must be positive, was " + claimLease);
        }
    }
}
