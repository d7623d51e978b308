package org.mfaplatform.policy.control;

/** What a caller who gave the right password must still do before reaching the application. */
public enum LoginStep {
    /** Nothing: the caller is in. */
    GRANTED,
    /** Give a token from the active device. */
    TOKEN_REQUIRED,
    /** Set up a device first; nothing but setup and logout is reachable until then. */
    SETUP_REQUIRED,
    /**
     * Replace the temporary password staff gave with one of the owner's own, before anything else.
     */
    PASSWORD_CHANGE_REQUIRED,
    /** Wrong tokens locked the account; nothing is reachable until staff reset it. */
    ACCOUNT_LOCKED
}
