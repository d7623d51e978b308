package org.mfaplatform.login.control;

import java.time.Duration;

/**
 * How wrong passwords are slowed (see {@link ThrottleCount}).
 *
 * @param freeFailures wrong passwords for one email from one address that cost nothing; the next
 *     attempt waits {@code firstDelay}
 * @param addressFreeFailures wrong passwords from one address for any emails that cost nothing,
 *     against one address trying one password on many accounts (password spraying), or 0 for no
 *     such limit. Off by default: everybody behind one NAT or one unlisted proxy shares an address,
 *     so a stranger typing made-up emails would slow every one of their logins.
 * @param window how long the counts are remembered after the last failure or delay ends
 * @param firstDelay the delay after the free failures; it doubles with each further failure
 * @param maxDelay the longest delay, so a throttle always lifts by itself
 */
public record ThrottleLimits(
        int freeFailures,
        int addressFreeFailures,
        Duration window,
        Duration firstDelay,
        Duration maxDelay) {

    /** OWASP's usual small number: enough for typos and a forgotten caps lock. */
    public static final int DEFAULT_FREE_FAILURES = 5;

    /** No limit per address alone; spraying by volume is left to a gateway in front. */
    public static final int DEFAULT_ADDRESS_FREE_FAILURES = 0;

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    public static final Duration DEFAULT_FIRST_DELAY = Duration.ofMinutes(1);

    /** With 5 free tries then one guess per 15 minutes, a guesser gets about 100 guesses a day. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(15);

    public ThrottleLimits {
        if (freeFailures < 1 || addressFreeFailures < 0) {
            throw new IllegalArgumentException(
                    "free failures must be at least 1, and per address 0 (no limit) or more");
        }
        if (window.isNegative()
                || firstDelay.isNegative()
                || firstDelay.isZero()
                || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException(
                    "need a window, a first delay above zero and a longest delay not below it");
        }
    }

    /** Past this many doublings the delay is at its longest anyway; stops the shift overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    /** The first delay, doubled for each failure past the free ones, at most the longest. */
    public Duration delayAfter(int failuresPastFree) {
        Duration delay = firstDelay;
        for (int i = 0; i < Math.min(failuresPastFree, MAX_DOUBLINGS); i++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(maxDelay) >= 0) {
                return maxDelay;
            }
        }
        return delay;
    }

    public boolean limitsAddresses() {
        return addressFreeFailures > 0;
    }

    public static ThrottleLimits defaults() {
        return new ThrottleLimits(
                DEFAULT_FREE_FAILURES,
                DEFAULT_ADDRESS_FREE_FAILURES,
                DEFAULT_WINDOW,
                DEFAULT_FIRST_DELAY,
                DEFAULT_MAX_DELAY);
    }
}
