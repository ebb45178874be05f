package dev.cairn.api.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Marks an event one plugin publishes for others (through {@link DomainEvents}). An event is a
 * record of ids and small facts, not of whole objects: a listener reads what it needs through the
 * stage contracts ({@code DatasetCatalog}, {@code ModelRegistry}, ...). It is stored as JSON until
 * every listener has handled it, so its components must be plain values (UUIDs, strings, numbers,
 * instants, lists and records of those).
 *
 * <p>It carries its tenant: the platform runs each listener in that tenant (and refuses to publish
 * an event for any tenant but the one in scope).
 */
public interface DomainEvent {

    UUID tenantId();

    /** When the change happened (UTC). */
    Instant occurredAt();
}
