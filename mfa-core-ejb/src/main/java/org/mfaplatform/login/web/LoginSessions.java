package org.mfaplatform.login.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** Reads and writes the {@link LoginState} of a request's session. */
public final class LoginSessions {

    private static final String ATTRIBUTE = LoginState.class.getName();

    private LoginSessions() {}

    public static Optional<LoginState> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((LoginState) session.getAttribute(ATTRIBUTE));
    }

    /**
     * Stores the state under a new session id: every change of privilege gets a new id, so an id
     * planted or seen before the change is worth nothing after it (session fixation).
     */
    static void store(HttpServletRequest request, LoginState state) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, state);
    }

    /**
     * Notes that this session proved possession of the device, as confirming a setup does, so that
     * the session is not asked for a token right after turning MFA on.
     */
    public static void recordTokenVerified(HttpServletRequest request) {
        current(request).ifPresent(state -> store(request, state.withTokenVerified()));
    }

    /** Notes one more wrong token of this login, keeping the session id: no privilege changed. */
    static void recordWrongToken(HttpServletRequest request, LoginState state) {
        request.getSession().setAttribute(ATTRIBUTE, state.withWrongToken());
    }

    /**
     * Gives the session a new id after the login replaced its temporary password, a step up like
     * the others.
     */
    public static void recordPasswordChanged(HttpServletRequest request) {
        current(request).ifPresent(state -> store(request, state));
    }

    /** Ends the session and with it any login, finished or not. */
    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
