package dev.cairn.app.tracking;

import static dev.cairn.app.db.Tables.TRACKING_OUTBOX;

import dev.cairn.api.jobs.JobContext;
import dev.cairn.api.jobs.JobHandler;
import dev.cairn.api.tenancy.TenantDb;
import org.springframework.stereotype.Component;

/**
 * "Sync with MLflow now": makes the project's pending records due and waits, with progress, until
 * they are delivered or the job is cancelled. Fails with the last error if MLflow stays away.
 */
@Component
class SyncProjectJob implements JobHandler {

    static final String TYPE = "cairn.tracking-sync";
    private static final int MAX_WAIT_SECONDS = 60;

    private final TenantDb db;
    private final OutboxSender sender;
    private final MlflowProperties mlflow;

    SyncProjectJob(TenantDb db, OutboxSender sender, MlflowProperties mlflow) {
        this.db = db;
        this.sender = sender;
        this.mlflow = mlflow;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) throws Exception {
        var projectId = context.projectId().orElseThrow(() -> new IllegalArgumentException("The sync job needs a project"));
        var ofProject = TRACKING_OUTBOX.PROJECT_ID.eq(projectId);
        int total = db.count(TRACKING_OUTBOX, ofProject);
        if (!mlflow.configured()) {
            int pending = db.count(TRACKING_OUTBOX, ofProject.and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING)));
            if (pending > 0) {
                // Waiting would hold a worker for a minute with nothing to wait for.
                throw new IllegalStateException("MLflow is not configured (cairn.mlflow.tracking-uri): " + pending
                        + " record(s) wait in the outbox until it is.");
            }
            context.progress(1, "Nothing to send");
            return;
        }
        sender.retryNow();
        for (int second = 0; second < MAX_WAIT_SECONDS && !context.cancelRequested(); second++) {
            int pending = db.count(TRACKING_OUTBOX, ofProject.and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING)));
            context.progress(total == 0 ? 1 : (total - pending) / (double) total,
                    pending == 0 ? "All records delivered" : pending + " record(s) waiting for MLflow");
            if (pending == 0) {
                return;
            }
            sender.sendDue();
            Thread.sleep(1000);
        }
        if (!context.cancelRequested()) {
            throw new IllegalStateException("MLflow did not accept the records within " + MAX_WAIT_SECONDS + " s");
        }
    }
}
