package org.mfaplatform.account.boundary;

/** How replacing a temporary password ended; only {@link #CHANGED} changed anything. */
public enum PasswordChangeOutcome {
    CHANGED,
    /** Shorter than {@link TemporaryPasswordChange#MIN_LENGTH} characters. */
    TOO_SHORT,
    /** Longer than {@link TemporaryPasswordChange#MAX_LENGTH} characters. */
    TOO_LONG,
    /** The two entries differ. */
    MISMATCH,
    /** The new password is the temporary one staff gave out, which they know too. */
    SAME_AS_TEMPORARY,
    /** The account has no temporary password to replace. */
    NOT_REQUIRED
}
