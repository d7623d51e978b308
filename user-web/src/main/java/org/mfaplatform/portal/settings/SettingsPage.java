package org.mfaplatform.portal.settings;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.mfaplatform.enrollment.boundary.DeviceView;
import org.mfaplatform.enrollment.boundary.DisableOutcome;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.ReplacementStart;
import org.mfaplatform.enrollment.boundary.SetupChallenge;
import org.mfaplatform.enrollment.boundary.SetupNotAllowedException;
import org.mfaplatform.enrollment.boundary.SetupOutcome;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.portal.web.RequestContext;

/**
 * The Settings page, section "MFA Device": status, Setup with QR code and manual key, Replace
 * device (then the new device's QR code and key, as in Setup) and Disable. The same bean drives the
 * mandatory setup page.
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter MINUTES_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject Enrollment enrollment;

    @Inject RequestContext context;

    private DeviceView device;

    private SetupChallenge challenge;

    /** Whether {@link #challenge} is for a new device that replaces the active one. */
    private boolean replacing;

    // What the forms submit is used and cleared within one request: transient, so that no password
    // or token is ever written with the session to a shared session store.
    private transient String setupToken;

    private transient String disablePassword;

    private transient String disableToken;

    private transient String replacePassword;

    private transient String replaceToken;

    public DeviceView getDevice() {
        if (device == null) {
            device = enrollment.view(context.accountId());
        }
        return device;
    }

    /** Shows a new QR code and key; any earlier unconfirmed setup is replaced. */
    public void setup() {
        try {
            challenge = enrollment.startSetup(context.accountId());
            replacing = false;
        } catch (SetupNotAllowedException e) {
            context.error(null, "setup.notAllowed");
        }
        device = null;
    }

    /** Activates the device if the token comes from it. */
    public void next() {
        SetupOutcome outcome =
                enrollment.confirmSetup(context.accountId(), setupToken, context.clientAddress());
        setupToken = null;

        switch (outcome) {
            case ACTIVATED -> {
                LoginSessions.recordTokenVerified(context.request());
                challenge = null;
                context.info(replacing ? "replace.done" : "setup.done");
            }
            case WRONG_TOKEN -> context.error("setup-form:token", "token.wrong");
            case EXPIRED -> {
                challenge = null;
                context.error(null, replacing ? "replace.expired" : "setup.expired");
            }
            case NOT_ALLOWED -> {
                challenge = null;
                context.error(null, "setup.notAllowed");
            }
        }
        device = null;
    }

    /** Turns MFA off for this account, proven by the password and a current token. */
    public void disable() {
        DisableOutcome outcome =
                enrollment.disable(
                        context.accountId(),
                        passwordChars(disablePassword),
                        disableToken,
                        context.clientAddress());
        disablePassword = null;
        disableToken = null;

        switch (outcome) {
            case DISABLED -> context.info("disable.done");
            case WRONG_PASSWORD -> context.error("disable-form:password", "device.wrongPassword");
            case WRONG_TOKEN -> context.error("disable-form:token", "token.wrong");
            case LOCKED -> context.error("disable-form:token", "token.locked");
            case NOT_ALLOWED -> context.error(null, "disable.notAllowed");
        }
        device = null;
    }

    /**
     * Starts replacing the device, proven by the password and a current token from it, and shows
     * the new device's QR code and key; Next with a token from the new app completes it.
     */
    public void replace() {
        ReplacementStart start =
                enrollment.startReplacement(
                        context.accountId(),
                        passwordChars(replacePassword),
                        replaceToken,
                        context.clientAddress());
        replacePassword = null;
        replaceToken = null;

        switch (start.outcome()) {
            case STARTED -> {
                challenge = start.challenge();
                replacing = true;
                context.info("replace.started");
            }
            case WRONG_PASSWORD -> context.error("replace-form:password", "device.wrongPassword");
            case WRONG_TOKEN -> context.error("replace-form:token", "token.wrong");
            case LOCKED -> context.error("replace-form:token", "token.locked");
            case NOT_ALLOWED -> context.error(null, "replace.notAllowed");
        }
        device = null;
    }

    /** A moment as users read it here: minutes, in UTC, said so. */
    public String utc(Instant instant) {
        return instant == null ? "" : MINUTES_UTC.format(instant);
    }

    /** The key and QR code of the setup under way, and nothing once that setup has ended. */
    public SetupChallenge getChallenge() {
        return isSetupInProgress() ? challenge : null;
    }

    public boolean isSetupInProgress() {
        if (challenge != null && !challenge.hasKey()) {
            challenge = enrollment.pendingChallenge(context.accountId()).orElse(null);
        }
        if (challenge != null
                && getDevice().getState() != DeviceView.State.PENDING
                && !getDevice().isReplacementPending()) {
            // The setup ended outside this view (confirmed in another tab, expired, reset): the
            // view must not show its key again, and need not keep it in the session either.
            challenge = null;
        }
        return challenge != null;
    }

    public String getSetupToken() {
        return setupToken;
    }

    public void setSetupToken(String setupToken) {
        this.setupToken = setupToken;
    }

    public String getDisablePassword() {
        return disablePassword;
    }

    public void setDisablePassword(String disablePassword) {
        this.disablePassword = disablePassword;
    }

    public String getDisableToken() {
        return disableToken;
    }

    public void setDisableToken(String disableToken) {
        this.disableToken = disableToken;
    }

    public String getReplacePassword() {
        return replacePassword;
    }

    public void setReplacePassword(String replacePassword) {
        this.replacePassword = replacePassword;
    }

    public String getReplaceToken() {
        return replaceToken;
    }

    public void setReplaceToken(String replaceToken) {
        this.replaceToken = replaceToken;
    }

    private static char[] passwordChars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
