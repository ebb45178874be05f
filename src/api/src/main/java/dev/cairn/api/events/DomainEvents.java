package dev.cairn.api.events;

/**
 * Publishes domain events to listeners in other plugins. Implemented by the platform (cairn-app);
 * called by plugin services inside the transaction that makes the change.
 *
 * <p>What a publisher gets: the event is stored in the database in the publishing transaction, so
 * a rollback publishes nothing; after the commit it is delivered to every listener, at least once,
 * each listener on its own; a listener that throws, or a node that stops before the listener
 * finished, leaves the event incomplete for that listener, and the platform delivers it again
 * (on start-up and every {@code cairn.events.retry-interval}). Listeners must therefore be
 * idempotent: a second delivery of the same event must not do the work twice.
 *
 * <p>How a plugin listens: a Spring bean method annotated with Spring's
 * {@code @TransactionalEventListener} and {@code @Async}, taking the event record as its one
 * parameter. It runs after the commit, on another thread, in the event's tenant (the platform sets
 * the tenant scope from {@link DomainEvent#tenantId()}). See docs/plugin-guide.md.
 */
public interface DomainEvents {

    /**
     * Publishes the event with the current transaction.
     *
     * @throws IllegalStateException    if no transaction is active (the event would be lost or
     *                                  delivered for a change that never happened)
     * @throws IllegalArgumentException if the event's tenant is not the tenant in scope
     */
    void publish(DomainEvent event);
}
