package dev.cairn.api.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registered model versions, for the stages after modeling. Implemented by the modeling plugin (in
 * step with MLflow's registry through the tracking facade); read by deployment (what to serve, its
 * dataset version and recipe) and by the data stage (which models a dataset version fed). The
 * tenant in scope only: another tenant's id or name is not found.
 */
public interface ModelRegistry {

    Optional<RegisteredModelVersion> version(UUID modelVersionId);

    Optional<RegisteredModelVersion> version(String name, int version);

    /** A registered model's versions, newest first. */
    List<RegisteredModelVersion> versions(String name);

    /** The version an alias ("champion") points at now. */
    Optional<RegisteredModelVersion> byAlias(String name, String alias);

    /** The project's model versions, newest first. */
    List<RegisteredModelVersion> ofProject(UUID projectId);
}
