package org.mfaplatform.login.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.operations.metrics.SecurityEvent;

/**
 * The web sites that share the two-step login, each named by its web module's context parameter
 * {@value #CONTEXT_PARAMETER}. One mechanism serves both because Liberty gives an EAR's mechanisms
 * to every module when it cannot tell which module a class came from, as with loose applications in
 * development.
 */
public enum Site {
    /** The user portal: every account may use it for itself. */
    PORTAL(
            EnumSet.allOf(Role.class),
            false,
            SecurityEvent.PORTAL_LOGIN,
            SecurityEvent.PORTAL_PASSWORD_FAILURE),
    /** The admin site: staff only, and each login is recorded. */
    ADMIN(
            EnumSet.of(Role.COMPANY_ADMIN, Role.SUPPORT),
            true,
            SecurityEvent.ADMIN_LOGIN,
            SecurityEvent.ADMIN_PASSWORD_FAILURE);

    public static final String CONTEXT_PARAMETER = "org.mfaplatform.site";

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String TOKEN_PAGE = "/token.xhtml";
    public static final String SETUP_PAGE = "/setup-required.xhtml";
    public static final String QR_CODE = "/mfa-qr.png";
    public static final String PASSWORD_PAGE = "/password-required.xhtml";

    private final Set<Role> admittedRoles;
    private final boolean auditsLogins;
    private final SecurityEvent login;
    private final SecurityEvent passwordFailure;

    Site(
            Set<Role> admittedRoles,
            boolean auditsLogins,
            SecurityEvent login,
            SecurityEvent passwordFailure) {
        this.admittedRoles = admittedRoles;
        this.auditsLogins = auditsLogins;
        this.login = login;
        this.passwordFailure = passwordFailure;
    }

    /** The site a web module declares; a module that declares none is the portal. */
    public static Site of(ServletContext context) {
        String name = context.getInitParameter(CONTEXT_PARAMETER);
        return name == null ? PORTAL : valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The page of a half-finished login's step that a request is for, the QR code counting as part
     * of the setup page, or empty for any other path.
     */
    public static Optional<String> stepPageOf(HttpServletRequest request) {
        String path = request.getServletPath();
        if (QR_CODE.equals(path)) {
            return Optional.of(SETUP_PAGE);
        }
        return Stream.of(TOKEN_PAGE, SETUP_PAGE, PASSWORD_PAGE).filter(path::equals).findFirst();
    }

    /**
     * Whether this site lets a login replace a temporary password. Only the portal does: every
     * account may use it, and staff whose password was reset choose their new one there.
     */
    public boolean offersPasswordChange() {
        return this == PORTAL;
    }

    public boolean admits(Role role) {
        return admittedRoles.contains(role);
    }

    public boolean auditsLogins() {
        return auditsLogins;
    }

    /** The event counted when a login on this site completes. */
    public SecurityEvent login() {
        return login;
    }

    /** The event counted when this site's login page refuses a password. */
    public SecurityEvent passwordFailure() {
        return passwordFailure;
    }
}
