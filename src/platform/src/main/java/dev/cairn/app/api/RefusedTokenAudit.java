package dev.cairn.app.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cairn.api.audit.AuditLog.Outcome;
import dev.cairn.app.audit.JooqAuditLog;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Audits refused uses of a known API token (revoked, expired, user or tenant disabled) without
 * letting a client that retries in a loop flood the audit log (SECURITY.md: audit, rate limits).
 * The first refusal of a token for one reason is written at once; the others within
 * {@code cairn.api.tokens.refusal-audit-interval} are only counted, and the count is written as one
 * entry when the interval ends, or when the application stops. The counters are Caffeine's
 * expiring cache, bounded in size, so a flood across many tokens cannot grow memory either.
 */
@Component
class RefusedTokenAudit {

    static final String ACTION = "api-token.use";
    /** Refusals counted at once; beyond, the oldest counter is written out early. */
    static final int MAX_COUNTED = 10_000;

    /** One refused use: whose token, which, and why. */
    record Refusal(UUID tenantId, UUID tokenId, String username, String tokenName, String reason) {
    }

    /** Where entries go; the audit log in the application, a list in unit tests. */
    interface AuditWriter {
        void write(UUID tenantId, String actor, String action, String target, Outcome outcome, String detail);
    }

    private final AuditWriter audit;
    private final Duration interval;
    private final Cache<Refusal, AtomicLong> repeats;

    @Autowired
    RefusedTokenAudit(JooqAuditLog audit, ApiProperties properties) {
        this(audit::write, properties.tokens().refusalAuditInterval(), Ticker.systemTicker(), Scheduler.systemScheduler());
    }

    RefusedTokenAudit(AuditWriter audit, Duration interval, Ticker ticker, Scheduler scheduler) {
        this.audit = audit;
        this.interval = interval;
        // Expiry counts from the first refusal (a read does not renew it), so a steady flood still
        // writes its count once per interval. The system scheduler ends an interval on time even
        // when no further refusal comes; the listener then runs on the thread that ends it.
        this.repeats = Caffeine.newBuilder()
                .expireAfterWrite(interval)
                .maximumSize(MAX_COUNTED)
                .ticker(ticker)
                .scheduler(scheduler)
                .executor(Runnable::run)
                .<Refusal, AtomicLong>removalListener((refusal, count, cause) -> writeCount(refusal, count, cause))
                .build();
    }

    void refused(Refusal refusal) {
        AtomicBoolean first = new AtomicBoolean();
        AtomicLong count = repeats.get(refusal, key -> {
            first.set(true);
            return new AtomicLong();
        });
        if (first.get()) {
            audit.write(refusal.tenantId(), refusal.username(), ACTION, refusal.tokenName(), Outcome.DENIED, refusal.reason());
        } else {
            count.incrementAndGet();
        }
    }

    /** Ends the intervals that are over now (the scheduler does this by itself; tests call it). */
    void endElapsedIntervals() {
        repeats.cleanUp();
    }

    @PreDestroy
    void writeOpenCounts() {
        repeats.invalidateAll();
        repeats.cleanUp();
    }

    private void writeCount(Refusal refusal, AtomicLong count, RemovalCause cause) {
        if (refusal == null || count == null || cause == RemovalCause.REPLACED || count.get() == 0) {
            return;
        }
        audit.write(refusal.tenantId(), refusal.username(), ACTION, refusal.tokenName(), Outcome.DENIED,
                refusal.reason() + "; refused " + count.get() + " more time(s) in the " + interval.toSeconds() + " s after it");
    }
}
