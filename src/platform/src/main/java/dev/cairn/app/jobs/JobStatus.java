package dev.cairn.app.jobs;

/** Life of a job: QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
