package dev.cairn.api.tracking;

import java.util.Optional;
import java.util.UUID;

/**
 * Experiment tracking (MLflow behind it). Records are stored locally in the caller's transaction
 * and delivered to the tracking server later, exactly once per record.
 */
public interface ExperimentTracking {

    /** Stores the run for delivery; returns the local record id. Succeeds while MLflow is down. */
    UUID recordRun(UUID projectId, RunRecord run);

    TrackingStatus status(UUID projectId);

    /**
     * The run's page in MLflow's UI (in the tenant's workspace), once the run has reached MLflow and
     * where links into MLflow are enabled ({@code cairn.mlflow.ui-links=direct}); empty otherwise.
     *
     * @param run the local id {@link #recordRun} returned
     */
    Optional<String> runUrl(UUID projectId, UUID run);
}
