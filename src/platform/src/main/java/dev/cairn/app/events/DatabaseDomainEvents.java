package dev.cairn.app.events;

import dev.cairn.api.events.DomainEvent;
import dev.cairn.api.events.DomainEvents;
import dev.cairn.app.tenancy.TenantScope;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes a plugin's event through Spring's event publisher; Spring Modulith's event publication
 * registry stores it, in the publisher's transaction, once per transactional listener (the
 * {@code event_publication} table), and hands it to each listener after the commit (ADR 0011).
 */
@Component
class DatabaseDomainEvents implements DomainEvents {

    private final ApplicationEventPublisher publisher;

    DatabaseDomainEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without a transaction no listener would ever hear it: fail where the mistake is.
            throw new IllegalStateException("Publish " + event.getClass().getSimpleName()
                    + " inside the transaction that makes the change (a @Transactional service method)");
        }
        if (!Objects.equals(event.tenantId(), TenantScope.require())) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " names tenant " + event.tenantId()
                    + ", but the tenant in scope is another: an event can only be published for one's own tenant");
        }
        publisher.publishEvent(event);
    }
}
