package dev.cairn.api.deployment;

import dev.cairn.api.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A deployment changed. Published by the deployment plugin in the transaction that changes it;
 * heard by modeling (which version is champion in production) and data (start comparing serving
 * data). {@code previousModelVersionId} is null for a new deployment, {@code modelVersionId} null
 * for a stopped one.
 */
public record DeploymentChanged(UUID tenantId, UUID projectId, UUID deploymentId, DeploymentChange change,
                                UUID modelVersionId, UUID previousModelVersionId, String changedBy, Instant occurredAt)
        implements DomainEvent {
}
