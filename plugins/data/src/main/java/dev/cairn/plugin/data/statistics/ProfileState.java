package dev.cairn.plugin.data.statistics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where a version's statistics stand: the newest profiling run's status, and whether a computed
 * profile is there to show (the previous one stays while a re-profile runs, and after it failed).
 *
 * @param status        the newest run's
 * @param progress      0 to 1 while it runs
 * @param labelColumn   the label column the newest run was asked for, or null
 * @param error         why the newest run failed, or null
 * @param requestedBy   who queued the newest run (the uploader, or who asked to re-profile)
 * @param hasProfile    whether a computed profile is stored
 * @param profileLabel  the label column of the stored profile, or null
 * @param computedBy    who the stored profile was computed for, or null
 * @param computedAt    when it was computed, or null
 * @param jobId         the newest run's job
 */
public record ProfileState(Status status, double progress, String labelColumn, String error, String requestedBy,
                           OffsetDateTime requestedAt, boolean hasProfile, String profileLabel, String computedBy,
                           OffsetDateTime computedAt, UUID jobId) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        /** Still to come: the page polls until it is not. */
        public boolean pending() {
            return this == QUEUED || this == RUNNING;
        }
    }
}
