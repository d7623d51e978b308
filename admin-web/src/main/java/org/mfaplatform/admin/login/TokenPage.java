package org.mfaplatform.admin.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mfaplatform.admin.web.RequestContext;
import org.mfaplatform.login.web.DatabaseUnavailable;
import org.mfaplatform.login.web.LoginOutcome;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.login.web.Notice;
import org.mfaplatform.login.web.TokenCredential;

/**
 * The second step: a token from the authenticator app. Also used by the mandatory setup page, whose
 * confirming token completes the login the same way.
 */
@Named
@RequestScoped
public class TokenPage {

    @Inject SecurityContext securityContext;

    @Inject FacesContext faces;

    @Inject RequestContext context;

    private String token;

    /** Sends a visitor without a half-finished login back to the login page. */
    public void requirePendingLogin() throws IOException {
        if (LoginSessions.current(context.request()).isEmpty()) {
            backToLogin(Notice.LOGIN_EXPIRED);
        }
    }

    public void submit() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status =
                securityContext.authenticate(
                        context.request(),
                        (HttpServletResponse) external.getResponse(),
                        AuthenticationParameters.withParams()
                                .credential(new TokenCredential(token)));
        token = null;

        // The mechanism could not reach the database: the page's filter sends the 503 page.
        DatabaseUnavailable.rethrowIfKept(context.request());
        switch (status) {
            case SUCCESS ->
                    external.redirect(external.getRequestContextPath() + "/app/index.xhtml");
            case SEND_CONTINUE -> faces.responseComplete();
            case SEND_FAILURE, NOT_DONE -> refused(LoginOutcome.of(context.request()));
        }
    }

    private void refused(LoginOutcome outcome) throws IOException {
        switch (outcome) {
            case WRONG_TOKEN -> context.error("token-form:token", "token.wrong");
            case TOKEN_LOCKED -> context.error("token-form:token", "token.locked");
            case SETUP_EXPIRED -> context.error("token-form:token", "setup.expired");
            case TOO_MANY_TOKENS -> backToLogin(Notice.TOO_MANY_TOKENS);
            case ACCOUNT_LOCKED -> backToLogin(Notice.ACCOUNT_LOCKED);
            case LOGIN_EXPIRED, WRONG_PASSWORD, PASSWORD_CHANGE_ELSEWHERE ->
                    backToLogin(Notice.LOGIN_EXPIRED);
        }
    }

    private void backToLogin(Notice notice) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?notice=" + notice.key());
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
