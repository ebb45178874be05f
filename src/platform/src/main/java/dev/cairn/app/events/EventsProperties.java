package dev.cairn.app.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How events between plugins are delivered again.
 *
 * @param retryInterval how often this node delivers again the events some listener has not
 *                      completed (it failed, or its node stopped); also once at start-up
 * @param retryOlderThan only events published at least this long ago are delivered again, so a
 *                      delivery still under way is not doubled
 */
@ConfigurationProperties("cairn.events")
public record EventsProperties(Duration retryInterval, Duration retryOlderThan) {

    public EventsProperties {
        retryInterval = retryInterval == null ? Duration.ofMinutes(1) : retryInterval;
        retryOlderThan = retryOlderThan == null ? Duration.ofSeconds(30) : retryOlderThan;
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("cairn.events.retry-interval must be positive, was " + retryInterval);
        }
        if (retryOlderThan.isNegative()) {
            throw new IllegalArgumentException("cairn.events.retry-older-than must not be negative, was " + retryOlderThan);
        }
    }
}
