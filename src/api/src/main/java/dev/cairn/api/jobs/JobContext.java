package dev.cairn.api.jobs;

import java.util.Optional;
import java.util.UUID;

/** What a running job sees: its record, progress reporting and cancellation. */
public interface JobContext {

    UUID jobId();

    UUID tenantId();

    Optional<UUID> projectId();

    String payload();

    /** Progress between 0 and 1, with a short message for the jobs view. */
    void progress(double fraction, String message);

    /** True once a user asked to cancel; a handler should stop soon after. */
    boolean cancelRequested();
}
