package dev.cairn.api.model;

import dev.cairn.api.data.RecipeRef;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A registered model version: what deployment serves and what lineage links back to its data.
 *
 * @param id               Cairn's id of this version
 * @param projectId        the project it belongs to
 * @param name             the registered model's name (as in MLflow's registry)
 * @param version          the registry's version number, 1, 2, ...
 * @param mlflowRunId      the training run that produced it
 * @param modelUri         where its artefact is (for example {@code models:/name/3} or {@code runs:/id/model})
 * @param datasetVersionId the dataset version it was trained on ({@code DatasetCatalog})
 * @param recipe           the transform recipe version applied before training, or null for none
 * @param metrics          its evaluation metrics by name (the scoping metric contract's names)
 * @param aliases          the registry's aliases on it ("champion", "challenger", ...)
 * @param registeredAt     when it was registered (UTC)
 * @param registeredBy     who registered it (username)
 */
public record RegisteredModelVersion(UUID id, UUID projectId, String name, int version, String mlflowRunId, String modelUri,
                           UUID datasetVersionId, RecipeRef recipe, Map<String, Double> metrics, Set<String> aliases,
                           Instant registeredAt, String registeredBy) {

    public RegisteredModelVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelUri, "modelUri");
        Objects.requireNonNull(datasetVersionId, "datasetVersionId");
        metrics = Map.copyOf(metrics);
        aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    }
}
