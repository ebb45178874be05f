package dev.cairn.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows repeated failed sign-ins without ever locking anyone out (SECURITY.md item 9).
 *
 * <p>Each (account, address) pair has a few free attempts, then every further attempt waits for a
 * delay that doubles with each failure. Failures against one account from any address, or from one
 * address against any account, make that account or address "hot": every pair involving it then
 * gets a single free attempt. A legitimate user on their own address is never refused because of
 * an attacker elsewhere (their pair is clean), and one correct password gets through even from a
 * hot address (one free attempt). A tenant admin can lift an account's throttle at once.
 *
 * <p>The decision and the counting of an attempt happen in one atomic step, so parallel attempts
 * cannot all pass the check before any of them is recorded. Memory is bounded: each table keeps
 * at most {@code maxTrackedEntries} entries and forgets entries {@code window} after their last
 * change. Known and unknown usernames are handled alike. In memory, per node (see the admin guide).
 */
@Component
public class LoginThrottle {

    /** The answer to "may this attempt be checked?". */
    public record Attempt(boolean allowed, boolean auditRefusal) {
    }

    private record Pair(int failures, Instant lastAttempt, boolean refusalAudited) {
    }

    private record Account(int failures, int refusalAudits) {
    }

    private final SecurityProperties.Login settings;
    private final Clock clock;
    private final Cache<String, Pair> pairs;
    private final Cache<String, Account> accounts;
    private final Cache<String, Integer> addresses;

    @Autowired
    public LoginThrottle(SecurityProperties properties) {
        this(properties.login(), Clock.systemUTC());
    }

    LoginThrottle(SecurityProperties.Login settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.pairs = table();
        this.accounts = table();
        this.addresses = table();
    }

    private <V> Cache<String, V> table() {
        // Maintenance on the caller's thread keeps the bound exact and the tests deterministic.
        return Caffeine.newBuilder().maximumSize(settings.maxTrackedEntries()).expireAfterWrite(settings.window())
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /**
     * Decides whether an attempt may be checked and, when it may, counts it as a failure until
     * {@link #succeeded} says otherwise.
     */
    public Attempt begin(String username, String address) {
        String account = normalise(username);
        int free = isHot(account, address) ? 1 : settings.freeAttempts();
        Instant now = clock.instant();
        AtomicBoolean allowed = new AtomicBoolean();
        AtomicBoolean auditRefusal = new AtomicBoolean();
        pairs.asMap().compute(pairKey(account, address), (key, old) -> {
            Pair pair = old == null ? new Pair(0, Instant.EPOCH, false) : old;
            if (pair.failures() < free || !now.isBefore(pair.lastAttempt().plus(delayAfter(pair.failures() - free)))) {
                allowed.set(true);
                return new Pair(pair.failures() + 1, now, false);
            }
            auditRefusal.set(!pair.refusalAudited());
            return new Pair(pair.failures(), pair.lastAttempt(), true);
        });
        boolean audit = auditRefusal.get() && takeRefusalAudit(account);
        return new Attempt(allowed.get(), audit);
    }

    /** The attempt begun by {@link #begin} was right: the pair starts afresh. */
    public void succeeded(String username, String address) {
        pairs.invalidate(pairKey(normalise(username), address));
    }

    /** The attempt was wrong. Returns true when this failure made the account hot. */
    public boolean failed(String username, String address) {
        String account = normalise(username);
        addresses.asMap().merge(address, 1, Integer::sum);
        Account after = accounts.asMap().merge(account, new Account(1, 0),
                (old, one) -> new Account(old.failures() + 1, old.refusalAudits()));
        return after.failures() == settings.accountFailureLimit();
    }

    /** True while failures against the account from any address have slowed its sign-in. */
    public boolean isSlowed(String username) {
        Account state = accounts.getIfPresent(normalise(username));
        return state != null && state.failures() >= settings.accountFailureLimit();
    }

    /** A tenant admin's "lift the lock": the account and all its pairs start afresh. */
    public void lift(String username) {
        String account = normalise(username);
        accounts.invalidate(account);
        String prefix = account + '\u0000';
        pairs.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** How many entries the throttle holds in all (for the memory bound's test). */
    long trackedEntries() {
        pairs.cleanUp();
        accounts.cleanUp();
        addresses.cleanUp();
        return pairs.estimatedSize() + accounts.estimatedSize() + addresses.estimatedSize();
    }

    private boolean isHot(String account, String address) {
        Integer fromAddress = addresses.getIfPresent(address);
        return isSlowed(account) || fromAddress != null && fromAddress >= settings.addressFailureLimit();
    }

    private boolean takeRefusalAudit(String account) {
        AtomicReference<Boolean> taken = new AtomicReference<>(false);
        accounts.asMap().compute(account, (key, old) -> {
            Account state = old == null ? new Account(0, 0) : old;
            if (state.refusalAudits() >= settings.maxThrottledAuditsPerAccount()) {
                return state;
            }
            taken.set(true);
            return new Account(state.failures(), state.refusalAudits() + 1);
        });
        return taken.get();
    }

    /** firstDelay, doubled for each failure beyond the free ones, at most maxDelay. */
    Duration delayAfter(int failuresBeyondFree) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < failuresBeyondFree && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static String pairKey(String account, String address) {
        return account + '\u0000' + address;
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
