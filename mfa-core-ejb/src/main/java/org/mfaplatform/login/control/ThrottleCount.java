package org.mfaplatform.login.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The wrong passwords of one throttle key since it was last forgotten, and the arithmetic of the
 * slowing: after the free failures each further failure blocks the key for a delay that doubles
 * with every failure up to the longest delay. Immutable; the clock's reading is a parameter, so
 * tests move time instead of waiting for it.
 *
 * @param failures failures counted, 0 for none
 * @param lastFailure when the last one happened, null for none
 * @param blockedUntil until when attempts of the key are refused unchecked, null if never blocked
 */
public record ThrottleCount(int failures, Instant lastFailure, Instant blockedUntil) {

    public static final ThrottleCount NONE = new ThrottleCount(0, null, null);

    /**
     * @return how long an attempt at this moment must still wait; zero when it may go ahead
     */
    public Duration waitAt(Instant now) {
        if (blockedUntil == null || !now.isBefore(blockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, blockedUntil);
    }

    /**
     * @param free failures that cost nothing: the next one blocks
     * @return the count after one more failure at this moment
     */
    public ThrottleCount afterFailure(Instant now, int free, ThrottleLimits limits) {
        ThrottleCount since = failures == 0 || forgottenBy(now, limits.window()) ? NONE : this;
        int counted = since.failures + 1;
        Instant blocked = counted < free ? null : now.plus(limits.delayAfter(counted - free));
        return new ThrottleCount(counted, now, blocked);
    }

    /**
     * @return whether this count is the one that started the slowing of its key
     */
    public boolean justStartedSlowing(int free) {
        return failures == free;
    }

    /** Quiet for a whole window after the last failure, and after the delay it caused. */
    public boolean forgottenBy(Instant now, Duration window) {
        return failures == 0 || !now.isBefore(forgetAfter(window));
    }

    public Instant forgetAfter(Duration window) {
        Instant quietSince =
                blockedUntil != null && blockedUntil.isAfter(lastFailure)
                        ? blockedUntil
                        : lastFailure;
        return quietSince.plus(window);
    }
}
