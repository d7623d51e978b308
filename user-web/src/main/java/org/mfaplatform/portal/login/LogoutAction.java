package org.mfaplatform.portal.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.login.web.Notice;
import org.mfaplatform.portal.web.RequestContext;

/** Ends the login, finished or half-way, and returns to the login page. */
@Named
@RequestScoped
public class LogoutAction {

    @Inject FacesContext faces;

    @Inject RequestContext context;

    public void logout() throws IOException, ServletException {
        HttpServletRequest request = context.request();
        request.logout();
        LoginSessions.end(request);

        ExternalContext external = faces.getExternalContext();
        external.redirect(
                external.getRequestContextPath()
                        + "/login.xhtml?notice="
                        + Notice.LOGGED_OUT.key());
    }
}
