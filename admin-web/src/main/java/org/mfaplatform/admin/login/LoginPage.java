package org.mfaplatform.admin.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import org.mfaplatform.admin.web.RequestContext;
import org.mfaplatform.login.web.DatabaseUnavailable;
import org.mfaplatform.login.web.LoginOutcome;
import org.mfaplatform.login.web.Notice;

/** The login page: email and password, the first of the two steps. */
@Named
@RequestScoped
public class LoginPage {

    @Inject SecurityContext securityContext;

    @Inject FacesContext faces;

    @Inject RequestContext context;

    // Messages from ValidationMessages.properties: Faces shows a constraint's own message, which
    // by default names neither the field nor the fault in words a visitor reads.
    @NotBlank(message = "{org.mfaplatform.login.email.blank}")
    @Size(max = 254, message = "{org.mfaplatform.login.email.tooLong}")
    private String email;

    @NotBlank(message = "{org.mfaplatform.login.password.blank}")
    @Size(max = 1024, message = "{org.mfaplatform.login.password.tooLong}")
    private String password;

    /** Which notice the login page shows above the form, from its {@code notice} parameter. */
    private String notice;

    public String getNoticeText() {
        return Notice.fromKey(notice).map(known -> context.text(known.messageKey())).orElse(null);
    }

    public String getNotice() {
        return notice;
    }

    public void setNotice(String notice) {
        this.notice = notice;
    }

    public void login() throws IOException {
        if (email == null || password == null) {
            // A field left out of the request altogether skips Faces' required check; no browser
            // sends such a form, and there is nothing to check.
            context.error(null, "login.failed");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status =
                securityContext.authenticate(
                        context.request(),
                        (HttpServletResponse) external.getResponse(),
                        AuthenticationParameters.withParams()
                                .newAuthentication(true)
                                .credential(
                                        new UsernamePasswordCredential(
                                                email, new Password(password))));
        password = null;

        // The mechanism could not reach the database: the page's filter sends the 503 page.
        DatabaseUnavailable.rethrowIfKept(context.request());
        switch (status) {
            case SUCCESS ->
                    external.redirect(external.getRequestContextPath() + "/app/index.xhtml");
            case SEND_CONTINUE -> faces.responseComplete();
            case SEND_FAILURE, NOT_DONE -> refused();
        }
    }

    /**
     * One message for an unknown email and a wrong password alike; a throttled attempt says how
     * long to wait, the same for every email, known or not. A locked account, or a temporary
     * password this site cannot replace, is told only to someone who gave the right password.
     */
    private void refused() {
        switch (LoginOutcome.of(context.request())) {
            case ACCOUNT_LOCKED -> context.error(null, "login.accountLocked");
            case PASSWORD_CHANGE_ELSEWHERE -> context.error(null, "login.passwordChangeElsewhere");
            case PASSWORD_THROTTLED -> {
                Duration wait = LoginOutcome.waitOf(context.request()).orElse(Duration.ZERO);
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                context.error(null, "login.throttled", minutes);
            }
            default -> context.error(null, "login.failed");
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
