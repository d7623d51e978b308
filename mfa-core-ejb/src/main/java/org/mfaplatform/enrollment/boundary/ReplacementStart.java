package org.mfaplatform.enrollment.boundary;

/**
 * How a request to replace the active device ended, and once started, the new device's key to show
 * as Setup shows it.
 *
 * @param challenge the new key, or {@code null} unless {@code outcome} is {@link Outcome#STARTED}
 */
public record ReplacementStart(Outcome outcome, SetupChallenge challenge) {

    public enum Outcome {
        /** A new pending device exists; the active one keeps working until it is confirmed. */
        STARTED,
        /** Refused before the token was looked at, so it counts as no wrong token. */
        WRONG_PASSWORD,
        WRONG_TOKEN,
        LOCKED,
        /** The company has disabled MFA, or there is no active device to replace. */
        NOT_ALLOWED
    }

    static ReplacementStart refused(Outcome outcome) {
        return new ReplacementStart(outcome, null);
    }

    @Override
    public String toString() {
        // The challenge carries the new key, which must never reach a log or a message.
        return "ReplacementStart[" + outcome + "]";
    }
}
