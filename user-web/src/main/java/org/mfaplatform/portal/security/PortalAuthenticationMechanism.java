package org.mfaplatform.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.login.web.TwoStepAuthenticationMechanism;

/** The portal's two-step login; every role may use the portal for its own account. */
@ApplicationScoped
public class PortalAuthenticationMechanism extends TwoStepAuthenticationMechanism {

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
        return EnumSet.allOf(Role.class);
    }
}
