package dev.cairn.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cairn.app.api.RefusedTokenAudit.Refusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A flood of refused uses of one token writes a bounded number of audit entries, and none is lost from the count. */
class RefusedTokenAuditTest {

    private final List<String> details = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker clock = nanos::get;
    private final RefusedTokenAudit audit = new RefusedTokenAudit((tenant, actor, action, target, outcome, detail) -> details.add(target + ": " + detail),
            Duration.ofMinutes(1), clock, Scheduler.disabledScheduler());
    private final Refusal revoked = new Refusal(UUID.randomUUID(), UUID.randomUUID(), "acme-member", "ci", "revoked");

    @Test
    void aThousandRefusalsInAMinuteWriteTheFirstAtOnceAndTheCountWhenTheMinuteEnds() {
        for (int i = 0; i < 1000; i++) {
            audit.refused(revoked);
        }
        assertThat(details).as("bounded while the minute runs").containsExactly("ci: revoked");

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        audit.endElapsedIntervals();

        assertThat(details).containsExactly("ci: revoked", "ci: revoked; refused 999 more time(s) in the 60 s after it");
    }

    @Test
    void aSteadyFloodWritesTwoEntriesPerMinuteNotOnePerRequest() {
        for (int second = 0; second < 180; second++) {
            for (int i = 0; i < 10; i++) {
                audit.refused(revoked);
            }
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            audit.endElapsedIntervals();
        }
        audit.writeOpenCounts();
        assertThat(details).as("a first and a count per minute, for three minutes").hasSizeBetween(5, 6);
        long counted = details.stream().mapToLong(RefusedTokenAuditTest::refusalsIn).sum();
        assertThat(counted).as("every refusal is in some entry").isEqualTo(1800);
    }

    @Test
    void eachTokenAndReasonIsCountedApart() {
        Refusal otherToken = new Refusal(revoked.tenantId(), UUID.randomUUID(), "acme-member", "nightly", "expired");
        audit.refused(revoked);
        audit.refused(otherToken);
        audit.refused(otherToken);
        assertThat(details).containsExactly("ci: revoked", "nightly: expired");
    }

    @Test
    void countsStillOpenAreWrittenWhenTheApplicationStops() {
        audit.refused(revoked);
        audit.refused(revoked);
        audit.writeOpenCounts();
        assertThat(details).containsExactly("ci: revoked", "ci: revoked; refused 1 more time(s) in the 60 s after it");
    }

    @Test
    void aRefusalAfterTheIntervalIsWrittenAtOnceAgain() {
        audit.refused(revoked);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        audit.refused(revoked);
        assertThat(details).containsExactly("ci: revoked", "ci: revoked");
    }

    private static long refusalsIn(String detail) {
        var more = java.util.regex.Pattern.compile("refused (\\d+) more").matcher(detail);
        return more.find() ? Long.parseLong(more.group(1)) : 1;
    }
}
