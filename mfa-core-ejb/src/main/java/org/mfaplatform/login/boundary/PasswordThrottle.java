package org.mfaplatform.login.boundary;

import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.login.control.ThrottleCount;
import org.mfaplatform.login.control.ThrottleKeys;
import org.mfaplatform.login.control.ThrottleLimits;
import org.mfaplatform.login.entity.FailureCount;

/**
 * Slows repeated wrong passwords, per email and client address (and, where configured, per address
 * alone), without ever locking an account: after the free failures each further attempt of that
 * pair waits a delay that doubles with every failure up to a longest delay, and is refused without
 * looking at the password while it waits. A right password clears its pair.
 *
 * <p>Because the address is part of the key, a stranger who guesses a user's password slows only
 * the guesses from their own address, and the owner logs in from theirs; every delay lifts by
 * itself. The counts live in the database, so every node of a cluster slows the same guesser and a
 * restart forgets nothing; a right password costs one read, and a clear only where a count exists.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordThrottle {

    private static final Logger LOG = Logger.getLogger(PasswordThrottle.class.getName());

    @Inject FailureCounts counts;

    @Inject Settings settings;

    @Inject Clock clock;

    /**
     * @return how long attempts for this email from this address must still wait, or empty when the
     *     password may be checked now
     */
    public Optional<Duration> waitBefore(String email, String address) {
        ThrottleLimits limits = settings.passwordThrottle();
        Instant now = clock.instant();

        Duration longest = Duration.ZERO;
        for (FailureCount row : counts.find(ThrottleKeys.of(email, address).counted(limits))) {
            Duration wait = row.count().waitAt(now);
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a refused password, whether the email belongs to an account or not. */
    public void recordFailure(String email, String address) {
        ThrottleLimits limits = settings.passwordThrottle();
        ThrottleKeys keys = ThrottleKeys.of(email, address);
        Instant now = clock.instant();

        if (count(keys.pair(), limits.freeFailures(), limits, now)) {
            // No email in the log: it may be a typo of someone else's or a password typed into
            // the email field.
            LOG.log(
                    Level.WARNING,
                    "Slowed password attempts for one email from address {0} after {1} failures",
                    new Object[] {address, limits.freeFailures()});
        }
        if (limits.limitsAddresses()
                && count(keys.address(), limits.addressFreeFailures(), limits, now)) {
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
    public void recordSuccess(String email, String address) {
        String pair = ThrottleKeys.of(email, address).pair();
        if (!counts.find(List.of(pair)).isEmpty()) {
            counts.clear(pair);
        }
    }

    /** Each node sweeps; the delete is the same wherever it runs, so sweeps never conflict. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void removeForgottenCounts() {
        int removed = counts.removeForgotten(clock.instant());
        LOG.log(Level.FINE, "Removed {0} forgotten password failure counts", removed);
    }

    /**
     * @return whether this failure started the slowing of the key
     */
    private boolean count(String key, int free, ThrottleLimits limits, Instant now) {
        ThrottleCount counted;
        try {
            counted = counts.countFailure(key, free, limits, now);
        } catch (EJBException firstRowTakenMeanwhile) {
            counted = counts.countFailure(key, free, limits, now);
        }
        return counted.justStartedSlowing(free);
    }
}
