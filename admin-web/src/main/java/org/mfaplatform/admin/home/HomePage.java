package org.mfaplatform.admin.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.mfaplatform.account.entity.Role;

/** The admin site's start page. */
@Named
@RequestScoped
public class HomePage {

    @Inject SecurityContext securityContext;

    public String getEmail() {
        return securityContext.getCallerPrincipal().getName();
    }

    public boolean isSupport() {
        return securityContext.isCallerInRole(Role.SUPPORT.name());
    }
}
