package org.mfaplatform.login.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.mfaplatform.account.entity.Role;

/**
 * The web sites that share the two-step login, each named by its web module's context parameter
 * {@value #CONTEXT_PARAMETER}. One mechanism serves both because Liberty gives an EAR's mechanisms
 * to every module when it cannot tell which module a class came from, as with loose applications in
 * development.
 */
public enum Site {
    /** The user portal: every account may use it for itself. */
    PORTAL(EnumSet.allOf(Role.class), false),
    /** The admin site: staff only, and each login is recorded. */
    ADMIN(EnumSet.of(Role.COMPANY_ADMIN, Role.SUPPORT), true);

    public static final String CONTEXT_PARAMETER = "org.mfaplatform.site";

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String TOKEN_PAGE = "/token.xhtml";
    public static final String SETUP_PAGE = "/setup-required.xhtml";
    public static final String QR_CODE = "/mfa-qr.png";

    private final Set<Role> admittedRoles;
    private final boolean auditsLogins;

    Site(Set<Role> admittedRoles, boolean auditsLogins) {
        this.admittedRoles = admittedRoles;
        this.auditsLogins = auditsLogins;
    }

    /** The site a web module declares; a module that declares none is the portal. */
    public static Site of(ServletContext context) {
        String name = context.getInitParameter(CONTEXT_PARAMETER);
        return name == null ? PORTAL : valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether a request is for the mandatory setup page or the QR code it shows. */
    public static boolean isSetupPath(HttpServletRequest request) {
        String path = request.getServletPath();
        return SETUP_PAGE.equals(path) || QR_CODE.equals(path);
    }

    public static boolean isTokenPath(HttpServletRequest request) {
        return TOKEN_PAGE.equals(request.getServletPath());
    }

    public boolean admits(Role role) {
        return admittedRoles.contains(role);
    }

    public boolean auditsLogins() {
        return auditsLogins;
    }
}
