package dev.cairn.api.tracking;

import java.util.UUID;

/**
 * A file to attach to a run: a file of the tenant's {@link dev.cairn.api.files.FileStore} (store
 * the bytes there first), uploaded at delivery time under {@code artifactPath} in the run's
 * artefacts. The outbox holds only the id, so large models never sit in a database row.
 *
 * @param fileId       the stored file
 * @param artifactPath relative path inside the run's artefacts, e.g. {@code model/model.tribuo}
 */
public record RunArtifact(UUID fileId, String artifactPath) {
}
