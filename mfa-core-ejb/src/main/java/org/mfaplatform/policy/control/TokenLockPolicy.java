package org.mfaplatform.policy.control;

import java.time.Duration;

/**
 * What an account's count of wrong tokens in a row leads to. The count is raised by every wrong
 * token from any session, browser or address and reset only by a right one.
 *
 * <p>Every {@code lockAfter} wrong tokens the token step locks for a while, twice as long as the
 * time before, up to {@code longestLock}; each lock lifts by itself, so the owner is never shut out
 * for long by guesses they did not make. At {@code lockAccountAfter} wrong tokens the guessing has
 * gone on for hours despite the locks, so the password is known to someone who does not hold the
 * device: the account locks until staff reset it and the password is changed.
 *
 * <p>With the defaults the locks come at 10, 20, 30 and 40 wrong tokens (15, 30, 60 and 120
 * minutes), the account lock at 50: an attacker gets 50 tries at 3 valid codes in a million, about
 * 1 in 6,700, spread over at least 3 hours 45 minutes.
 *
 * @param lockAfter wrong tokens in a row per lock of the token step
 * @param firstLock how long the first lock lasts
 * @param longestLock the longest a lock lasts, however many came before
 * @param lockAccountAfter wrong tokens in a row that lock the account itself
 */
public record TokenLockPolicy(
        int lockAfter, Duration firstLock, Duration longestLock, int lockAccountAfter) {

    public static final int DEFAULT_LOCK_AFTER = 10;
    public static final Duration DEFAULT_FIRST_LOCK = Duration.ofMinutes(15);
    public static final Duration DEFAULT_LONGEST_LOCK = Duration.ofHours(24);
    public static final int DEFAULT_LOCK_ACCOUNT_AFTER = 50;

    public TokenLockPolicy {
        if (lockAfter < 1 || lockAccountAfter < lockAfter) {
            throw new IllegalArgumentException(
                    "Token locks need at least 1 wrong token per lock and an account lock no"
                            + " sooner than the first lock, not "
                            + lockAfter
                            + " and "
                            + lockAccountAfter);
        }
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException(
                    "A token lock must last a positive time no longer than the longest lock, not "
                            + firstLock
                            + " and "
                            + longestLock);
        }
    }

    public static TokenLockPolicy defaults() {
        return new TokenLockPolicy(
                DEFAULT_LOCK_AFTER,
                DEFAULT_FIRST_LOCK,
                DEFAULT_LONGEST_LOCK,
                DEFAULT_LOCK_ACCOUNT_AFTER);
    }

    /** Whether this many wrong tokens in a row lock the account until staff reset it. */
    public boolean locksAccount(int failuresInARow) {
        return failuresInARow >= lockAccountAfter;
    }

    /**
     * How long the token step locks once the count reaches this value, or zero when this failure
     * starts no lock.
     */
    public Duration tokenLockAfter(int failuresInARow) {
        if (failuresInARow <= 0 || failuresInARow % lockAfter != 0) {
            return Duration.ZERO;
        }
        int earlierLocks = failuresInARow / lockAfter - 1;
        // Past 2^20 times the first lock every sane setting has long reached the longest lock;
        // stopping there keeps the doubling clear of overflow.
        if (earlierLocks >= 20) {
            return longestLock;
        }
        Duration lock = firstLock.multipliedBy(1L << earlierLocks);
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
