package org.mfaplatform.administration.boundary;

/** How a request to reset a user's MFA ended; only {@link #RESET} changed anything. */
public enum ResetOutcome {
    RESET,
    /** No such user, or one this member of staff may not act on: the two are never told apart. */
    NOT_FOUND,
    REASON_REQUIRED,
    /** Support staff act across companies and must name the ticket they act on. */
    TICKET_REQUIRED,
    /** Nobody resets their own MFA: that would let a stolen password remove the second factor. */
    OWN_ACCOUNT
}
