package dev.cairn.app.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node runs background jobs.
 *
 * @param workers           jobs run at once on this node
 * @param pollInterval      pause between two looks for queued jobs
 * @param heartbeatInterval how often this node confirms that its running jobs are alive
 * @param deadAfter         a running job whose heartbeat is older than this is dead (its node
 *                          stopped) and is marked failed by whichever node notices first
 */
@ConfigurationProperties("cairn.jobs")
public record JobsProperties(Integer workers, Duration pollInterval, Duration heartbeatInterval, Duration deadAfter) {

    public JobsProperties {
        workers = workers == null ? 2 : workers;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
        deadAfter = deadAfter == null ? Duration.ofMinutes(1) : deadAfter;
        if (workers < 1) {
            throw new IllegalArgumentException("cairn.jobs.workers must be at least 1, was " + workers);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("cairn.jobs.poll-interval and cairn.jobs.heartbeat-interval must be positive");
        }
        if (deadAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            // One late heartbeat (a GC pause, a slow database) must not kill a live job.
            throw new IllegalArgumentException("cairn.jobs.dead-after (" + deadAfter
                    + ") must be at least three heartbeat intervals (" + heartbeatInterval + ")");
        }
    }
}
