package dev.cairn.api.files;

import dev.cairn.api.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored file's bytes were deleted for good (by a tenant admin, or by a plugin on a user's
 * request). Plugins that referenced the file mark what used it as deleted, naming who and why.
 *
 * @param deletedBy the user who deleted it
 * @param reason    the reason given (for example the privacy request's reference)
 */
public record StoredFileDeleted(UUID tenantId, UUID fileId, String fileName, String deletedBy, String reason, Instant occurredAt)
        implements DomainEvent {
}
