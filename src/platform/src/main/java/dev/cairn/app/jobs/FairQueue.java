package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;
import static dev.cairn.app.db.Tables.TENANT;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Which tenant's queue a free worker serves next: among the tenants below their limit, the one
 * running the fewest jobs, and of those the one whose oldest job has waited longest. So a burst of
 * one tenant's jobs takes its share of the workers, not all of them: another tenant's single job
 * goes ahead of the burst's remainder as soon as a worker is free.
 *
 * <p>A snapshot; the claim itself checks the limit again under the tenant's row lock.
 *
 * @param tenants every tenant with queued jobs
 */
record FairQueue(List<TenantQueue> tenants) {

    /**
     * One tenant's side of the queue.
     *
     * @param running      its jobs running now, on any node
     * @param limit        how many it may run at once
     * @param oldestQueued when its longest-waiting job was submitted
     */
    record TenantQueue(UUID tenant, int running, int limit, OffsetDateTime oldestQueued) {
    }

    /** Reads every tenant's queue; a platform read (the caller runs it in the platform scope). */
    static FairQueue read(DSLContext dsl, int defaultLimit) {
        var oldest = DSL.min(JOB.CREATED_AT);
        Map<UUID, OffsetDateTime> queued = dsl.select(JOB.TENANT_ID, oldest).from(JOB).where(JOB.STATUS.eq(JobStatus.QUEUED.name()))
                .groupBy(JOB.TENANT_ID).fetchMap(JOB.TENANT_ID, oldest);
        if (queued.isEmpty()) {
            return new FairQueue(List.of());
        }
        var count = DSL.count();
        Map<UUID, Integer> running = dsl.select(JOB.TENANT_ID, count).from(JOB).where(JOB.STATUS.eq(JobStatus.RUNNING.name()))
                .and(JOB.TENANT_ID.in(queued.keySet())).groupBy(JOB.TENANT_ID).fetchMap(JOB.TENANT_ID, count);
        Map<UUID, Integer> limits = new java.util.HashMap<>();
        dsl.select(TENANT.ID, TENANT.JOB_LIMIT).from(TENANT).where(TENANT.ID.in(queued.keySet()))
                .forEach(row -> limits.put(row.value1(), row.value2() == null ? defaultLimit : row.value2()));
        return new FairQueue(queued.entrySet().stream()
                .map(e -> new TenantQueue(e.getKey(), running.getOrDefault(e.getKey(), 0), limits.getOrDefault(e.getKey(), defaultLimit),
                        e.getValue()))
                .toList());
    }

    /** The tenants below their limit, in the order a free worker should try them. */
    List<UUID> claimOrder() {
        return tenants.stream().filter(t -> t.running() < t.limit())
                .sorted(Comparator.comparingInt(TenantQueue::running).thenComparing(TenantQueue::oldestQueued))
                .map(TenantQueue::tenant).toList();
    }
}
