package dev.cairn.app.jobs;

import dev.cairn.app.tenancy.TenantScope;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;

/**
 * The threads one job may use ({@code cairn.jobs.threads-per-job}): a fixed pool whose tasks run
 * in the job's tenant and as the job's starter (set and cleared around each task, so a pooled thread never carries it
 * further). The runner shuts it down (interrupting what still runs) when the job ends. Every submit and invokeAll of the
 * executor goes through {@link #execute}, so no task escapes the tenant scope.
 */
final class JobThreads extends ThreadPoolExecutor {

    private final UUID tenant;
    private final Authentication actor;

    /** @param actor who the job acts as (its tasks too), or null for a job with no starter */
    JobThreads(UUID jobId, UUID tenant, Authentication actor, int threads) {
        super(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("cairn-job-" + jobId.toString().substring(0, 8) + "-", 1).daemon().factory());
        this.tenant = tenant;
        this.actor = actor;
    }

    @Override
    public void execute(Runnable task) {
        super.execute(() -> TenantScope.runAs(tenant, () -> JobActor.runAs(actor, task)));
    }
}
