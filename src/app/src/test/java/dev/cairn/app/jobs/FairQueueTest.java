package dev.cairn.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.jobs.FairQueue.TenantQueue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order in which a free worker tries the tenants' queues. */
class FairQueueTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aTenantAtItsLimitIsSkippedAndTheOneRunningFewestGoesFirstThenTheLongestWaiting() {
        UUID atLimit = UUID.randomUUID();
        UUID busyOldest = UUID.randomUUID();
        UUID idleNewer = UUID.randomUUID();
        UUID idleNewest = UUID.randomUUID();
        FairQueue queue = new FairQueue(List.of(
                new TenantQueue(atLimit, 2, 2, T0.minusHours(1)),
                new TenantQueue(busyOldest, 1, 3, T0),
                new TenantQueue(idleNewest, 0, 3, T0.plusMinutes(2)),
                new TenantQueue(idleNewer, 0, 3, T0.plusMinutes(1))));
        assertThat(queue.claimOrder()).containsExactly(idleNewer, idleNewest, busyOldest);
    }
}
