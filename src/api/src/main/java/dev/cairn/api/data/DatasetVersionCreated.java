package dev.cairn.api.data;

import dev.cairn.api.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A dataset version was registered. Published by the data plugin in the transaction that stores
 * it; heard by modeling (offer it for training) and deployment (a new reference for drift).
 * Read the version itself through {@link DatasetCatalog#version(UUID)}.
 */
public record DatasetVersionCreated(UUID tenantId, UUID projectId, UUID datasetId, UUID datasetVersionId, int version,
                                    String contentDigest, Instant occurredAt) implements DomainEvent {
}
