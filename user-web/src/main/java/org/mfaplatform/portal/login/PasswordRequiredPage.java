package org.mfaplatform.portal.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.mfaplatform.account.boundary.PasswordChangeOutcome;
import org.mfaplatform.account.boundary.TemporaryPasswordChange;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.portal.web.RequestContext;

/**
 * Reached only while the account must replace the temporary password staff gave it; the
 * authentication mechanism sends the login here and nowhere else until it is done.
 */
@Named
@RequestScoped
public class PasswordRequiredPage {

    @Inject FacesContext faces;

    @Inject RequestContext context;

    @Inject TemporaryPasswordChange passwordChange;

    private String newPassword;
    private String confirmation;

    public void submit() throws IOException {
        PasswordChangeOutcome outcome =
                passwordChange.replace(
                        context.accountId(),
                        chars(newPassword),
                        chars(confirmation),
                        context.clientAddress());
        newPassword = null;
        confirmation = null;

        switch (outcome) {
            case CHANGED -> {
                LoginSessions.recordPasswordChanged(context.request());
                // The mechanism sends the login on to its next step: a token, a setup, or home.
                ExternalContext external = faces.getExternalContext();
                external.redirect(external.getRequestContextPath() + "/app/index.xhtml");
            }
            case TOO_SHORT -> context.error("password-form:new-password", "password.tooShort");
            case TOO_LONG -> context.error("password-form:new-password", "password.tooLong");
            case MISMATCH -> context.error("password-form:confirmation", "password.mismatch");
            case SAME_AS_TEMPORARY ->
                    context.error("password-form:new-password", "password.sameAsTemporary");
            case NOT_REQUIRED -> {
                ExternalContext external = faces.getExternalContext();
                external.redirect(external.getRequestContextPath() + "/app/index.xhtml");
            }
        }
    }

    private static char[] chars(String text) {
        return text == null ? new char[0] : text.toCharArray();
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
