package dev.cairn.app.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node runs background jobs.
 *
 * @param workers            jobs run at once on this node
 * @param pollInterval       pause between two looks for queued jobs
 * @param heartbeatInterval  how often this node confirms that its running jobs are alive
 * @param deadAfter          a running job whose heartbeat is older than this is dead (its node
 *                           stopped) and is marked failed by whichever node notices first
 * @param tenantLimit        jobs one tenant may run at once, over all nodes, unless its tenant
 *                           admin set another number
 * @param maxTenantLimit     the highest number a tenant admin may set
 * @param threadsPerJob      threads one job may use at once (its executor's size, the parallelism
 *                           it gives a trainer); by default one core is left for the UI
 */
@ConfigurationProperties("cairn.jobs")
public record JobsProperties(Integer workers, Duration pollInterval, Duration heartbeatInterval, Duration deadAfter,
                             Integer tenantLimit, Integer maxTenantLimit, Integer threadsPerJob) {

    public JobsProperties {
        workers = workers == null ? 2 : workers;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
        deadAfter = deadAfter == null ? Duration.ofMinutes(1) : deadAfter;
        tenantLimit = tenantLimit == null ? 2 : tenantLimit;
        maxTenantLimit = maxTenantLimit == null ? 10 : maxTenantLimit;
        threadsPerJob = threadsPerJob == null ? Math.max(1, Runtime.getRuntime().availableProcessors() - 1) : threadsPerJob;
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
        if (maxTenantLimit < 1 || tenantLimit < 1 || tenantLimit > maxTenantLimit) {
            throw new IllegalArgumentException("cairn.jobs.tenant-limit (" + tenantLimit + ") must lie between 1 and "
                    + "cairn.jobs.max-tenant-limit (" + maxTenantLimit + ")");
        }
        if (threadsPerJob < 1) {
            throw new IllegalArgumentException("cairn.jobs.threads-per-job must be at least 1, was " + threadsPerJob);
        }
    }

    /** The same settings with another number of workers: tests play nodes of different sizes. */
    JobsProperties withWorkers(int otherWorkers) {
        return new JobsProperties(otherWorkers, pollInterval, heartbeatInterval, deadAfter, tenantLimit, maxTenantLimit, threadsPerJob);
    }
}
