package org.mfaplatform.totp.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Every parameter of TOTP (RFC 6238) in one place. The defaults are the ones authenticator apps
 * assume when a key URI names none: Google Authenticator ignores other values, so changing them
 * locks those users out.
 *
 * @param algorithm HMAC hash function
 * @param digits length of a code
 * @param period length of a time step
 * @param window how many time steps before and after the current one are also accepted, to allow
 *     for clock drift and for the seconds a person needs to type the code (RFC 6238 section 5.2)
 */
public record TotpPolicy(HmacAlgorithm algorithm, int digits, Duration period, int window) {

    public static final HmacAlgorithm DEFAULT_ALGORITHM = HmacAlgorithm.SHA1;
    public static final int DEFAULT_DIGITS = 6;
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);
    public static final int DEFAULT_WINDOW = 1;

    /** RFC 4226 section 5.3: at least 6 digits; more than 8 exceed what 31 bits can carry well. */
    private static final int MIN_DIGITS = 6;

    private static final int MAX_DIGITS = 8;

    /** More than a few steps each side would make guessing much easier for little gain. */
    private static final int MAX_WINDOW = 4;

    public TotpPolicy {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(period, "period");
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "TOTP digits must be between " + MIN_DIGITS + " and " + MAX_DIGITS);
        }
        if (period.toSeconds() < 1 || period.toNanosPart() != 0) {
            throw new IllegalArgumentException("TOTP period must be a whole number of seconds");
        }
        if (window < 0 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("TOTP window must be between 0 and " + MAX_WINDOW);
        }
    }

    public static TotpPolicy defaults() {
        return new TotpPolicy(DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD, DEFAULT_WINDOW);
    }

    /** RFC 6238 section 4.2: T = floor((unix time - T0) / X), with T0 = 0. */
    public long timeStep(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), period.toSeconds());
    }

    /** Whether an authenticator app that ignores the URI parameters still computes our codes. */
    public boolean usesAppDefaults() {
        return algorithm == DEFAULT_ALGORITHM
                && digits == DEFAULT_DIGITS
                && period.equals(DEFAULT_PERIOD);
    }
}
