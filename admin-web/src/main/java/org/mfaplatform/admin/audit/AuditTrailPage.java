package org.mfaplatform.admin.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.mfaplatform.admin.web.RequestContext;
import org.mfaplatform.administration.boundary.AuditLog;
import org.mfaplatform.administration.boundary.AuditPage;
import org.mfaplatform.audit.entity.AuditEventType;

/** The audit trail, newest first, filtered by event type and user; everything is in the URL. */
@Named
@RequestScoped
public class AuditTrailPage {

    private static final int MAX_EMAIL_LENGTH = 254;

    @Inject AuditLog auditLog;

    @Inject RequestContext context;

    private String type;
    private String user;
    private String page;
    private AuditPage events;

    /** Runs after the view parameters are set. */
    public void load() {
        events =
                auditLog.page(
                        context.accountId(), getSelectedType(), getUserFilter(), pageNumber());
    }

    public List<AuditEventType> getTypes() {
        return List.of(AuditEventType.values());
    }

    /** Unknown types from a hand-edited address mean no filter. */
    public AuditEventType getSelectedType() {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return AuditEventType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public String getUserFilter() {
        if (user == null) {
            return "";
        }
        // Control characters cannot be in an email, and PostgreSQL refuses a NUL in any text.
        String stripped = user.replaceAll("\\p{Cntrl}", "").strip();
        return stripped.length() > MAX_EMAIL_LENGTH
                ? stripped.substring(0, MAX_EMAIL_LENGTH)
                : stripped;
    }

    public String pageLink(int number) {
        StringBuilder link =
                new StringBuilder(context.request().getContextPath())
                        .append("/app/audit.xhtml?page=")
                        .append(number);
        if (getSelectedType() != null) {
            link.append("&type=").append(getSelectedType().name());
        }
        if (!getUserFilter().isEmpty()) {
            link.append("&user=")
                    .append(URLEncoder.encode(getUserFilter(), StandardCharsets.UTF_8));
        }
        return link.toString();
    }

    private int pageNumber() {
        try {
            return Math.max(1, Integer.parseInt(page == null ? "1" : page.strip()));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    public AuditPage getEvents() {
        return events;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
