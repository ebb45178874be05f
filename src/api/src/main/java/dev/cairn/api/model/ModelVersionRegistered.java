package dev.cairn.api.model;

import dev.cairn.api.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A model version was registered. Published by the modeling plugin in the transaction that records
 * it; heard by deployment (a candidate to deploy) and data (lineage, usage of a dataset version).
 * Read the version through {@link ModelRegistry#version(UUID)}.
 */
public record ModelVersionRegistered(UUID tenantId, UUID projectId, UUID modelVersionId, String name, int version,
                                     UUID datasetVersionId, Instant occurredAt) implements DomainEvent {
}
