package org.mfaplatform.login.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleCountTest {

    private static final int FREE = 5;
    private static final ThrottleLimits LIMITS =
            new ThrottleLimits(
                    FREE,
                    20,
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(15));

    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private ThrottleCount count = ThrottleCount.NONE;

    @Test
    void firstFourFailuresCostNothing() {
        fail(4);

        assertEquals(Duration.ZERO, count.waitAt(now));
    }

    @Test
    void attemptAfterFifthFailureWaitsFirstDelay() {
        fail(5);

        assertTrue(count.justStartedSlowing(FREE), "the fifth failure starts the slowing");
        assertEquals(Duration.ofMinutes(1), count.waitAt(now));
        move(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), count.waitAt(now));
        move(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, count.waitAt(now), "lifts by itself");
    }

    @Test
    void delayDoublesWithEachFurtherFailureUpToLongest() {
        fail(5);
        Duration[] expected = {
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15)
        };

        for (Duration delay : expected) {
            move(count.waitAt(now));
            fail(1);
            assertEquals(delay, count.waitAt(now));
            assertFalse(count.justStartedSlowing(FREE), "only the fifth failure starts it");
        }
    }

    @Test
    void neverBlocksForLongerThanLongestDelay() {
        fail(5);
        for (int i = 0; i < 1000; i++) {
            move(count.waitAt(now));
            fail(1);
        }

        move(Duration.ofMinutes(15));

        assertEquals(Duration.ZERO, count.waitAt(now));
    }

    @Test
    void failuresAreForgottenAfterQuietWindow() {
        fail(4);

        move(Duration.ofMinutes(15));
        assertTrue(count.forgottenBy(now, LIMITS.window()), "forgotten after 15 quiet minutes");
        fail(4);

        assertEquals(4, count.failures(), "counting starts over");
        assertEquals(Duration.ZERO, count.waitAt(now));
    }

    @Test
    void windowCountsFromEndOfDelay() {
        fail(5);
        move(Duration.ofMinutes(1).plus(Duration.ofMinutes(14)));

        fail(1);

        assertEquals(
                Duration.ofMinutes(2),
                count.waitAt(now),
                "14 quiet minutes after the delay are not yet a fresh start");
    }

    @Test
    void forgetsAtTheEndOfTheWindowAfterTheDelay() {
        fail(5);

        assertEquals(
                now.plus(Duration.ofMinutes(1)).plus(LIMITS.window()),
                count.forgetAfter(LIMITS.window()),
                "the stored row may go once the delay and a quiet window have passed");
    }

    @Test
    void noFailuresAreForgottenAlready() {
        assertTrue(ThrottleCount.NONE.forgottenBy(now, LIMITS.window()));
        assertEquals(Duration.ZERO, ThrottleCount.NONE.waitAt(now));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            count = count.afterFailure(now, FREE, LIMITS);
        }
    }

    private void move(Duration duration) {
        now = now.plus(duration);
    }
}
