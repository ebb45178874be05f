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
 * @param keepCompleted how long a delivered event's publication is kept (for a look at what was
 *                      delivered) before it is deleted; one not yet delivered is never deleted
 * @param pruneInterval how often this node deletes the delivered publications older than that
 */
@ConfigurationProperties("cairn.events")
public record EventsProperties(Duration retryInterval, Duration retryOlderThan, Duration keepCompleted, Duration pruneInterval) {

    public EventsProperties {
        keepCompleted = keepCompleted == null ? Duration.ofDays(7) : keepCompleted;
        pruneInterval = pruneInterval == null ? Duration.ofHours(1) : pruneInterval;
        if (keepCompleted.isNegative()) {
            throw new IllegalArgumentException("cairn.events.keep-completed must not be negative, was " + keepCompleted);
        }
        if (pruneInterval.isNegative() || pruneInterval.isZero()) {
            throw new IllegalArgumentException("cairn.events.prune-interval must be positive, was " + pruneInterval);
        }
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
