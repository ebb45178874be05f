package dev.cairn.api.tracking;

import java.util.UUID;

/**
 * Experiment tracking (MLflow behind it). Records are stored locally in the caller's transaction
 * and delivered to the tracking server later, exactly once per record.
 */
public interface ExperimentTracking {

    /** Stores the run for delivery; returns the local record id. Succeeds while MLflow is down. */
    UUID recordRun(UUID projectId, RunRecord run);

    TrackingStatus status(UUID projectId);
}
