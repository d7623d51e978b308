package org.mfaplatform.operations.metrics;

/**
 * The security events operators count, each bound to one counter and at most one tag. Tags are
 * constants here, never values from a request, so no email, token or secret can reach a metric, and
 * the number of series stays fixed.
 *
 * <p>Fire one through a CDI {@code Event<SecurityEvent>} where the event happens; {@link
 * SecurityCounters} counts it once the transaction around it has committed.
 */
public enum SecurityEvent {
    /** A login that reached the site: the password alone where no token is asked, or both. */
    PORTAL_LOGIN(Counter.LOGINS, "site", "portal"),
    ADMIN_LOGIN(Counter.LOGINS, "site", "admin"),
    /**
     * A password refused: wrong, for an unknown email, or of an account the site does not admit.
     */
    PORTAL_PASSWORD_FAILURE(Counter.PASSWORD_FAILURES, "site", "portal"),
    ADMIN_PASSWORD_FAILURE(Counter.PASSWORD_FAILURES, "site", "admin"),
    /** A wrong token counted against its account, at login or when confirming a device change. */
    TOKEN_FAILURE(Counter.TOKEN_FAILURES, null, null),
    /** Wrong tokens in a row locked the token step for a while. */
    TOKEN_STEP_LOCKOUT(Counter.LOCKOUTS, "lock", "token_step"),
    /** Wrong tokens in a row locked the account until staff reset it. */
    ACCOUNT_LOCKOUT(Counter.LOCKOUTS, "lock", "account"),
    /** A token from a new app confirmed the first device of an account. */
    DEVICE_SET_UP(Counter.DEVICE_SETUPS, "kind", "setup"),
    /** A token from a new app confirmed the replacement of an account's device. */
    DEVICE_REPLACED(Counter.DEVICE_SETUPS, "kind", "replacement"),
    /** Staff reset a user's MFA. */
    MFA_RESET(Counter.RESETS, null, null);

    /** The counters, by the names /metrics shows them under (dots become underscores). */
    enum Counter {
        LOGINS("mfa.logins", "Logins completed, the token step included where MFA applies"),
        PASSWORD_FAILURES("mfa.password.failures", "Passwords refused at the login"),
        TOKEN_FAILURES("mfa.token.failures", "Wrong tokens counted against an account"),
        LOCKOUTS("mfa.lockouts", "Locks of the token step or the account after wrong tokens"),
        DEVICE_SETUPS("mfa.device.setups", "Devices set up or replaced, confirmed by a token"),
        RESETS("mfa.resets", "Resets of a user's MFA by staff");

        final String metricName;
        final String description;

        Counter(String metricName, String description) {
            this.metricName = metricName;
            this.description = description;
        }
    }

    final Counter counter;
    final String tagName;
    final String tagValue;

    SecurityEvent(Counter counter, String tagName, String tagValue) {
        this.counter = counter;
        this.tagName = tagName;
        this.tagValue = tagValue;
    }
}
