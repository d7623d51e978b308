package org.mfaplatform.login.boundary;

/** The outcome of checking a token from an account's device. */
public enum TokenCheck {
    ACCEPTED,
    /** Wrong, malformed, too old or already used: the caller is not told which. */
    REJECTED,
    /** Too many wrong tokens in a row; refused unchecked until the lock expires. */
    LOCKED,
    /** Wrong tokens locked the account itself; refused unchecked until staff reset it. */
    ACCOUNT_LOCKED,
    /** The account has no active device to check against. */
    NO_DEVICE
}
