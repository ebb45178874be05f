package dev.cairn.app.events;

import static dev.cairn.app.db.Tables.EVENT_PUBLICATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Delivered events' publications are deleted on a schedule once older than
 * cairn.events.keep-completed; recent ones and undelivered ones, however old, stay (H2, and
 * PostgreSQL in the suite's second run).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:eventpruning;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "cairn.events.retry-interval=1h", "cairn.events.keep-completed=1d",
        "cairn.events.prune-interval=1s"})
@ActiveProfiles("demo")
class CompletedEventPruningIT {

    @Autowired
    DSLContext dsl;

    @Test
    void theScheduleDeletesOnlyDeliveredPublicationsOlderThanTheAgeToKeep() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID oldDelivered = publication(now.minusDays(3), now.minusDays(2));
        UUID recentDelivered = publication(now.minusHours(3), now.minusHours(2));
        UUID oldUndelivered = publication(now.minusDays(3), null);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (exists(oldDelivered)) {
            assertThat(System.nanoTime()).as("pruned by the schedule within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(1500); // at least one more run, which must leave the others alone too
        assertThat(exists(recentDelivered)).as("delivered a day ago or less: kept").isTrue();
        assertThat(exists(oldUndelivered)).as("never delivered: never deleted").isTrue();
    }

    private UUID publication(OffsetDateTime published, OffsetDateTime completed) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(EVENT_PUBLICATION)
                .set(EVENT_PUBLICATION.ID, id)
                .set(EVENT_PUBLICATION.LISTENER_ID, "pruning.probe.listener")
                .set(EVENT_PUBLICATION.EVENT_TYPE, ProbeEvent.class.getName())
                .set(EVENT_PUBLICATION.SERIALIZED_EVENT, "{\"marker\":\"pruning-" + id + "\"}")
                .set(EVENT_PUBLICATION.PUBLICATION_DATE, published)
                .set(EVENT_PUBLICATION.COMPLETION_DATE, completed)
                .set(EVENT_PUBLICATION.STATUS, completed == null ? "PUBLISHED" : "COMPLETED")
                .set(EVENT_PUBLICATION.COMPLETION_ATTEMPTS, 1)
                .execute();
        return id;
    }

    private boolean exists(UUID id) {
        return dsl.fetchExists(EVENT_PUBLICATION, EVENT_PUBLICATION.ID.eq(id));
    }
}
