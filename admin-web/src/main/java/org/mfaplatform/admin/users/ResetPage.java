package org.mfaplatform.admin.users;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mfaplatform.admin.web.RequestContext;
import org.mfaplatform.administration.boundary.MfaReset;
import org.mfaplatform.administration.boundary.ResetResult;
import org.mfaplatform.administration.boundary.UserDirectory;
import org.mfaplatform.administration.boundary.UserRow;

/**
 * "Reset MFA" for one user who lost their device. A user the signed-in staff may not act on is
 * answered exactly like a user that does not exist, with a 404.
 */
@Named
@ViewScoped
public class ResetPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject UserDirectory directory;

    @Inject MfaReset mfaReset;

    @Inject RequestContext context;

    private String userParameter;
    private UserRow user;
    private String reason;
    private String ticket;

    /**
     * Shown in the one answer that unlocked the account. Transient, so a shared session store never
     * holds it; a later request of this view, on any server, shows it no more.
     */
    private transient String temporaryPassword;

    /** Runs after the view parameter is set, on the first request of the view only. */
    public void load() {
        user =
                parseId(userParameter)
                        .flatMap(id -> directory.find(context.accountId(), id))
                        .orElse(null);
        if (user == null) {
            FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public String reset() {
        if (user == null) {
            return null;
        }
        ResetResult result =
                mfaReset.reset(
                        context.accountId(), user.getId(), reason, ticket, context.clientAddress());
        switch (result.outcome()) {
            case RESET -> {
                if (result.unlockedAccount()) {
                    // Shown once, on this page only: never carried in a redirect or a message.
                    temporaryPassword = result.temporaryPassword();
                    return null;
                }
                context.info("reset.done", user.getEmail());
                context.keepMessagesOverRedirect();
                return "/app/users?faces-redirect=true&q=" + encoded(user.getEmail());
            }
            case NOT_FOUND -> user = null;
            case REASON_REQUIRED -> context.error("reset-form:reason", "reset.reasonRequired");
            case TICKET_REQUIRED -> context.error("reset-form:ticket", "reset.ticketRequired");
            case OWN_ACCOUNT -> context.error(null, "reset.ownAccount");
        }
        return null;
    }

    private static Optional<Long> parseId(String parameter) {
        try {
            return parameter == null
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(parameter.strip()));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public UserRow getUser() {
        return user;
    }

    /** The password that unlocked a locked account, while this view shows it. */
    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public boolean isFound() {
        return user != null;
    }

    public String getUserParameter() {
        return userParameter;
    }

    public void setUserParameter(String userParameter) {
        this.userParameter = userParameter;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }
}
