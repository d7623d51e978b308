package org.mfaplatform.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.administration.boundary.AdminActivity;
import org.mfaplatform.login.boundary.Access;
import org.mfaplatform.login.web.TwoStepAuthenticationMechanism;

/**
 * The admin site's two-step login: only company administrators and support staff get in, and each
 * completed login is recorded in the audit trail.
 */
@ApplicationScoped
public class AdminAuthenticationMechanism extends TwoStepAuthenticationMechanism {

    @Inject AdminActivity adminActivity;

    @Override
    protected String loginPage() {
        return "/login.xhtml";
    }

    @Override
    protected String tokenPage() {
        return "/token.xhtml";
    }

    @Override
    protected String setupPage() {
        return "/setup-required.xhtml";
    }

    @Override
    protected Set<Role> admittedRoles() {
        return EnumSet.of(Role.COMPANY_ADMIN, Role.SUPPORT);
    }

    @Override
    protected void loginCompleted(Access access, HttpServletRequest request) {
        adminActivity.recordLogin(access.accountId(), request.getRemoteAddr());
    }
}
