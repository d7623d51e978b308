package org.mfaplatform.login.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.boundary.PasswordLogin;
import org.mfaplatform.administration.boundary.AdminActivity;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.SetupOutcome;
import org.mfaplatform.login.boundary.Access;
import org.mfaplatform.login.boundary.LoginGate;
import org.mfaplatform.login.boundary.PasswordThrottle;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;
import org.mfaplatform.operations.metrics.SecurityEvent;
import org.mfaplatform.policy.control.LoginStep;

/**
 * The two-step login of both web sites. A login passes through these states, kept as a {@link
 * LoginState} in the HTTP session:
 *
 * <ol>
 *   <li><b>Anonymous</b>: no state. Protected pages redirect to the login page.
 *   <li><b>Password checked, second factor pending</b>: the state exists without a verified token
 *       and the policy asks for one. The caller is not authenticated; protected pages redirect to
 *       the token page.
 *   <li><b>Password checked, setup required</b>: the policy requires MFA and the account has no
 *       device. Protected pages redirect to the setup page, whose token completes the login.
 *   <li><b>Fully authenticated</b>: the policy asks for nothing more. Every request is reported to
 *       the container as this caller with its role as group.
 * </ol>
 *
 * The state is re-evaluated against the database on every request, so a policy change, an MFA reset
 * or a removed account takes effect on the next request of a session already open. Each step up
 * gets a new session id. However busy, a login ends {@link Settings#sessionMaxLifetime()} after its
 * password, and a half-finished one only reaches the page of its own next step.
 *
 * <p>Both web sites use this one mechanism; the {@link Site} a module declares decides which roles
 * it admits and whether logins are recorded.
 *
 * <p>Wrong passwords are slowed per email and client address by a {@link PasswordThrottle}; while a
 * pair waits, its attempts are refused without checking the password, alike for every email.
 *
 * <p>Completed logins and refused passwords are counted per site as {@link SecurityEvent}s; an
 * attempt refused unchecked by the throttle is not a refused password.
 */
