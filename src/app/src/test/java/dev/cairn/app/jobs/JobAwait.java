package dev.cairn.app.jobs;

import static dev.cairn.app.db.Tables.JOB;

import dev.cairn.app.db.tables.records.JobRecord;
import dev.cairn.app.tenancy.TenantScope;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.jooq.DSLContext;

/** Waits, in the job tests, until a job's row meets a condition (read across tenants, as the runner does). */
final class JobAwait {

    private JobAwait() {
    }

    static JobRecord until(DSLContext dsl, UUID jobId, Predicate<JobRecord> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JobRecord job = null;
        while (System.nanoTime() < deadline) {
            job = TenantScope.callAsPlatform(() -> dsl.selectFrom(JOB).where(JOB.ID.eq(jobId)).fetchSingle());
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not reach the state; last: " + (job == null ? null : job.getStatus()));
    }

    static JobRecord finished(DSLContext dsl, UUID jobId) throws InterruptedException {
        return until(dsl, jobId, job -> JobStatus.valueOf(job.getStatus()).finished());
    }
}
