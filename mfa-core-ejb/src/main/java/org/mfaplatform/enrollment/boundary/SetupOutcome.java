package org.mfaplatform.enrollment.boundary;

/** The outcome of confirming a setup with a token. */
public enum SetupOutcome {
    ACTIVATED,
    WRONG_TOKEN,
    /** The QR code is older than the setup timeout, or there was none: Setup must start again. */
    EXPIRED,
    /** The company policy does not allow setup now. */
    NOT_ALLOWED
}