@ApplicationScoped
public class TwoStepAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG =
            Logger.getLogger(TwoStepAuthenticationMechanism.class.getName());

    private static final String READING = Reading.class.getName();

    @Inject PasswordLogin passwordLogin;

    @Inject LoginGate loginGate;

    @Inject SecondFactor secondFactor;

    @Inject Enrollment enrollment;

    @Inject Settings settings;

    @Inject Clock clock;

    @Inject AdminActivity adminActivity;

    @Inject ClientAddress clientAddress;

    @Inject PasswordThrottle passwordThrottle;

    @Inject Event<SecurityEvent> securityEvents;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            return nextStep(request, context);
        } catch (RuntimeException failure) {
            if (!DatabaseUnavailable.isCause(failure)) {
                throw failure;
            }
            if (context.isAuthenticationRequest()) {
                // A login form's call: the container would swallow the failure and keep no status
                // set here, so the form's page rethrows it for its filter to send the 503 page.
                DatabaseUnavailable.keep(request, failure);
                return AuthenticationStatus.SEND_FAILURE;
            }
            return databaseUnavailable(request, response, failure);
        }
    }

    /**
     * Any state, database down: the state cannot be checked, so the visitor gets the plain 503 page
     * instead of a container error with the fault in it. The session is kept, so the login goes on
     * where it was once the database is back.
     */
    private AuthenticationStatus databaseUnavailable(
            HttpServletRequest request, HttpServletResponse response, RuntimeException failure) {
        LOG.log(Level.SEVERE, "Could not check a login: database unavailable", failure);
        try {
            DatabaseUnavailable.send(request, response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not send the unavailable page", e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus nextStep(HttpServletRequest request, HttpMessageContext context) {
        Credential credential =
                context.getAuthParameters() == null
                        ? null
                        : context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return passwordStep(password, request, context);
        }
        if (credential instanceof TokenCredential token) {
            return tokenStep(token, request, context);
        }
        return continueSession(request, context);
    }

    @Override
    public void cleanSubject(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        LoginSessions.end(request);
        context.cleanClientSubject();
    }

    /** Anonymous: a login form was submitted. */
    private AuthenticationStatus passwordStep(
            UsernamePasswordCredential credential,
            HttpServletRequest request,
            HttpMessageContext context) {
        String email = credential.getCaller();
        String address = clientAddress.of(request);
        Optional<Duration> wait = passwordThrottle.waitBefore(email, address);
        if (wait.isPresent()) {
            // Anonymous, too many wrong passwords: refused unchecked, the same for every email.
            credential.getPassword().clear();
            LoginOutcome.PASSWORD_THROTTLED.attachTo(request, wait.get());
            return context.responseUnauthorized();
        }

        Optional<Access> access =
                passwordLogin
                        .verify(email, credential.getPassword().getValue())
                        .flatMap(accountId -> loginGate.evaluate(accountId, null, false))
                        .filter(found -> Site.of(request.getServletContext()).admits(found.role()));
        credential.getPassword().clear();
        if (access.isEmpty()) {
            passwordThrottle.recordFailure(email, address);
            securityEvents.fire(Site.of(request.getServletContext()).passwordFailure());
            LoginOutcome.WRONG_PASSWORD.attachTo(request);
            return context.responseUnauthorized();
        }

        passwordThrottle.recordSuccess(email, address);
        Access found = access.get();
        Optional<LoginOutcome> blocked = blockedAfterPassword(found, request);
        if (blocked.isPresent()) {
            blocked.get().attachTo(request);
            return context.responseUnauthorized();
        }
        LoginState state =
                LoginState.afterPassword(
                        found.accountId(), found.sessionGeneration(), clock.instant());
        LoginSessions.store(request, state);
        LOG.log(
                Level.FINE,
                "Account {0} gave the right password; next step {1}",
                new Object[] {found.accountId(), found.step()});
        return proceed(found, request, context, true);
    }

    /**
     * Password checked, but the account cannot go on here: it is locked (told only now, to someone
     * who knows the password), or it must replace a temporary password on the portal first.
     */
    private static Optional<LoginOutcome> blockedAfterPassword(
            Access access, HttpServletRequest request) {
        if (access.step() == LoginStep.ACCOUNT_LOCKED) {
            LOG.log(Level.FINE, "Refused the login of locked account {0}", access.accountId());
            return Optional.of(LoginOutcome.ACCOUNT_LOCKED);
        }
        if (access.step() == LoginStep.PASSWORD_CHANGE_REQUIRED
                && !Site.of(request.getServletContext()).offersPasswordChange()) {
            return Optional.of(LoginOutcome.PASSWORD_CHANGE_ELSEWHERE);
        }
        return Optional.empty();
    }

    /** Password checked: a token was submitted, to log in or to confirm a required setup. */
    private AuthenticationStatus tokenStep(
            TokenCredential credential, HttpServletRequest request, HttpMessageContext context) {
        Optional<LoginState> state = LoginSessions.current(request);
        Optional<Access> access = state.flatMap(found -> currentAccess(found, request));
        if (access.isEmpty()) {
            LoginSessions.end(request);
            LoginOutcome.LOGIN_EXPIRED.attachTo(request);
            return context.responseUnauthorized();
        }

        Access found = access.get();
        Optional<LoginOutcome> refusal =
                switch (found.step()) {
                    case TOKEN_REQUIRED -> checkToken(found, credential, request);
                    case SETUP_REQUIRED -> confirmSetup(found, credential, request);
                    case GRANTED -> Optional.empty();
                    case PASSWORD_CHANGE_REQUIRED, ACCOUNT_LOCKED ->
                            Optional.of(LoginOutcome.LOGIN_EXPIRED);
                };
        if (refusal.isPresent()) {
            refuseToken(refusal.get(), state.get(), request).attachTo(request);
            return context.responseUnauthorized();
        }

        LoginState verified = state.get().withTokenVerified();
        LoginSessions.store(request, verified);
        // A confirmed setup has just made the device active, so only a reading taken now knows
        // the next step; an accepted token changed nothing the reading above depends on.
        Optional<Access> updated =
                found.step() == LoginStep.TOKEN_REQUIRED
                        ? Optional.of(found.withTokenAccepted())
                        : currentAccess(verified, request);
        return updated.map(next -> proceed(next, request, context, true))
                .orElseGet(context::responseUnauthorized);
    }

    /**
     * Password checked, token refused: counts the refusal against this login. The login ends after
     * its last allowed try, or when the account got locked, so further guesses need the password
     * again.
     */
    private LoginOutcome refuseToken(
            LoginOutcome refusal, LoginState state, HttpServletRequest request) {
        if (refusal == LoginOutcome.ACCOUNT_LOCKED || refusal == LoginOutcome.LOGIN_EXPIRED) {
            LoginSessions.end(request);
            return refusal;
        }
        if (state.wrongTokens() + 1 >= settings.maxTokenTriesPerLogin()) {
            LOG.log(
                    Level.FINE,
                    "Ended the login of account {0} after {1} wrong tokens",
                    new Object[] {state.accountId(), state.wrongTokens() + 1});
            LoginSessions.end(request);
            return LoginOutcome.TOO_MANY_TOKENS;
        }
        LoginSessions.recordWrongToken(request, state);
        return refusal;
    }

    /** Any state: an ordinary request; the session's login is checked again. */
    private AuthenticationStatus continueSession(
            HttpServletRequest request, HttpMessageContext context) {
        Optional<LoginState> state = LoginSessions.current(request);
        if (state.isEmpty()) {
            return context.isProtected()
                    ? redirect(context, request, Site.LOGIN_PAGE)
                    : context.doNothing();
        }

        Optional<Access> access = state.flatMap(found -> currentAccess(found, request));
        if (access.isEmpty()) {
            LOG.log(
                    Level.FINE,
                    "Ended the session of account {0}: login expired or ended",
                    state.get().accountId());
            LoginSessions.end(request);
            return context.isProtected()
                    ? redirect(context, request, Site.LOGIN_PAGE)
                    : context.doNothing();
        }

        return proceed(access.get(), request, context, false);
    }

    private AuthenticationStatus proceed(
            Access access,
            HttpServletRequest request,
            HttpMessageContext context,
            boolean justStepped) {
        return switch (access.step()) {
            case GRANTED -> {
                if (justStepped) {
                    Site site = Site.of(request.getServletContext());
                    if (site.auditsLogins()) {
                        adminActivity.recordLogin(access.accountId(), clientAddress.of(request));
                    }
                    securityEvents.fire(site.login());
                    LOG.log(Level.FINE, "Completed the login of account {0}", access.accountId());
                }
                yield context.notifyContainerAboutLogin(
                        access.email(), Set.of(access.role().name()));
            }
            case TOKEN_REQUIRED -> toStepPage(Site.TOKEN_PAGE, request, context, justStepped);
            case SETUP_REQUIRED -> toStepPage(Site.SETUP_PAGE, request, context, justStepped);
            case PASSWORD_CHANGE_REQUIRED ->
                    toStepPage(Site.PASSWORD_PAGE, request, context, justStepped);
            case ACCOUNT_LOCKED -> {
                // Sessions of a locked account already ended with it; this one must not go on.
                LoginSessions.end(request);
                yield redirect(context, request, Site.LOGIN_PAGE);
            }
        };
    }

    /**
     * Half-finished login: the token, setup and password pages lie outside /app, and each state
     * reaches only its own, so a password alone never starts or sees a setup of a device.
     */
    private static AuthenticationStatus toStepPage(
            String stepPage,
            HttpServletRequest request,
            HttpMessageContext context,
            boolean justStepped) {
        boolean otherStepsPage =
                Site.stepPageOf(request).filter(page -> !page.equals(stepPage)).isPresent();
        return justStepped || context.isProtected() || otherStepsPage
                ? redirect(context, request, stepPage)
                : context.doNothing();
    }

    /**
     * The account's current standing, or empty when the session must end: the account is gone, its
     * sessions were ended, it lost its role here, a half-finished login waited too long, or the
     * login is older than the longest a session may last.
     */
    private Optional<Access> currentAccess(LoginState state, HttpServletRequest request) {
        Optional<Access> access =
                readThisRequest(state, request)
                        .filter(found -> Site.of(request.getServletContext()).admits(found.role()));
        Instant now = clock.instant();
        if (now.isAfter(state.passwordVerifiedAt().plus(settings.sessionMaxLifetime()))) {
            return Optional.empty();
        }
        Instant halfLoginDeadline = state.passwordVerifiedAt().plus(settings.secondStepTimeout());
        if (access.isPresent()
                && access.get().step() != LoginStep.GRANTED
                && now.isAfter(halfLoginDeadline)) {
            return Optional.empty();
        }
        return access;
    }

    /**
     * The account's standing for this session's login, read from the database once per request: a
     * form that logs in is seen by the mechanism before Faces runs and again when the form calls
     * {@code authenticate}, and both must see the same reading anyway. Any later request reads
     * afresh.
     */
    private Optional<Access> readThisRequest(LoginState state, HttpServletRequest request) {
        if (request.getAttribute(READING) instanceof Reading earlier
                && earlier.state().equals(state)) {
            return earlier.access();
        }
        Optional<Access> access =
                loginGate.evaluate(
                        state.accountId(), state.sessionGeneration(), state.tokenVerified());
        request.setAttribute(READING, new Reading(state, access));
        return access;
    }

    /** One request's reading of a login's standing, for the login state it was read for. */
    private record Reading(LoginState state, Optional<Access> access) {}

    private Optional<LoginOutcome> checkToken(
            Access access, TokenCredential credential, HttpServletRequest request) {
        TokenCheck check =
                secondFactor.verify(
                        access.accountId(), credential.token(), clientAddress.of(request));
        return switch (check) {
            case ACCEPTED -> Optional.empty();
            case LOCKED -> Optional.of(LoginOutcome.TOKEN_LOCKED);
            case ACCOUNT_LOCKED -> Optional.of(LoginOutcome.ACCOUNT_LOCKED);
            case REJECTED, NO_DEVICE -> Optional.of(LoginOutcome.WRONG_TOKEN);
        };
    }

    private Optional<LoginOutcome> confirmSetup(
            Access access, TokenCredential credential, HttpServletRequest request) {
        SetupOutcome outcome =
                enrollment.confirmSetup(
                        access.accountId(), credential.token(), clientAddress.of(request));
        return switch (outcome) {
            case ACTIVATED -> Optional.empty();
            case WRONG_TOKEN -> Optional.of(LoginOutcome.WRONG_TOKEN);
            case EXPIRED -> Optional.of(LoginOutcome.SETUP_EXPIRED);
            case NOT_ALLOWED -> Optional.of(LoginOutcome.LOGIN_EXPIRED);
        };
    }

    private static AuthenticationStatus redirect(
            HttpMessageContext context, HttpServletRequest request, String page) {
        return context.redirect(request.getContextPath() + page);
    }
}
