package dev.cairn.plugin.data.selection;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a version's ranking against one label stands: the newest run's status, and the newest
 * finished ranking (kept while a new run goes, and after one failed).
 *
 * @param progress    0 to 1 while it runs
 * @param error       why the newest run failed or stopped, or null
 * @param ranking     the newest finished ranking, if any
 * @param computedBy  who it was computed for, or null
 * @param computedAt  when, or null
 */
public record RankingState(UUID versionId, String label, Status status, double progress, String error, String requestedBy,
                           OffsetDateTime requestedAt, Optional<FeatureRanking> ranking, String computedBy, OffsetDateTime computedAt,
                           UUID jobId) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        /** Still to come: the page polls until it is not. */
        public boolean pending() {
            return this == QUEUED || this == RUNNING;
        }
    }
}
