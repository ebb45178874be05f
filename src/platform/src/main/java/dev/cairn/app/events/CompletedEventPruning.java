package dev.cairn.app.events;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

/**
 * Deletes the publications of delivered events once they are older than
 * {@code cairn.events.keep-completed}, every {@code cairn.events.prune-interval}: Modulith keeps a
 * completed publication (its completion date set) for ever, so the table would only grow. Modulith's
 * {@link CompletedEventPublications} deletes by completion date and only completed ones, so an
 * event still to be delivered again is never lost. On its own scheduler thread, like the retry
 * ({@link IncompleteEventRetry}); several nodes pruning at once delete the same rows, which is harmless.
 */
@Component
class CompletedEventPruning {

    private static final Logger LOG = LoggerFactory.getLogger(CompletedEventPruning.class);

    private final CompletedEventPublications completed;
    private final EventsProperties properties;
    private ScheduledExecutorService scheduler;

    CompletedEventPruning(CompletedEventPublications completed, EventsProperties properties) {
        this.completed = completed;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cairn-events-prune").daemon().factory());
        long interval = properties.pruneInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pruneNow, interval, interval, TimeUnit.MILLISECONDS);
    }

    void pruneNow() {
        try {
            completed.deletePublicationsOlderThan(properties.keepCompleted());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep going.
            LOG.warn("Deleting delivered event publications failed; trying again at the next interval", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
