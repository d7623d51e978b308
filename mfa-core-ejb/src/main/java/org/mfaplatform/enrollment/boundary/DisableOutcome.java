package org.mfaplatform.enrollment.boundary;

/** The outcome of a user turning their own device off. */
public enum DisableOutcome {
    DISABLED,
    /** Refused before the token was looked at, so it counts as no wrong token. */
    WRONG_PASSWORD,
    WRONG_TOKEN,
    LOCKED,
    /** The company requires MFA, has disabled it (devices stay dormant), or there is no device. */
    NOT_ALLOWED
}
