package dev.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final SecurityProperties.Login SETTINGS = new SecurityProperties.Login(3, Duration.ofSeconds(1),
            Duration.ofMinutes(15), Duration.ofMinutes(15), 10, 20, 1000, 5);

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);

    private boolean tryWrong(String user, String address) {
        boolean allowed = throttle.begin(user, address).allowed();
        if (allowed) {
            throttle.failed(user, address);
        }
        return allowed;
    }

    @Test
    void afterTheFreeAttemptsEachFurtherAttemptFromTheSameAddressWaitsTwiceAsLong() {
        for (int i = 0; i < 3; i++) {
            assertThat(tryWrong("alice", "10.0.0.1")).isTrue();
        }
        assertThat(tryWrong("alice", "10.0.0.1")).as("no wait yet").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tryWrong("ALICE ", "10.0.0.1")).as("after 1 s").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tryWrong("alice", "10.0.0.1")).as("1 s is no longer enough").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tryWrong("alice", "10.0.0.1")).as("after 2 s").isTrue();
        assertThat(throttle.delayAfter(30)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAttackerCannotLockTheOwnerOut() {
        for (int i = 0; i < 200; i++) {
            tryWrong("bob", "10.6.6.6");
            clock.advance(Duration.ofSeconds(5));
        }
        LoginThrottle.Attempt owner = throttle.begin("bob", "10.0.0.2");
        assertThat(owner.allowed()).as("the owner's first attempt from their own address").isTrue();
        throttle.succeeded("bob", "10.0.0.2");
    }

    @Test
    void manyFailuresAgainstOneAccountLeaveEveryAddressOneAttemptAtATime() {
        for (int i = 0; i < 10; i++) {
            tryWrong("carol", "10.1.0." + i);
        }
        assertThat(throttle.isSlowed("carol")).isTrue();
        assertThat(tryWrong("carol", "10.2.0.1")).as("a fresh address still gets one attempt").isTrue();
        assertThat(tryWrong("carol", "10.2.0.1")).as("but not two in a row").isFalse();
        assertThat(tryWrong("dave", "10.2.0.1")).as("other accounts are not slowed").isTrue();
        assertThat(tryWrong("dave", "10.2.0.1")).isTrue();
    }

    @Test
    void oneAddressTryingManyUsernamesGetsOneAttemptPerNewNameButIsNeverLockedOut() {
        for (int i = 0; i < 20; i++) {
            tryWrong("user" + i, "10.9.9.9");
        }
        LoginThrottle.Attempt correct = throttle.begin("erin", "10.9.9.9");
        assertThat(correct.allowed()).as("a correct sign-in behind the same proxy gets through").isTrue();
        throttle.succeeded("erin", "10.9.9.9");
        assertThat(tryWrong("frank", "10.9.9.9")).isTrue();
        assertThat(tryWrong("frank", "10.9.9.9")).isFalse();
        assertThat(tryWrong("frank", "10.9.9.8")).as("other addresses are not slowed").isTrue();
        assertThat(tryWrong("frank", "10.9.9.8")).isTrue();
    }

    @Test
    void aSuccessClearsThePairAndLiftingClearsTheAccount() {
        tryWrong("gina", "10.0.0.1");
        tryWrong("gina", "10.0.0.1");
        throttle.begin("gina", "10.0.0.1");
        throttle.succeeded("gina", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            assertThat(tryWrong("gina", "10.0.0.1")).isTrue();
        }
        for (int i = 0; i < 10; i++) {
            tryWrong("gina", "10.3.0." + i);
        }
        assertThat(throttle.isSlowed("gina")).isTrue();
        throttle.lift("Gina");
        assertThat(throttle.isSlowed("gina")).isFalse();
        assertThat(tryWrong("gina", "10.0.0.1")).as("the pair starts afresh too").isTrue();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 10; i++) {
            tryWrong("hank", "10.4.0." + i);
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.isSlowed("hank")).isFalse();
    }

    @Test
    void fiftyParallelAttemptsPassTheCheckAtMostTheFreeNumberOfTimes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return throttle.begin("ivy", "10.5.5.5").allowed();
            }));
        }
        start.countDown();
        int allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfNamesAndAddresses() {
        for (int i = 0; i < 20_000; i++) {
            tryWrong("name-" + i, "10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256));
        }
        assertThat(throttle.trackedEntries()).isLessThanOrEqualTo(3L * SETTINGS.maxTrackedEntries());
    }

    @Test
    void refusedAttemptsAreAuditedOncePerAddressAndAtMostFiveTimesPerAccount() {
        int audits = 0;
        for (int address = 0; address < 20; address++) {
            for (int i = 0; i < 10; i++) {
                LoginThrottle.Attempt attempt = throttle.begin("jack", "10.7.0." + address);
                if (attempt.allowed()) {
                    throttle.failed("jack", "10.7.0." + address);
                }
                audits += attempt.auditRefusal() ? 1 : 0;
            }
        }
        assertThat(audits).isEqualTo(5);
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

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }
}
