package org.mfaplatform.login.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordThrottleTest {

    private static final String EMAIL = "alice@example.com";
    private static final String ADDRESS = "203.0.113.9";
    private static final ThrottleLimits LIMITS =
            new ThrottleLimits(
                    5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15));

    private final MovingClock clock = new MovingClock();
    private final PasswordThrottle throttle = new PasswordThrottle(LIMITS, clock);

    @Test
    void firstFiveFailuresCostNothing() {
        fail(EMAIL, ADDRESS, 4);

        assertEquals(Optional.empty(), throttle.waitBefore(EMAIL, ADDRESS));
    }

    @Test
    void attemptAfterFifthFailureWaitsFirstDelay() {
        fail(EMAIL, ADDRESS, 5);

        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.waitBefore(EMAIL, ADDRESS));
        clock.move(Duration.ofSeconds(59));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitBefore(EMAIL, ADDRESS));
        clock.move(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), throttle.waitBefore(EMAIL, ADDRESS), "lifts by itself");
    }

    @Test
    void delayDoublesWithEachFurtherFailureUpToLongest() {
        fail(EMAIL, ADDRESS, 5);
        Duration[] expected = {
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15)
        };

        for (Duration delay : expected) {
            clock.move(throttle.waitBefore(EMAIL, ADDRESS).orElseThrow());
            throttle.recordFailure(EMAIL, ADDRESS);
            assertEquals(Optional.of(delay), throttle.waitBefore(EMAIL, ADDRESS));
        }
    }

    @Test
    void neverLocksForLongerThanLongestDelay() {
        fail(EMAIL, ADDRESS, 5);
        for (int i = 0; i < 1000; i++) {
            clock.move(throttle.waitBefore(EMAIL, ADDRESS).orElseThrow());
            throttle.recordFailure(EMAIL, ADDRESS);
        }

        clock.move(Duration.ofMinutes(15));

        assertEquals(Optional.empty(), throttle.waitBefore(EMAIL, ADDRESS));
    }

    @Test
    void rightPasswordClearsPair() {
        fail(EMAIL, ADDRESS, 4);

        throttle.recordSuccess(EMAIL, ADDRESS);
        fail(EMAIL, ADDRESS, 4);

        assertEquals(Optional.empty(), throttle.waitBefore(EMAIL, ADDRESS));
    }

    @Test
    void failuresAreForgottenAfterQuietWindow() {
        fail(EMAIL, ADDRESS, 4);

        clock.move(Duration.ofMinutes(15));
        fail(EMAIL, ADDRESS, 4);

        assertEquals(Optional.empty(), throttle.waitBefore(EMAIL, ADDRESS));
    }

    @Test
    void windowCountsFromEndOfDelay() {
        fail(EMAIL, ADDRESS, 5);
        clock.move(Duration.ofMinutes(1).plus(Duration.ofMinutes(14)));

        throttle.recordFailure(EMAIL, ADDRESS);

        assertEquals(
                Optional.of(Duration.ofMinutes(2)),
                throttle.waitBefore(EMAIL, ADDRESS),
                "14 quiet minutes after the delay are not yet a fresh start");
    }

    @Test
    void otherEmailFromSameAddressIsNotSlowed() {
        fail(EMAIL, ADDRESS, 5);

        assertEquals(Optional.empty(), throttle.waitBefore("bob@example.com", ADDRESS));
    }

    @Test
    void sameEmailFromOtherAddressIsNotSlowed() {
        fail(EMAIL, ADDRESS, 5);

        assertEquals(Optional.empty(), throttle.waitBefore(EMAIL, "198.51.100.4"));
    }

    @Test
    void emailIsCountedAsNormalized() {
        fail(" Alice@Example.COM ", ADDRESS, 5);

        assertTrue(throttle.waitBefore(EMAIL, ADDRESS).isPresent());
    }

    @Test
    void addressTryingManyEmailsIsSlowedForEveryEmail() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i + "@example.com", ADDRESS);
        }

        assertEquals(
                Optional.of(Duration.ofMinutes(1)),
                throttle.waitBefore("never-tried@example.com", ADDRESS));
        assertEquals(Optional.empty(), throttle.waitBefore(EMAIL, "198.51.100.4"));
    }

    @Test
    void byDefaultMadeUpEmailsFromASharedAddressSlowNobodyElse() {
        PasswordThrottle defaults = new PasswordThrottle(ThrottleLimits.defaults(), clock);
        for (int i = 0; i < 1_000; i++) {
            defaults.recordFailure("made-up-" + i + "@example.com", ADDRESS);
        }

        assertEquals(Optional.empty(), defaults.waitBefore(EMAIL, ADDRESS));
    }

    @Test
    void rightPasswordDoesNotClearAddressCount() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("user" + i + "@example.com", ADDRESS);
        }

        throttle.recordSuccess(EMAIL, ADDRESS);
        throttle.recordFailure("user19@example.com", ADDRESS);

        assertTrue(throttle.waitBefore(EMAIL, ADDRESS).isPresent());
    }

    @Test
    void keepsAtMostCapacityEntries() {
        for (int i = 0; i <= PasswordThrottle.CAPACITY; i++) {
            throttle.recordFailure(
                    "user" + i + "@example.com",
                    "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        fail(EMAIL, ADDRESS, 5);

        assertTrue(throttle.waitBefore(EMAIL, ADDRESS).isPresent(), "the newest entries stay");
    }

    private void fail(String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(email, address);
        }
    }

    /** A clock the test moves forward, as time passes between attempts. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
