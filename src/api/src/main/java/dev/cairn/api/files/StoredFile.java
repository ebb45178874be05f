package dev.cairn.api.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored file of the tenant in scope.
 *
 * @param sha256  the content's SHA-256, lower-case hex: its identity within the tenant
 * @param archive whether it was checked and accepted as an archive (zip, tar, tar.gz)
 */
public record StoredFile(UUID id, String name, long sizeBytes, String sha256, String contentType, boolean archive,
                         String createdBy, OffsetDateTime createdAt) {
}
