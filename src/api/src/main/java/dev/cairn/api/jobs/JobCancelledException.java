package dev.cairn.api.jobs;

/**
 * Thrown by a handler (usually through {@link JobContext#throwIfCancelled()}) to stop a job a user
 * cancelled. The platform records the job as CANCELLED, not FAILED: leaving early on request is
 * not an error.
 */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException() {
        super("Cancelled");
    }
}
