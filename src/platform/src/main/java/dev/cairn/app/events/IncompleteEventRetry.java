package dev.cairn.app.events;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a listener has not completed: at start-up (a node that stopped mid-delivery)
 * and every {@code cairn.events.retry-interval} (a listener that threw). On its own scheduler
 * thread, as the job runner and the outbox have theirs (ADR 0006), so a slow listener delays
 * nothing else that is scheduled. Several nodes may deliver the same event again: delivery is at
 * least once, and listeners are idempotent.
 */
@Component
class IncompleteEventRetry {

    private static final Logger LOG = LoggerFactory.getLogger(IncompleteEventRetry.class);

    private final IncompleteEventPublications incomplete;
    private final EventsProperties properties;
    private ScheduledExecutorService scheduler;

    IncompleteEventRetry(IncompleteEventPublications incomplete, EventsProperties properties) {
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cairn-events-retry").daemon().factory());
        long interval = properties.retryInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::retryNow, 0, interval, TimeUnit.MILLISECONDS);
    }

    void retryNow() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(properties.retryOlderThan());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep going.
            LOG.warn("Delivering incomplete events again failed; trying again at the next interval", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
