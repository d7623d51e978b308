package org.mfaplatform.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.mfaplatform.login.web.ClientAddress;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.login.web.LoginState;

/** What page beans need from the current request: the caller's account and message texts. */
@RequestScoped
public class RequestContext {

    @Inject FacesContext faces;

    @Inject ClientAddress clientAddress;

    public HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    /** The caller's address, as the audit trail and notices record it. */
    public String clientAddress() {
        return clientAddress.of(request());
    }

    /** The account of this session's login; pages call this only behind the mechanism. */
    public long accountId() {
        return LoginSessions.current(request())
                .map(LoginState::accountId)
                .orElseThrow(() -> new IllegalStateException("no login in this session"));
    }

    public String text(String key) {
        return ResourceBundle.getBundle(
                        "org.mfaplatform.admin.messages", faces.getViewRoot().getLocale())
                .getString(key);
    }

    public void error(String clientId, String key) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key), null));
    }

    /** An error message whose text has {@code {0}}-style placeholders. */
    public void error(String clientId, String key, Object... arguments) {
        String text = MessageFormat.format(text(key), arguments);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public void info(String key) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
    }

    /** An information message whose text has {@code {0}}-style placeholders. */
    public void info(String key, Object... arguments) {
        String text = MessageFormat.format(text(key), arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** Keeps messages across the redirect that follows a successful action. */
    public void keepMessagesOverRedirect() {
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
