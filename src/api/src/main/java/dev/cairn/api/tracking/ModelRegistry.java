package dev.cairn.api.tracking;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The model registry (MLflow's behind it), per tenant: a model name means the tenant's own model,
 * and another tenant's model of the same name is neither visible nor changeable.
 *
 * <p>Registering goes through the outbox like runs (it works while MLflow is down and happens
 * exactly once). Aliases, version tags and look-ups are synchronous: a promotion must know that
 * its alias change happened, so they throw {@link TrackingUnavailable} when MLflow cannot answer,
 * and change nothing on Cairn's side.
 *
 * <p>Every call checks that the project is the caller's tenant's; callers check their own
 * permission first (e.g. {@code permissions.require(REGISTER)}).
 */
public interface ModelRegistry {

    /**
     * Queues the registration of the run's artefact at {@code artifactPath} as a new version of
     * {@code modelName}, creating the registered model if needed.
     *
     * @param run the local id of a run recorded in this project ({@link ExperimentTracking#recordRun})
     * @return the local id of the registration, for {@link #registeredVersion}
     */
    UUID registerVersion(UUID projectId, UUID run, String artifactPath, String modelName, Map<String, String> tags);

    /** The version number MLflow gave the registration; empty while it waits for delivery. */
    Optional<String> registeredVersion(UUID projectId, UUID registration);

    /** Points {@code alias} (e.g. {@code champion}) at the version, moving it from any other version. */
    void setAlias(UUID projectId, String modelName, String alias, String version);

    /** Removes the alias; removing an alias that is not set is not an error. */
    void deleteAlias(UUID projectId, String modelName, String alias);

    /** The version the alias points at; empty when the model or the alias does not exist. */
    Optional<ModelVersion> versionByAlias(UUID projectId, String modelName, String alias);

    /** Sets a tag on a version (e.g. {@code validation_status=approved}). */
    void setVersionTag(UUID projectId, String modelName, String version, String key, String value);
}
