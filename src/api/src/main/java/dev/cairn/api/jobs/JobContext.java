package dev.cairn.api.jobs;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * What a running job sees: its record, progress reporting, cancellation and the threads it may
 * use. A handler gets one per run; it is not shared between jobs.
 */
public interface JobContext {

    UUID jobId();

    UUID tenantId();

    Optional<UUID> projectId();

    String payload();

    /** Progress between 0 and 1, with a short message for the jobs view. */
    void progress(double fraction, String message);

    /**
     * True once a user asked to cancel (on whichever node they asked), or once the job is no
     * longer this node's to finish (another node judged it dead). A handler should stop soon after:
     * return, or call {@link #throwIfCancelled()}. Either way the job ends CANCELLED.
     */
    boolean cancelRequested();

    /** Stops the handler with {@link JobCancelledException} when {@link #cancelRequested()}. */
    default void throwIfCancelled() {
        if (cancelRequested()) {
            throw new JobCancelledException();
        }
    }

    /**
     * How many threads this job may use at once ({@code cairn.jobs.threads-per-job}): give it to a
     * library that runs its own threads (a Tribuo trainer's thread count, for example).
     */
    int parallelism();

    /**
     * An executor with at most {@link #parallelism()} threads, for work the handler splits itself.
     * Its tasks run in the job's tenant; it is shut down (running tasks interrupted) when the job
     * ends, so a handler never leaves threads behind. Do not shut it down yourself.
     */
    ExecutorService executor();
}
