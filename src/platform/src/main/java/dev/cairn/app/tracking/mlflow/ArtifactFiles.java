package dev.cairn.app.tracking.mlflow;

import java.io.InputStream;
import java.util.UUID;

/** Opens the stored files a run's artefacts are uploaded from (in Cairn: the tenant's file store). */
@FunctionalInterface
public interface ArtifactFiles {

    /** For runs without artefacts: any file asked for is an error. */
    ArtifactFiles NONE = fileId -> {
        throw new IllegalStateException("No artifact files were given for this delivery (file " + fileId + ")");
    };

    /** The file's content and length; the gateway closes the stream. */
    Content open(UUID fileId);

    record Content(InputStream stream, long length) {
    }
}
