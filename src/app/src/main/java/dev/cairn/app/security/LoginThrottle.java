package dev.cairn.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Throttles repeated failed logins per username and per client address. Known and unknown
 * usernames are throttled alike, so the answer reveals nothing about which accounts exist.
 * In memory: with several nodes each node throttles on its own (documented in the admin guide).
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES_PER_USER = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean isBlocked(String username, String address) {
        return blocked("user:" + normalise(username), MAX_FAILURES_PER_USER)
                || blocked("addr:" + address, MAX_FAILURES_PER_ADDRESS);
    }

    /** Records a failure; returns true when this failure locked the user or address out. */
    public boolean recordFailure(String username, String address) {
        boolean userLocked = increment("user:" + normalise(username)) == MAX_FAILURES_PER_USER;
        boolean addressLocked = increment("addr:" + address) == MAX_FAILURES_PER_ADDRESS;
        return userLocked || addressLocked;
    }

    public void recordSuccess(String username) {
        failures.remove("user:" + normalise(username));
    }

    private boolean blocked(String key, int max) {
        Failures entry = failures.get(key);
        if (entry == null) {
            return false;
        }
        if (entry.since().plus(LOCKOUT).isBefore(clock.instant())) {
            failures.remove(key, entry);
            return false;
        }
        return entry.count() >= max;
    }

    private int increment(String key) {
        Instant now = clock.instant();
        return failures.merge(key, new Failures(1, now), (old, one) ->
                old.since().plus(LOCKOUT).isBefore(now) ? one : new Failures(old.count() + 1, old.since())).count();
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }

    private record Failures(int count, Instant since) {
    }
}
