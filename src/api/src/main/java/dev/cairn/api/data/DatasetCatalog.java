package dev.cairn.api.data;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The data stage's datasets and their versions, for the other stages. Implemented by the data
 * plugin (one bean); read by modeling (what to train on) and deployment (the training data that
 * serving data is compared with), which never read the data plugin's tables.
 *
 * <p>Every method answers for the tenant in scope only: another tenant's id is not found
 * (an empty result), never an error that says it exists.
 */
public interface DatasetCatalog {

    /** The project's datasets, by name. */
    List<DatasetRef> datasets(UUID projectId);

    /** One dataset version by its id. */
    Optional<DatasetVersion> version(UUID datasetVersionId);

    /** The dataset's versions, newest first. */
    List<DatasetVersion> versions(UUID datasetId);

    /** The dataset's newest version. */
    default Optional<DatasetVersion> latest(UUID datasetId) {
        return versions(datasetId).stream().findFirst();
    }

    /** One schema version with its features. */
    Optional<DatasetSchema> schema(SchemaRef schema);
}
