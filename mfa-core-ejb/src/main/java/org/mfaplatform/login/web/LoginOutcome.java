package org.mfaplatform.login.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Why a login step did not succeed, for the page to word its message. The mechanism leaves it as a
 * request attribute because an authentication status only says success or failure.
 */
public enum LoginOutcome {
    WRONG_PASSWORD,
    WRONG_TOKEN,
    TOKEN_LOCKED,
    /** This login gave too many wrong tokens and ended; the password must be given again. */
    TOO_MANY_TOKENS,
    /** Wrong tokens locked the account; only staff can lift it. Told only after the password. */
    ACCOUNT_LOCKED,
    /** The account must first replace its temporary password, which this site does not offer. */
    PASSWORD_CHANGE_ELSEWHERE,
    /** The login took too long, the session ended, or there was no login to continue. */
    LOGIN_EXPIRED,
    /** The setup's QR code expired; Setup must start again. */
    SETUP_EXPIRED,
    /** Too many wrong passwords for this email from this address; the password was not checked. */
    PASSWORD_THROTTLED;

    private static final String ATTRIBUTE = LoginOutcome.class.getName();

    private static final String WAIT_ATTRIBUTE = ATTRIBUTE + ".wait";

    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** Attaches the outcome with how long the caller must wait before trying again. */
    public void attachTo(HttpServletRequest request, Duration wait) {
        attachTo(request);
        request.setAttribute(WAIT_ATTRIBUTE, wait);
    }

    /** How long the caller must wait, when the outcome came with a wait. */
    public static Optional<Duration> waitOf(HttpServletRequest request) {
        Object wait = request.getAttribute(WAIT_ATTRIBUTE);
        return wait instanceof Duration known ? Optional.of(known) : Optional.empty();
    }

    public static LoginOutcome of(HttpServletRequest request) {
        Object outcome = request.getAttribute(ATTRIBUTE);
        return outcome instanceof LoginOutcome known ? known : LOGIN_EXPIRED;
    }
}
