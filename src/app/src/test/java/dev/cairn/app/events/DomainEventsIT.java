package dev.cairn.app.events;

import static dev.cairn.app.db.Tables.EVENT_PUBLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.events.DomainEvents;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.support.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events between plugins through the database (ADR 0011): stored with the publishing transaction,
 * delivered after its commit on another thread in the event's tenant, never for a rolled-back
 * transaction, and delivered again after a listener failed until it succeeds.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:domainevents;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "cairn.events.retry-interval=1s", "cairn.events.retry-older-than=2s"})
@ActiveProfiles("demo")
class DomainEventsIT {

    @Autowired
    DomainEvents events;
    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventIsDeliveredAfterTheCommitOnAnotherThreadInTheEventsTenantOnly() throws Exception {
        String marker = "committed-" + UUID.randomUUID();
        UUID acme = world.tenantId("acme");
        publishAs("acme-member", marker, false);

        await(() -> ProbeListeners.SEEN.containsKey(marker));
        ProbeListeners.Seen seen = ProbeListeners.SEEN.get(marker);
        assertThat(seen.tenantInScope()).isEqualTo(acme);
        assertThat(seen.gatewayTenants()).containsExactly(acme);
        assertThat(seen.thread()).isNotEqualTo(Thread.currentThread().getName());
        if (PostgresTestDatabase.active()) {
            // The second wall: even a raw statement in the listener sees only the event's tenant.
            assertThat(seen.rawTenants()).containsExactly(acme);
        }
        await(() -> completed(marker));
    }

    @Test
    void anEventOfARolledBackTransactionIsNeitherStoredNorDelivered() throws Exception {
        String marker = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> publishAs("acme-member", marker, true)).hasMessage("the change fails after publishing");

        String committed = "after-rollback-" + UUID.randomUUID();
        publishAs("acme-member", committed, false); // delivered: so the rolled-back one had its chance
        await(() -> ProbeListeners.SEEN.containsKey(committed));
        Thread.sleep(500);
        assertThat(ProbeListeners.CALLS).doesNotContainKey(marker);
        assertThat(publications(marker)).isZero();
    }

    @Test
    void aListenerThatThrowsIsCalledAgainUntilItSucceedsAndItsWorkIsThenDone() throws Exception {
        String marker = "fail-once-" + UUID.randomUUID();
        publishAs("globex-member", marker, false);

        await(() -> ProbeListeners.CALLS.containsKey(marker) && ProbeListeners.CALLS.get(marker).get() >= 1);
        assertThat(ProbeListeners.SEEN).as("the first attempt failed before doing its work").doesNotContainKey(marker);

        await(() -> ProbeListeners.SEEN.containsKey(marker)); // the scheduled retry, without anyone asking
        assertThat(ProbeListeners.CALLS.get(marker).get()).isGreaterThanOrEqualTo(2);
        assertThat(ProbeListeners.SEEN.get(marker).tenantInScope()).isEqualTo(world.tenantId("globex"));
        await(() -> completed(marker));
    }

    @Test
    void publishingOutsideATransactionOrForAnotherTenantIsRefused() {
        Actors actors = new Actors(dsl);
        assertThatThrownBy(() -> actors.run("acme-member", () -> events.publish(new ProbeEvent(world.tenantId("acme"), "no-tx", Instant.now()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
        assertThatThrownBy(() -> actors.run("acme-member", () -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> events.publish(new ProbeEvent(world.tenantId("globex"), "forged", Instant.now())))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only be published for one's own tenant");
        assertThat(publications("forged")).isZero();
    }

    private void publishAs(String username, String marker, boolean failAfterwards) {
        new Actors(dsl).run(username, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publish(new ProbeEvent(dev.cairn.app.tenancy.TenantScope.require(), marker, Instant.now()));
            if (failAfterwards) {
                throw new IllegalStateException("the change fails after publishing");
            }
        }));
    }

    private int publications(String marker) {
        return dsl.fetchCount(EVENT_PUBLICATION, EVENT_PUBLICATION.SERIALIZED_EVENT.contains(marker));
    }

    private boolean completed(String marker) {
        return dsl.fetchCount(EVENT_PUBLICATION, EVENT_PUBLICATION.SERIALIZED_EVENT.contains(marker)
                .and(EVENT_PUBLICATION.COMPLETION_DATE.isNotNull())) == 1;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
