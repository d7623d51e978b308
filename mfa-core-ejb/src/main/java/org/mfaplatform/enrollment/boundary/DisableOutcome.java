package org.mfaplatform.enrollment.boundary;

/** The outcome of a user turning their own device off. */
public enum DisableOutcome {
    DISABLED,
    WRONG_TOKEN,
    LOCKED,
    /** The company requires MFA, has disabled it (devices stay dormant), or there is no device. */
    NOT_ALLOWED
}
