package org.mfaplatform.login.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.entity.Account;

/**
 * Slows repeated wrong passwords, per email and client address and per address alone, without ever
 * locking an account: after the free failures each further attempt of that pair waits a delay that
 * doubles with every failure up to a longest delay, and is refused without looking at the password
 * while it waits. A right password clears its pair.
 *
 * <p>The email is counted as typed (normalized), never looked up, so an unknown email is slowed
 * exactly like a known one and the throttle tells nothing about which accounts exist. Because the
 * address is part of the key, a stranger who guesses a user's password slows only the guesses from
 * their own address, and the owner logs in from theirs; and every delay lifts by itself.
 *
 * <p>Thread-safe; the clock is a parameter so that tests move time instead of waiting for it.
 *
 * <p>TODO(cluster): the counts live in this server's memory, so each node of a cluster counts on
 * its own and a restart forgets them. Safe for now: the platform runs on one node, a guesser spread
 * over n nodes gets at most n times the free failures, and forgetting only lets a guesser start
 * again at the free failures, never locks anyone out. A shared store (a table) is needed before
 * running more than one node.
 */
public final class PasswordThrottle {

    private static final Logger LOG = Logger.getLogger(PasswordThrottle.class.getName());

    /**
     * Entries kept per map at most; the least recently used go first. Bounded so that a flood of
     * made-up emails cannot fill the heap; such a flood from one address is slowed by the
     * per-address count long before, and one spread over many addresses is volume, left to the
     * gateway in front of the servers (SECURITY.md).
     */
    static final int CAPACITY = 100_000;

    /** Past this many doublings the delay is at its longest anyway; stops the shift overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    private final ThrottleLimits limits;
    private final Clock clock;
    private final Map<String, Failures> byEmailAndAddress = boundedMap();
    private final Map<String, Failures> byAddress = boundedMap();

    public PasswordThrottle(ThrottleLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @return how long attempts for this email from this address must still wait, or empty when the
     *     password may be checked now
     */
    public synchronized Optional<Duration> waitBefore(String email, String address) {
        Instant now = clock.instant();
        Duration pairWait = waiting(byEmailAndAddress, pairKey(email, address), now);
        Duration addressWait = waiting(byAddress, address, now);
        Duration longer = pairWait.compareTo(addressWait) >= 0 ? pairWait : addressWait;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** Counts a refused password, whether the email belongs to an account or not. */
    public synchronized void recordFailure(String email, String address) {
        Instant now = clock.instant();

        if (count(byEmailAndAddress, pairKey(email, address), limits.freeFailures(), now)) {
            // No email in the log: it may be a typo of someone else's or a password typed into
            // the email field.
            LOG.log(
                    Level.WARNING,
                    "Slowed password attempts for one email from address {0} after {1} failures",
                    new Object[] {address, limits.freeFailures()});
        }
        if (limits.limitsAddresses()
                && count(byAddress, address, limits.addressFreeFailures(), now)) {
            LOG.log(
                    Level.WARNING,
                    "Slowed password attempts for every email from address {0} after {1}"
                            + " failures",
                    new Object[] {address, limits.addressFreeFailures()});
        }
    }

    /**
     * Clears the pair after a right password. The address's own count stays: one valid account must
     * not reset the count of an address trying passwords on many others.
     */
    public synchronized void recordSuccess(String email, String address) {
        byEmailAndAddress.remove(pairKey(email, address));
    }

    private Duration waiting(Map<String, Failures> counts, String key, Instant now) {
        Failures failures = counts.get(key);
        if (failures == null
                || failures.blockedUntil == null
                || !now.isBefore(failures.blockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.blockedUntil);
    }

    /**
     * @return whether this failure started the slowing of this key
     */
    private boolean count(Map<String, Failures> counts, String key, int free, Instant now) {
        Failures failures = counts.get(key);
        if (failures == null || failures.forgottenBy(now, limits.window())) {
            failures = new Failures();
            counts.put(key, failures);
        }

        failures.count++;
        failures.lastFailure = now;
        if (failures.count < free) {
            return false;
        }
        failures.blockedUntil = now.plus(delayAfter(failures.count - free));
        return failures.count == free;
    }

    /** The first delay, doubled for each failure past the free ones, at most the longest. */
    Duration delayAfter(int failuresPastFree) {
        Duration delay = limits.firstDelay();
        for (int i = 0; i < Math.min(failuresPastFree, MAX_DOUBLINGS); i++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(limits.maxDelay()) >= 0) {
                return limits.maxDelay();
            }
        }
        return delay;
    }

    private static String pairKey(String email, String address) {
        // An address never holds a line break, so the last one splits every key unambiguously.
        return Account.normalizeEmail(email) + "\n" + address;
    }

    private static Map<String, Failures> boundedMap() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    /** The failures of one key since it was last forgotten. */
    private static final class Failures {
        int count;
        Instant lastFailure;
        Instant blockedUntil;

        /** Quiet for a whole window after the last failure and after its delay ended. */
        boolean forgottenBy(Instant now, Duration window) {
            Instant quietSince =
                    blockedUntil != null && blockedUntil.isAfter(lastFailure)
                            ? blockedUntil
                            : lastFailure;
            return !now.isBefore(quietSince.plus(window));
        }
    }
}
