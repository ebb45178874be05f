package dev.cairn.api.tracking;

import java.util.Map;
import java.util.Set;

/**
 * A version of a registered model, as the registry holds it.
 *
 * @param modelName the name the plugin registered it under (without the tenant's prefix)
 * @param version   MLflow's version number, as text
 * @param runId     the MLflow run it was registered from
 * @param source    where its files are (the run's artefact path)
 */
public record ModelVersion(String modelName, String version, String runId, String source, Map<String, String> tags,
                           Set<String> aliases) {

    public ModelVersion {
        tags = Map.copyOf(tags);
        aliases = Set.copyOf(aliases);
    }
}
