package dev.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aUserIsBlockedAfterFiveFailuresAndFreedAfterTheLockout() {
        for (int i = 1; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            assertThat(throttle.recordFailure("Alice", "10.0.0.1")).isFalse();
        }
        assertThat(throttle.isBlocked("alice", "10.0.0.2")).isFalse();
        assertThat(throttle.recordFailure("alice", "10.0.0.1")).isTrue();
        assertThat(throttle.isBlocked("ALICE", "10.0.0.9")).isTrue();
        clock.advance(LoginThrottle.LOCKOUT.plusSeconds(1));
        assertThat(throttle.isBlocked("alice", "10.0.0.9")).isFalse();
    }

    @Test
    void unknownUsernamesAreThrottledExactlyLikeKnownOnes() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.recordFailure("no-such-user", "10.0.0.1");
        }
        assertThat(throttle.isBlocked("no-such-user", "10.0.0.3")).isTrue();
    }

    @Test
    void anAddressTryingManyUsernamesIsBlocked() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.recordFailure("user" + i, "10.9.9.9");
        }
        assertThat(throttle.isBlocked("fresh-user", "10.9.9.9")).isTrue();
        assertThat(throttle.isBlocked("fresh-user", "10.9.9.8")).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheUsersFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER - 1; i++) {
            throttle.recordFailure("bob", "10.0.0.1");
        }
        throttle.recordSuccess("bob");
        assertThat(throttle.recordFailure("bob", "10.0.0.1")).isFalse();
        assertThat(throttle.isBlocked("bob", "10.0.0.4")).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
