package dev.cairn.app.events;

import dev.cairn.api.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** An event of the tests' own, so that the stages' real listeners are not involved. */
public record ProbeEvent(UUID tenantId, String marker, Instant occurredAt) implements DomainEvent {
}
